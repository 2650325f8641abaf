using System.Globalization;
using System.Text.RegularExpressions;
using Fluid;
using Transparency.Replies.Letters;

namespace Transparency.Replies.Services;

/// <summary>A template error as staff read it: where (1-based line and column, when known) and what, in Chinese.</summary>
/// <param name="Line">Line, or null.</param>
/// <param name="Column">Column, or null.</param>
/// <param name="Message">The explanation.</param>
internal readonly record struct LiquidError(int? Line, int? Column, string Message);

/// <summary>
/// Fluid's parse and runtime errors, translated for the administrators who edit the Liquid templates (the reply letter
/// and the handling summary): one translation for both.
/// </summary>
internal static partial class LiquidErrors
{
    /// <summary>
    /// The exceptions a template's rendering may throw, which are the template's fault and reported as such: anything
    /// thrown inside Fluid itself (e.g. a feature Fluid does not support), and the usual value errors of a filter.
    /// </summary>
    public static bool IsTemplateFault(Exception exception) => exception is FluidException
        || exception.TargetSite?.Module.Assembly == typeof(FluidException).Assembly
        || exception is InvalidOperationException or ArgumentException or FormatException or ArithmeticException or IOException
            or NotSupportedException or IndexOutOfRangeException or NullReferenceException or InvalidCastException;

    /// <summary>A parse error (Fluid's message ends with “at (line:column)”).</summary>
    public static LiquidError Parse(string message)
    {
        var match = ParseErrorPattern().Match(message);
        if (!match.Success)
        {
            return new(null, null, "模板语法错误：" + FirstLine(message));
        }

        var line = int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture);
        var column = int.Parse(match.Groups["column"].Value, CultureInfo.InvariantCulture);
        var original = match.Groups["message"].Value.Trim();
        var text = original switch
        {
            _ when ExpectedEndTag().Match(original) is { Success: true } m
                => $"缺少结束标签 {m.Groups["tag"].Value}：前面有标签（如 if、for、unless、case、capture、comment）没有结束",
            _ when ExpectedTagEnd().Match(original) is { Success: true } m => $"标签没有正确结束，缺少“{m.Groups["end"].Value}”",
            _ when UnknownTag().Match(original) is { Success: true } m => m.Groups["tag"].Value.StartsWith("end", StringComparison.Ordinal)
                ? $"多余的结束标签“{m.Groups["tag"].Value}”：没有与之对应的开始标签"
                : $"未知的标签“{m.Groups["tag"].Value}”",
            _ when InvalidTag().Match(original) is { Success: true } m => $"“{m.Groups["tag"].Value}”标签写法不正确",
            _ when IdentifierExpected().Match(original) is { Success: true } m => m.Groups["what"].Value == "sign"
                ? $"“{m.Groups["sign"].Value}”后面缺少过滤器名称"
                : $"“{m.Groups["sign"].Value}”标签后面缺少变量名",
            _ when original.StartsWith("A value was expected", StringComparison.Ordinal) => "此处缺少一个值（字符串的引号是否成对？）",
            _ => "语法错误：" + original,
        };
        return new(line, column, text);
    }

    /// <summary>A runtime error; an undefined variable or filter is located in <paramref name="source"/>.</summary>
    /// <param name="exception">What Fluid threw.</param>
    /// <param name="source">The template.</param>
    /// <param name="templateName">e.g. 答复函模板, for the messages.</param>
    public static LiquidError Runtime(Exception exception, string source, string templateName)
    {
        var message = exception.Message;
        if (Undefined().Match(message) is { Success: true } undefined)
        {
            var name = undefined.Groups["name"].Value;
            var isFilter = undefined.Groups["what"].Value == "filter";
            var pattern = isFilter ? @"\|\s*" + Regex.Escape(name) + @"(?![\w])" : @"(?<![\w.])" + Regex.Escape(name) + @"(?![\w])";
            var text = isFilter ? $"未知的过滤器“{name}”" : $"未定义的变量“{name}”（可用的变量见{templateName}说明）";
            foreach (Match tag in TagPattern().Matches(source))
            {
                var inner = Regex.Match(tag.Value, pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
                if (inner.Success)
                {
                    var (line, column) = LetterText.Position(source, tag.Index + inner.Index);
                    return new(line, column, text);
                }
            }

            return new(null, null, text);
        }

        return new(null, null, exception switch
        {
            InvalidOperationException when message.Contains("maximum", StringComparison.OrdinalIgnoreCase) => "模板执行步骤过多或嵌套过深（是否有过大的循环？）",
            IOException => $"{templateName}不能用 include 或 render 引用其他文件",
            DivideByZeroException => "模板中出现了除以零的计算",
            _ => "模板运行出错：" + FirstLine(message),
        });
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
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

    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}", RegexOptions.Singleline)]
    private static partial Regex TagPattern();
}
