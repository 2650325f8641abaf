using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;

namespace Transparency.Replies.Letters;

/// <summary>Fluid (Liquid) parsing and rendering of letter templates, with errors translated to Chinese.</summary>
internal static partial class LetterTemplateEngine
{
    /// <summary>Steps a template may execute: plenty for a letter, a stop for a runaway loop.</summary>
    private const int MaxSteps = 100_000;

    /// <summary>FluidParser is thread-safe once built.</summary>
    private static readonly FluidParser Parser = new();

    private static readonly TemplateOptions LenientOptions = CreateOptions(strict: false);

    private static readonly TemplateOptions StrictOptions = CreateOptions(strict: true);

    /// <summary>Values are HTML-encoded so that text like “&lt;b&gt;” in a title stays text in the markup; Chinese stays readable.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static TemplateOptions CreateOptions(bool strict)
    {
        var options = new TemplateOptions
        {
            MaxSteps = MaxSteps,
            MaxRecursion = 20,
            StrictVariables = strict,
            StrictFilters = strict,
            CultureInfo = System.Globalization.CultureInfo.InvariantCulture,
        };
        return options;
    }

    public static bool TryParse(string template, out IFluidTemplate parsed, out ReplyLetterTemplateError? error)
    {
        if (Parser.TryParse(template, out parsed, out var message))
        {
            error = null;
            return true;
        }

        error = TranslateParseError(message ?? "");
        return false;
    }

    /// <summary>Renders the markup; throws <see cref="ReplyLetterTemplateException"/> with a Chinese message on runtime errors.</summary>
    public static string Render(IFluidTemplate template, string source, ReplyLetterData data, bool strict)
    {
        var context = new TemplateContext(strict ? StrictOptions : LenientOptions);
        SetValues(context, data);
        try
        {
            return template.Render(context, Encoder);
        }
        catch (Exception exception) when (Services.LiquidErrors.IsTemplateFault(exception))
        {
            var error = TranslateRuntimeError(exception, source);
            throw new ReplyLetterTemplateException([error], exception);
        }
    }

    private static void SetValues(TemplateContext context, ReplyLetterData data)
    {
        var representatives = (data.Representatives ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToArray();
        var copyTo = (data.CopyTo ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToArray();
        context.SetValue("unit_name", data.UnitName ?? "");
        context.SetValue("document_number", data.DocumentNumber ?? "");
        context.SetValue("classification", data.Classification ?? "");
        context.SetValue("kind_name", data.ProposalKindName ?? "");
        context.SetValue("is_cppcc", data.IsCppcc);
        context.SetValue("session_name", data.SessionName ?? "");
        context.SetValue("proposal_number", data.ProposalNumber ?? "");
        context.SetValue("proposal_title", data.ProposalTitle ?? "");
        context.SetValue("representatives", representatives);
        context.SetValue("representative_title", data.RepresentativeTitle);
        context.SetValue("salutation", data.Salutation);
        context.SetValue("outcome", data.Outcome.ToString());
        context.SetValue("outcome_text", ReplyLetterData.OutcomeText(data.Outcome));
        context.SetValue("date", LetterText.ChineseDate(data.Date));
        context.SetValue("year", data.Date.Year);
        context.SetValue("month", data.Date.Month);
        context.SetValue("day", data.Date.Day);
        context.SetValue("contact_person", data.ContactPerson ?? "");
        context.SetValue("contact_phone", data.ContactPhone ?? "");
        context.SetValue("copy_to", copyTo);
    }

    internal static ReplyLetterTemplateError TranslateParseError(string message)
        => From(Services.LiquidErrors.Parse(message));

    internal static ReplyLetterTemplateError TranslateRuntimeError(Exception exception, string source)
        => From(Services.LiquidErrors.Runtime(exception, source, "答复函模板"));

    private static ReplyLetterTemplateError From(Services.LiquidError error) => ReplyLetterTemplateError.At(error.Line, error.Column, error.Message);
}
