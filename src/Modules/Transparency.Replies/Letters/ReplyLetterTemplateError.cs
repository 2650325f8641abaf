namespace Transparency.Replies.Letters;

/// <summary>A problem in a letter template, for the administrator: line and column (1-based) when known.</summary>
/// <param name="Line">Line in the template, or null when the problem has no single place.</param>
/// <param name="Column">Column in the template, or null.</param>
/// <param name="Message">The complete message in Chinese, e.g. “模板第3行第5列：缺少结束标签 {% endif %}…”.</param>
public sealed record ReplyLetterTemplateError(int? Line, int? Column, string Message)
{
    internal static ReplyLetterTemplateError At(int? line, int? column, string text)
        => line is { } l && column is { } c
            ? new ReplyLetterTemplateError(l, c, $"模板第{l}行第{c}列：{text}")
            : new ReplyLetterTemplateError(null, null, $"模板：{text}");
}

/// <summary>Thrown by <see cref="ReplyLetterGenerator"/> when the template cannot be parsed or fails while rendering.</summary>
public sealed class ReplyLetterTemplateException : Exception
{
    public ReplyLetterTemplateException()
        : this("答复函模板有错误。")
    {
    }

    public ReplyLetterTemplateException(string message)
        : base(message)
    {
        Errors = [new ReplyLetterTemplateError(null, null, message)];
    }

    public ReplyLetterTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new ReplyLetterTemplateError(null, null, message)];
    }

    public ReplyLetterTemplateException(IReadOnlyList<ReplyLetterTemplateError> errors, Exception? innerException = null)
        : base(string.Join(Environment.NewLine, errors.Select(e => e.Message)), innerException)
    {
        Errors = errors;
    }

    /// <summary>The problems, each with its Chinese message.</summary>
    public IReadOnlyList<ReplyLetterTemplateError> Errors { get; }
}
