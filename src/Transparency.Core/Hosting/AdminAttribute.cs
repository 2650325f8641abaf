using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Transparency.Core.Hosting;

/// <summary>Marks a controller or action as back office: its views render in the admin theme.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class AdminAttribute : Attribute, IResourceFilter
{
    private const string Key = "Transparency.IsAdmin";

    /// <summary>True when the current request renders in the admin theme.</summary>
    public static bool IsAdmin(HttpContext context) => context.Items.ContainsKey(Key);

    /// <inheritdoc />
    public void OnResourceExecuting(ResourceExecutingContext context) => context.HttpContext.Items[Key] = true;

    /// <inheritdoc />
    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
