using Microsoft.EntityFrameworkCore;
using Transparency.Core.Recipes;
using Transparency.Data;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.Recipes;

/// <summary>
/// <c>{ "name": "Sessions", "sessions": [ { "name": "市十六届人大三次会议", "year": 2020, "kind": "Npc",
/// "replyMonths": 3, "coOpinionMonths": 1, "rehandlingMonths": 1 } ] }</c>; matched by name.
/// </summary>
public sealed class SessionsStep(TransparencyDbContext db) : IRecipeStep
{
    public string Name => "Sessions";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var existing = await db.Set<Session>().ToDictionaryAsync(s => s.Name, cancellationToken);
        var index = 0;
        foreach (var item in RecipeJson.RequiredArray(context.Data, "sessions").EnumerateArray())
        {
            var path = $"sessions[{index++}]";
            var name = RecipeJson.RequiredString(item, "name", path, 100);
            if (!existing.TryGetValue(name, out var session))
            {
                session = new Session { Name = name };
                db.Add(session);
                existing[name] = session;
            }

            session.Year = RecipeValues.WholeNumber(item, "year", path, session.Year == 0 ? -1 : session.Year, 1949, 2100);
            session.Kind = RecipeValues.Enum(item, "kind", path, session.Kind);
            session.ReplyMonths = RecipeValues.WholeNumber(item, "replyMonths", path, session.ReplyMonths, 1, 6);
            session.CoOpinionMonths = RecipeValues.WholeNumber(item, "coOpinionMonths", path, session.CoOpinionMonths, 1, 6);
            session.RehandlingMonths = RecipeValues.WholeNumber(item, "rehandlingMonths", path, session.RehandlingMonths, 1, 6);
            if (session.Year < 0)
            {
                throw new RecipeStepException($"{path}.year", "is required.");
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
