using Fluid;

namespace Transparency.Replies.Letters;

/// <summary>
/// Generates the reply letter (答复函) as a Word document: the Liquid template lays the letter out in letter markup,
/// the writer turns the markup and the reply's rich text into a .docx after GB/T 9704. Thread-safe; register as a
/// singleton (<see cref="LettersRegistration.Register"/>).
/// </summary>
public sealed class ReplyLetterGenerator
{
    private static readonly Lazy<IFluidTemplate> DefaultParsed = new(() =>
        LetterTemplateEngine.TryParse(ReplyLetterTemplates.DefaultTemplate, out var parsed, out _)
            ? parsed
            : throw new InvalidOperationException("The default reply letter template does not parse."));

    /// <summary>The last custom template and its parse: sites use one template, parsing it for every letter is waste.</summary>
    private volatile CachedTemplate? lastCustom;

    /// <summary>The .docx bytes of the letter.</summary>
    /// <param name="data">What the letter shows.</param>
    /// <param name="template">The site's template; null for <see cref="ReplyLetterTemplates.DefaultTemplate"/>.</param>
    /// <exception cref="ReplyLetterTemplateException">The template does not parse or fails while rendering.</exception>
    public byte[] Generate(ReplyLetterData data, string? template = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var markup = RenderMarkup(data, template);
        return LetterDocumentWriter.Write(markup, data.BodyHtml, data.UnitName, data.Date);
    }

    /// <summary>
    /// The letter markup the template produces for <paramref name="data"/> (before the .docx is written), e.g. to show
    /// administrators what their template does. Values in it are HTML-encoded.
    /// </summary>
    /// <exception cref="ReplyLetterTemplateException">The template does not parse or fails while rendering.</exception>
    public string RenderMarkup(ReplyLetterData data, string? template = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var source = template ?? ReplyLetterTemplates.DefaultTemplate;
        return LetterTemplateEngine.Render(Parse(template), source, data, strict: false);
    }

    /// <summary>Sample data for previews and template validation (市十六届人大三次会议第0012号建议).</summary>
    public static ReplyLetterData Sample() => new()
    {
        UnitName = "市城市管理局",
        DocumentNumber = "市城管建字〔2020〕12号",
        Classification = "主动公开",
        ProposalKindName = "建议",
        IsCppcc = false,
        SessionName = "市十六届人大三次会议",
        ProposalNumber = "0012",
        ProposalTitle = "关于加强背街小巷环境卫生整治的建议",
        Representatives = ["张丽萍", "王建国"],
        Outcome = ReplyLetterOutcome.A,
        BodyHtml = """
            <p>你们提出的《关于加强背街小巷环境卫生整治的建议》收悉。现答复如下：</p>
            <p>我局高度重视，认真研究办理，并于7月15日与代表进行了面商。现将有关情况答复如下：</p>
            <h2>一、背街小巷整治情况</h2>
            <p>2020年，我局将背街小巷环境卫生整治列为<strong>重点工作</strong>，全年完成整治<em>45条</em>，清理卫生死角<u>320处</u>。</p>
            <h3>（一）建立长效保洁机制</h3>
            <p>实行“路长制”，每条背街小巷明确一名责任人，做到定人、定岗、定责。</p>
            <h2>二、下一步工作</h2>
            <ol><li>加大背街小巷保洁投入；</li><li>开展“门前三包”专项检查；</li><li>接受代表和群众监督。</li></ol>
            <table><thead><tr><th>项目</th><th>2019年</th><th>2020年</th></tr></thead>
            <tbody><tr><td>整治背街小巷（条）</td><td>30</td><td>45</td></tr><tr><td>清理卫生死角（处）</td><td>210</td><td>320</td></tr></tbody></table>
            <p>感谢你们对我们工作的关心和支持。</p>
            """,
        Date = new DateOnly(2020, 8, 20),
        ContactPerson = "李强",
        ContactPhone = "12345678",
        CopyTo = ["市人大常委会代表工作委员会", "市政府督查室"],
    };

    private IFluidTemplate Parse(string? template)
    {
        if (template is null)
        {
            return DefaultParsed.Value;
        }

        var cached = lastCustom;
        if (cached is not null && string.Equals(cached.Source, template, StringComparison.Ordinal))
        {
            return cached.Parsed;
        }

        if (!LetterTemplateEngine.TryParse(template, out var parsed, out var error))
        {
            throw new ReplyLetterTemplateException([error!]);
        }

        lastCustom = new CachedTemplate(template, parsed);
        return parsed;
    }

    private sealed record CachedTemplate(string Source, IFluidTemplate Parsed);
}
