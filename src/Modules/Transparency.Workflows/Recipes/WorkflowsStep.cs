using System.Globalization;
using Transparency.Core.Recipes;
using Transparency.Workflows.Services;

namespace Transparency.Workflows.Recipes;

/// <summary>
/// <c>{ "name": "Workflows", "workflows": [ { "name": "…", "event": "ReplySent", "start": "mail", "activities": [ … ] } ] }</c>:
/// adds each workflow type, or replaces the one of the same name. Every definition is checked like the editor checks
/// it; the first problem stops the recipe, naming its field (e.g. <c>workflows[2].activities[0].next.True</c>).
/// The export at <c>/admin/workflows/export</c> writes this step.
/// </summary>
public sealed class WorkflowsStep(WorkflowTypeStore store) : IRecipeStep
{
    public string Name => "Workflows";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        foreach (var property in context.Data.EnumerateObject())
        {
            if (property.Name is not ("name" or "workflows"))
            {
                throw new RecipeStepException(property.Name, "is not a known field (known: workflows).");
            }
        }

        var i = 0;
        foreach (var item in RecipeJson.RequiredArray(context.Data, "workflows").EnumerateArray())
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"workflows[{i}]");
            try
            {
                await store.ImportAsync(item, path, context.RecipeName, cancellationToken);
            }
            catch (WorkflowDefinitionException e)
            {
                var first = e.Errors[0];
                throw new RecipeStepException(first.Path.Length == 0 ? path : first.Path, string.Join("；", e.Errors.Select(x => x.ToString())));
            }

            i++;
        }
    }

    /// <summary>The step as JSON, for the export.</summary>
    public static string Export(IEnumerable<string> definitions)
    {
        var step = new System.Text.Json.Nodes.JsonObject
        {
            ["name"] = "Workflows",
            ["workflows"] = new System.Text.Json.Nodes.JsonArray([.. definitions.Select(d => System.Text.Json.Nodes.JsonNode.Parse(d))]),
        };
        var recipe = new System.Text.Json.Nodes.JsonObject
        {
            ["name"] = "workflows-export",
            ["description"] = "工作流程导出",
            ["steps"] = new System.Text.Json.Nodes.JsonArray(step),
        };
        return recipe.ToJsonString(Definitions.DefinitionWriter.Options);
    }
}
