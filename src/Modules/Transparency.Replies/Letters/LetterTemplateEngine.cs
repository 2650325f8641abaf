using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
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
        catch (Exception exception) when (exception is FluidException or InvalidOperationException or ArgumentException
            or FormatException or ArithmeticException or IOException or NotSupportedException or NotImplementedException
            or IndexOutOfRangeException or NullReferenceException or InvalidCastException)
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

    [GeneratedRegex(@"^(?<message>.*?) at \((?<line>\d+):(?<column>\d+)\)", RegexOptions.Singleline)]
    private static partial Regex ParseErrorPattern();

    [GeneratedRegex(@"^'(?<tag>\{%\s*\w+\s*%\})' was expected$")]
    private static partial Regex ExpectedEndTag();

    [GeneratedRegex(@"^End of tag '(?<end>.+?)' was expected$")]
    private static partial Regex ExpectedTagEnd();

    [GeneratedRegex(@"^Unknown tag '(?<tag>.+?)'$")]
    private static partial Regex UnknownTag();

    [GeneratedRegex(@"^Invalid '(?<tag>.+?)' tag$")]
    private static partial Regex InvalidTag();

    [GeneratedRegex(@"^An identifier was expected after the '(?<sign>.+?)' (?<what>sign|tag)$")]
    private static partial Regex IdentifierExpected();

    [GeneratedRegex(@"^Undefined (?<what>variable|filter) '(?<name>.+?)'")]
    private static partial Regex Undefined();

    internal static ReplyLetterTemplateError TranslateParseError(string message)
    {
        var match = ParseErrorPattern().Match(message);
        if (!match.Success)
        {
            return ReplyLetterTemplateError.At(null, null, "模板语法错误：" + FirstLine(message));
        }

        var line = int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var column = int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var original = match.Groups["message"].Value.Trim();
        string text;
        if (ExpectedEndTag().Match(original) is { Success: true } endTag)
        {
            text = $"缺少结束标签 {endTag.Groups["tag"].Value}：前面有标签（如 if、for、unless、case、capture、comment）没有结束";
        }
        else if (ExpectedTagEnd().Match(original) is { Success: true } tagEnd)
        {
            text = $"标签没有正确结束，缺少“{tagEnd.Groups["end"].Value}”";
        }
        else if (UnknownTag().Match(original) is { Success: true } unknown)
        {
            text = unknown.Groups["tag"].Value.StartsWith("end", StringComparison.Ordinal)
                ? $"多余的结束标签“{unknown.Groups["tag"].Value}”：没有与之对应的开始标签"
                : $"未知的标签“{unknown.Groups["tag"].Value}”";
        }
        else if (InvalidTag().Match(original) is { Success: true } invalid)
        {
            text = $"“{invalid.Groups["tag"].Value}”标签写法不正确";
        }
        else if (IdentifierExpected().Match(original) is { Success: true } identifier)
        {
            text = identifier.Groups["what"].Value == "sign"
                ? $"“{identifier.Groups["sign"].Value}”后面缺少过滤器名称"
                : $"“{identifier.Groups["sign"].Value}”标签后面缺少变量名";
        }
        else if (original.StartsWith("A value was expected", StringComparison.Ordinal))
        {
            text = "此处缺少一个值（字符串的引号是否成对？）";
        }
        else
        {
            text = "语法错误：" + original;
        }

        return ReplyLetterTemplateError.At(line, column, text);
    }

    internal static ReplyLetterTemplateError TranslateRuntimeError(Exception exception, string source)
    {
        var message = exception.Message;
        if (Undefined().Match(message) is { Success: true } undefined)
        {
            var name = undefined.Groups["name"].Value;
            var isFilter = undefined.Groups["what"].Value == "filter";
            var pattern = isFilter
                ? @"\|\s*" + Regex.Escape(name) + @"(?![\w])"
                : @"(?<![\w.])" + Regex.Escape(name) + @"(?![\w])";
            var index = FindInTags(source, pattern);
            var (line, column) = index >= 0 ? LetterText.Position(source, index) : (0, 0);
            var text = isFilter
                ? $"未知的过滤器“{name}”"
                : $"未定义的变量“{name}”（可用的变量见答复函模板说明）";
            return index >= 0 ? ReplyLetterTemplateError.At(line, column, text) : ReplyLetterTemplateError.At(null, null, text);
        }

        var translated = exception switch
        {
            InvalidOperationException when message.Contains("maximum", StringComparison.OrdinalIgnoreCase)
                => "模板执行步骤过多或嵌套过深（是否有过大的循环？）",
            FileNotFoundException or IOException => "答复函模板不能用 include 或 render 引用其他文件",
            DivideByZeroException => "模板中出现了除以零的计算",
            _ => "模板运行出错：" + FirstLine(message),
        };
        return ReplyLetterTemplateError.At(null, null, translated);
    }

    /// <summary>The index of the first match of <paramref name="pattern"/> inside a {{ … }} or {% … %} tag.</summary>
    private static int FindInTags(string source, string pattern)
    {
        foreach (Match tag in Regex.Matches(source, @"\{\{.*?\}\}|\{%.*?%\}", RegexOptions.Singleline, TimeSpan.FromSeconds(1)))
        {
            var inner = Regex.Match(tag.Value, pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            if (inner.Success)
            {
                return tag.Index + inner.Index;
            }
        }

        return -1;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
