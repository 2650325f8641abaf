using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Transparency.Core.Audit;
using Transparency.Core.Recipes;
using Transparency.Data;
using Transparency.Recipes.Models;

namespace Transparency.Recipes.Services;

/// <summary>
/// Runs a recipe: parses and checks the file, then applies every step inside one database
/// transaction; any failure rolls everything back and is reported with the file, step and field.
/// </summary>
public sealed class RecipeExecutor(
    TransparencyDbContext db,
    IEnumerable<IRecipeStep> steps,
    IAuditTrail audit,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<RecipeExecutor> logger) : IRecipeExecutor
{
    public async Task<bool> ExecuteOnceAsync(string path, RecipeRunOptions options, CancellationToken cancellationToken = default)
    {
        var (recipe, json) = await LoadAsync(path, cancellationToken);
        if (await db.Set<RecipeExecution>().AnyAsync(r => r.Name == recipe.Name, cancellationToken))
        {
            return false;
        }

        await RunAsync(path, recipe, json, options, cancellationToken);
        return true;
    }

    public async Task ExecuteAsync(string path, RecipeRunOptions options, CancellationToken cancellationToken = default)
    {
        var (recipe, json) = await LoadAsync(path, cancellationToken);
        await RunAsync(path, recipe, json, options, cancellationToken);
    }

    private static async Task<(RecipeFile Recipe, string Json)> LoadAsync(string path, CancellationToken cancellationToken)
    {
        string json;
        try
        {
            json = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (IOException e)
        {
            throw new RecipeException($"Recipe '{path}' cannot be read: {e.Message}", e);
        }

        try
        {
            var recipe = RecipeFile.Parse(json, out var document);
            document.Dispose();
            return (recipe, json);
        }
        catch (RecipeStepException e)
        {
            throw new RecipeException($"Recipe '{Path.GetFileName(path)}': field '{e.Field}': {e.Message}", e);
        }
    }

    private async Task RunAsync(string path, RecipeFile header, string json, RecipeRunOptions options, CancellationToken cancellationToken)
    {
        var file = Path.GetFileName(path);
        if (header.IsDemo && environment.IsProduction() && !options.AllowDemoInProduction)
        {
            throw new RecipeException(
                $"Recipe '{file}' is a demo recipe and the environment is Production: it would add demo accounts and data. " +
                "Set Setup:AllowDemoInProduction=true to force it.");
        }

        // Re-parse so the step elements belong to a document that lives for the whole run.
        var recipe = RecipeFile.Parse(json, out var document);
        using var _ = document;
        var handlers = steps.ToDictionary(s => s.Name, StringComparer.Ordinal);
        for (var i = 0; i < recipe.Steps.Count; i++)
        {
            var name = recipe.Steps[i].GetProperty("name").GetString()!;
            if (!handlers.ContainsKey(name))
            {
                throw new RecipeException(
                    $"Recipe '{file}', steps[{i}]: unknown step '{name}'. Known steps: {string.Join(", ", handlers.Keys.Order(StringComparer.Ordinal))}.");
            }
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var index = 0;
            try
            {
                for (; index < recipe.Steps.Count; index++)
                {
                    var step = recipe.Steps[index];
                    await handlers[step.GetProperty("name").GetString()!]
                        .ExecuteAsync(new RecipeStepContext(step, recipe.Name, recipe.IsDemo), cancellationToken);
                }

                db.Add(new RecipeExecution
                {
                    Name = recipe.Name,
                    Description = recipe.Description,
                    FileName = file,
                    Sha256 = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json))),
                    StepCount = recipe.Steps.Count,
                    ExecutedUtc = clock.GetUtcNow().UtcDateTime,
                    ExecutedBy = options.ExecutedBy,
                });
                audit.Record(new AuditEntry("Recipes", "Executed", recipe.Name, $"执行配置方案 {file}（{recipe.Steps.Count} 个步骤）", options.ExecutedBy));
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Recipe {Recipe} ({File}) applied", recipe.Name, file);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                var stepName = index < recipe.Steps.Count ? recipe.Steps[index].GetProperty("name").GetString() : "";
                var where = e is RecipeStepException { Field.Length: > 0 } s ? $", field '{s.Field}'" : "";
                throw new RecipeException($"Recipe '{file}', steps[{index}] '{stepName}'{where}: {e.Message} Nothing was applied.", e);
            }
        });
    }
}
