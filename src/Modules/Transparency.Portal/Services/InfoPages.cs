using System.Runtime.CompilerServices;
using Transparency.Core.Content;
using Transparency.Core.Search;
using Transparency.Core.Settings;

namespace Transparency.Portal.Services;

/// <summary>
/// The public information pages (关于本平台, 办理工作流程), kept in the settings document <see cref="DocumentName"/> and
/// edited at /admin/pages. The set of pages is fixed (their slugs are linked from the layout); their title and text are
/// not. Until an administrator saves them, the defaults below are shown.
/// </summary>
public sealed class InfoPagesDocument
{
    public const string DocumentName = "Portal.Pages";

    public List<InfoPage> Pages { get; set; } = [.. Defaults];

    public static IReadOnlyList<InfoPage> Defaults =>
    [
        new()
        {
            Slug = "about",
            Title = "关于本平台",
            Html = "<p>本平台是建议提案办理公开平台，集中公开本局承办的人大代表建议、政协委员提案的办理复文和年度办理工作总结，接受人大代表、政协委员和社会各界的监督。</p>"
                + "<p>公开的答复均已依法删除个人信息，删除处以“〔已删除：原因〕”标出。全部公开数据可在“开放数据”栏目下载。</p>",
        },
        new()
        {
            Slug = "process",
            Title = "办理工作流程",
            Html = "<ol><li>交办：建议提案经交办后，确定主办单位和协办单位，办理期限一般为自交办之日起三个月（协办意见一个月）。</li>"
                + "<li>办理：承办单位与代表委员沟通联系（面商），协办单位向主办单位提出协办意见。</li>"
                + "<li>答复：答复文稿经分管领导审核、主要领导审定后，书面答复代表委员。</li>"
                + "<li>公开：答复经保密审查和个人信息处理后，在本平台公开。</li>"
                + "<li>反馈：代表委员对办理工作提出满意度评价，不满意的重新办理。</li></ol>",
        },
    ];
}

/// <summary>One information page.</summary>
public sealed class InfoPage
{
    public string Slug { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>Sanitized HTML (cleaned again when saved).</summary>
    public string Html { get; set; } = "";

    public DateTime? UpdatedUtc { get; set; }

    public string Url => "/pages/" + Slug;
}

/// <summary>Reads the information pages, falling back to the defaults for any page never saved.</summary>
public sealed class InfoPages(ISettingsDocumentStore documents)
{
    public async Task<IReadOnlyList<InfoPage>> AllAsync(CancellationToken cancellationToken = default)
    {
        var stored = (await documents.GetAsync<InfoPagesDocument>(InfoPagesDocument.DocumentName, cancellationToken)).Pages;
        return InfoPagesDocument.Defaults
            .Select(d => stored.FirstOrDefault(p => p.Slug == d.Slug) ?? d)
            .ToList();
    }

    public async Task<InfoPage?> FindAsync(string slug, CancellationToken cancellationToken = default)
        => (await AllAsync(cancellationToken)).FirstOrDefault(p => string.Equals(p.Slug, slug, StringComparison.Ordinal));
}

/// <summary>The information pages as search documents (content type <c>page</c>, id = slug).</summary>
public sealed class InfoPageSearchSource(InfoPages pages, IHtmlSanitizer sanitizer, TimeProvider clock) : ISearchDocumentSource
{
    public string ContentType => PublicContentTypes.Page;

    public async Task<SearchDocument?> FindAsync(string contentId, CancellationToken cancellationToken = default)
        => await pages.FindAsync(contentId, cancellationToken) is { } page ? ToDocument(page) : null;

    public async IAsyncEnumerable<SearchDocument> AllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var page in await pages.AllAsync(cancellationToken))
        {
            yield return ToDocument(page);
        }
    }

    private SearchDocument ToDocument(InfoPage page)
    {
        var date = DateOnly.FromDateTime((page.UpdatedUtc ?? clock.GetUtcNow().UtcDateTime).AddHours(8));
        return new SearchDocument(PublicContentTypes.Page, page.Slug, page.Url, page.Title, sanitizer.ToPlainText(page.Html), date);
    }
}
