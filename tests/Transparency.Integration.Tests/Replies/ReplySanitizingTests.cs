using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Transparency.Integration.Tests.Replies;

/// <summary>
/// A reply pasted full of XSS payloads: what is stored (both texts, read back from the database and parsed as a browser
/// would) and what the back office renders hold nothing executable, while the letter's own formatting survives.
/// </summary>
public abstract class ReplySanitizingTests<TSite>(TSite site) where TSite : RepliesSite
{
    private const string Legitimate = "<p class=\"ql-align-center\"><strong>此致敬礼</strong>，详见<a href=\"https://www.example.gov.cn/notice.html\">通知</a>。</p>";

    /// <summary>Classic and obfuscated payloads; the ones that leave elements open (mutation XSS) come last.</summary>
    private static readonly string[] Payloads =
    [
        "<script>alert('xss-1')</script>",
        "<SCRIPT SRC=https://evil.example/xss-2.js></SCRIPT>",
        "<img src=x onerror=alert('xss-3')>",
        "<IMG SRC=\"javascript:alert('xss-4');\">",
        "<a href=\"javascript:alert('xss-5')\">链接5</a>",
        "<a href=\"JaVaScRiPt:alert('xss-6')\">链接6</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert('xss-7')\">链接7</a>",
        "<a href=\"&#x6A;avascript&colon;alert('xss-8')\">链接8</a>",
        "<a href=\"jav&#x09;ascript:alert('xss-9')\">链接9</a>",
        "<a href=\"java\nscript:alert('xss-10')\">链接10</a>",
        "<a href=\" &#14; javascript:alert('xss-11')\">链接11</a>",
        "<a href=\"vbscript:msgbox('xss-12')\">链接12</a>",
        "<a href=\"VBScript&#58;msgbox('xss-13')\">链接13</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxNCk8L3NjcmlwdD4=\">链接14</a>",
        "<a href=\"DATA:text/html,<script>alert('xss-15')</script>\">链接15</a>",
        "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMTYpPg==\">",
        "<svg onload=alert('xss-17')></svg>",
        "<svg><script>alert('xss-18')</script></svg>",
        "<svg><a xlink:href=\"javascript:alert('xss-19')\"><text x=\"20\" y=\"20\">链接19</text></a></svg>",
        "<iframe src=\"javascript:alert('xss-20')\"></iframe>",
        "<iframe srcdoc=\"<script>alert('xss-21')</script>\"></iframe>",
        "<style>p { background: url(javascript:alert('xss-22')) }</style>",
        "<p style=\"background:url(javascript:alert('xss-23'))\">段落23</p>",
        "<div style=\"width: expression(alert('xss-24'))\">段落24</div>",
        "<a href=\"#\" onclick=\"alert('xss-25')\">链接25</a>",
        "<p class=\"ql-align-center\" onmouseover=\"alert('xss-26')\">段落26</p>",
        "<strong onclick=\"alert('xss-27')\">加粗27</strong>",
        "<table><tr><td onmouseover=\"alert('xss-28')\" colspan=\"2\">单元格28</td></tr></table>",
        "<a href=\"https://ok.example/\" xlink:href=\"javascript:alert('xss-29')\" target=\"_blank\" style=\"color:red\">链接29</a>",
        "<form action=\"javascript:alert('xss-30')\"><button formaction=\"javascript:alert('xss-30b')\">按钮30</button></form>",
        "<object data=\"javascript:alert('xss-31')\"></object>",
        "<embed src=\"data:text/html,<script>alert('xss-32')</script>\">",
        "<details open ontoggle=alert('xss-33')>详情33</details>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('xss-34')\">",
        "<base href=\"javascript:/\"><a href=\"x35\">链接35</a>",
        "<scr<script>ipt>alert('xss-36')</scr</script>ipt>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert('xss-37')>\"></noscript>",
        "<title><a title=\"</title><img src=x onerror=alert('xss-38')>\"></title>",
        "<noscript><style></noscript><img src=x onerror=alert('xss-39')>",
        "<svg></p><style><a id=\"</style><img src=1 onerror=alert('xss-40')>\">",
        "<math><mtext><table><mglyph><style><!--</style><img title=\"--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=alert('xss-41')&gt;\">",
    ];

    private static readonly HashSet<string> AllowedElements = new(StringComparer.Ordinal)
    {
        "p", "br", "strong", "b", "em", "i", "u", "s", "ol", "ul", "li", "h2", "h3", "h4", "blockquote",
        "table", "thead", "tbody", "tr", "th", "td", "a", "span",
    };

    [Fact]
    public void TheListHoldsAtLeastTwentyPayloads() => Assert.True(Payloads.Length >= 20);

    [Fact]
    public async Task NeitherTheStoredTextsNorTheRenderedPagesCarryAnythingExecutable()
    {
        var official = Legitimate + string.Concat(Payloads.Select((p, i) => $"<p>第{i + 1}项：</p>{p}"));
        var publicText = "<p>公开文本。</p>" + Legitimate + string.Concat(Enumerable.Reverse(Payloads));
        var proposalId = await site.CreateProposalAsync();
        using var drafter = await site.SignInAsync("drafter");
        var id = await RepliesSite.StartReplyAsync(drafter, proposalId);
        await RepliesSite.SaveAsync(drafter, id, official, publicText);

        // Stored: both texts, as a browser would parse them back.
        var stored = Assert.Single(await site.VersionsAsync(id));
        foreach (var (name, html) in new[] { ("OfficialHtml", stored.OfficialHtml), ("PublicHtml", stored.PublicHtml) })
        {
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            var body = new HtmlParser().ParseDocument($"<!DOCTYPE html><html><head></head><body>{html}</body></html>").Body!;
            AssertHarmless(body, $"stored {name}");
            Assert.All(body.QuerySelectorAll("*"), e => Assert.True(AllowedElements.Contains(e.LocalName), $"stored {name} has <{e.LocalName}>"));

            // Not vacuous: the letter's own formatting and link are kept.
            Assert.Contains("<strong>此致敬礼</strong>", html);
            Assert.Contains("href=\"https://www.example.gov.cn/notice.html\"", html);
        }

        Assert.Contains("第41项", stored.OfficialHtml);
        Assert.NotEqual(stored.OfficialHtml, stored.PublicHtml);

        // Rendered: the reply page shows both texts in div.prose; the editor and the version list hold them as text.
        var details = new HtmlParser().ParseDocument(await drafter.GetStringAsync($"/admin/replies/{id}"));
        var prose = details.QuerySelectorAll("div.prose");
        Assert.Equal(2, prose.Length);
        Assert.Contains("第1项", prose[0].TextContent);
        Assert.Contains("公开文本。", prose[1].TextContent);
        foreach (var text in prose)
        {
            AssertHarmless(text, "the rendered reply text");
            Assert.All(text.QuerySelectorAll("*"), e => Assert.True(AllowedElements.Contains(e.LocalName), $"the rendered reply text has <{e.LocalName}>"));
        }

        foreach (var url in new[] { $"/admin/replies/{id}", $"/admin/replies/{id}/edit", $"/admin/replies/{id}/versions", $"/admin/replies/{id}/diff" })
        {
            var page = new HtmlParser().ParseDocument(await drafter.GetStringAsync(url));
            AssertNoPayloadScript(page, url);
        }

        var textarea = new HtmlParser().ParseDocument(await drafter.GetStringAsync($"/admin/replies/{id}/edit"))
            .QuerySelector("textarea[name='Form.OfficialHtml']")!;
        Assert.Equal(stored.OfficialHtml, textarea.TextContent); // the sanitized HTML, as text
        Assert.Empty(textarea.Children);

        // A return comment is text wherever it shows: the history, the editor's notice, the drafter's notices.
        const string comment = "<script>alert('xss-comment')</script><img src=x onerror=alert('xss-comment')>";
        await RepliesSite.PostOkAsync(drafter, $"/admin/replies/{id}", $"/admin/replies/{id}/submit");
        using (var reviewer = await site.SignInAsync("reviewer"))
        {
            await RepliesSite.PostOkAsync(reviewer, $"/admin/replies/{id}", $"/admin/replies/{id}/return", [new("comment", comment)]);
        }

        foreach (var url in new[] { $"/admin/replies/{id}", $"/admin/replies/{id}/edit", "/admin/notifications" })
        {
            var page = new HtmlParser().ParseDocument(await drafter.GetStringAsync(url));
            AssertNoPayloadScript(page, url);
            Assert.Contains("<script>alert('xss-comment')</script>", page.Body!.TextContent);
        }
    }

    /// <summary>No script, no event handler, no script or data URL anywhere under <paramref name="root"/>.</summary>
    private static void AssertHarmless(IElement root, string where)
    {
        Assert.Empty(root.QuerySelectorAll("script, iframe, object, embed, svg, math, style, img, base, meta, form, noscript, title, link"));
        foreach (var element in root.QuerySelectorAll("*"))
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{where}: <{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
                Assert.False(attribute.Name is "style" or "srcdoc" or "formaction" or "action" or "src" or "data" or "xlink:href",
                    $"{where}: <{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
                var value = new string(attribute.Value.Where(c => c > ' ').ToArray()).ToLowerInvariant();
                foreach (var scheme in new[] { "javascript:", "vbscript:", "data:" })
                {
                    Assert.False(value.Contains(scheme, StringComparison.Ordinal),
                        $"{where}: <{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
                }
            }
        }
    }

    /// <summary>The page's own scripts are the layout's and the editor's: none carries a payload, and no element has a handler.</summary>
    private static void AssertNoPayloadScript(IDocument page, string url)
    {
        foreach (var script in page.QuerySelectorAll("script"))
        {
            Assert.False(script.TextContent.Contains("alert(", StringComparison.Ordinal), $"{url}: a script holds a payload: {script.TextContent}");
            Assert.False((script.GetAttribute("src") ?? "").Contains("xss", StringComparison.OrdinalIgnoreCase), $"{url}: <script src=\"{script.GetAttribute("src")}\">");
        }

        foreach (var element in page.QuerySelectorAll("*"))
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{url}: <{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
                Assert.False(new string(attribute.Value.Where(c => c > ' ').ToArray()).Contains("javascript:", StringComparison.OrdinalIgnoreCase),
                    $"{url}: <{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
            }
        }

        Assert.True(page.QuerySelectorAll("iframe, object, embed, svg, math, base[href], meta[http-equiv]").Length == 0, $"{url} has embedded or foreign content");
        Assert.DoesNotContain(page.QuerySelectorAll("img"), img => (img.GetAttribute("src") ?? "") is "x" or "1");
    }
}

[Collection(RepliesSqliteCollection.Name)]
public sealed class ReplySanitizingTestsOnSqlite(RepliesSqliteSite site) : ReplySanitizingTests<RepliesSqliteSite>(site);

[Collection(RepliesPostgreSqlCollection.Name)]
public sealed class ReplySanitizingTestsOnPostgreSql(RepliesPostgreSqlSite site) : ReplySanitizingTests<RepliesPostgreSqlSite>(site);
