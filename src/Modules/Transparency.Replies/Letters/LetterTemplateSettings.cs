namespace Transparency.Replies.Letters;

/// <summary>The administrator's reply-letter template, kept as the settings document <see cref="DocumentName"/>.</summary>
public sealed class LetterTemplateSettings
{
    public const string DocumentName = "Replies.LetterTemplate";

    /// <summary>The Liquid template; null or blank means the default (<see cref="ReplyLetterTemplates.DefaultTemplate"/>).</summary>
    public string? Template { get; set; }

    /// <summary>抄送 units printed at the foot of every letter.</summary>
    public List<string> CopyTo { get; set; } = [];

    public string Effective => string.IsNullOrWhiteSpace(Template) ? ReplyLetterTemplates.DefaultTemplate : Template;
}
