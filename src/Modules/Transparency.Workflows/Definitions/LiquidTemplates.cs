using System.Globalization;
using Fluid;

namespace Transparency.Workflows.Definitions;

/// <summary>
/// The Liquid (Fluid) templates of activities: subjects, bodies, messages, links, recipients and IfElse conditions. A
/// template sees <c>event.&lt;value&gt;</c> (the event's values), <c>workflow</c> (its name), <c>site_url</c> and, in
/// e-mails to representatives, <c>recipient.name</c>, <c>recipient.email</c> and <c>recipient.link</c>.
/// </summary>
public static class LiquidTemplates
{
    private const int MaxSteps = 10_000;

    /// <summary>FluidParser is thread-safe once built.</summary>
    private static readonly FluidParser Parser = new();

    private static readonly TemplateOptions Options = new()
    {
        MaxSteps = MaxSteps,
        MaxRecursion = 20,
        CultureInfo = CultureInfo.InvariantCulture,
    };

    /// <summary>Null when the template parses; otherwise the parser's message.</summary>
    public static string? Check(string template) => Parser.TryParse(template, out _, out var error) ? null : error;

    /// <summary>Null when the condition parses as the test of an <c>{% if %}</c>; otherwise the parser's message.</summary>
    public static string? CheckCondition(string condition) => Check(ConditionTemplate(condition));

    /// <summary>Renders a template as plain text (no HTML encoding: mails are plain text, notices are encoded by the view).</summary>
    public static string Render(string template, IReadOnlyDictionary<string, object?> model)
    {
        if (!Parser.TryParse(template, out var parsed, out var error))
        {
            throw new InvalidOperationException($"Liquid模板有误：{error}");
        }

        var context = new TemplateContext(Options);
        foreach (var (name, value) in model)
        {
            context.SetValue(name, value);
        }

        return parsed.Render(context, NullEncoder.Default);
    }

    /// <summary>Evaluates an IfElse condition such as <c>event.rating == "不满意"</c>.</summary>
    public static bool Evaluate(string condition, IReadOnlyDictionary<string, object?> model)
        => Render(ConditionTemplate(condition), model) == "1";

    private static string ConditionTemplate(string condition) => "{% if " + condition + " %}1{% else %}0{% endif %}";
}
