using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Transparency.Contents.Services;

namespace Transparency.Integration.Tests.Contents;

/// <summary>The rich-text allow-list (docs/rich-text.md): classic XSS payloads die, an official letter's formatting lives.</summary>
public sealed class HtmlSanitizerTests
{
    private static readonly RichTextSanitizer Sanitizer = new();

    private static readonly HashSet<string> AllowedElements = new(StringComparer.Ordinal)
    {
        "p", "br", "strong", "b", "em", "i", "u", "s", "ol", "ul", "li", "h2", "h3", "h4", "blockquote",
        "table", "thead", "tbody", "tr", "th", "td", "a", "span",
    };

    private static readonly HashSet<string> AllowedAttributes = new(StringComparer.Ordinal) { "href", "rel", "class", "colspan", "rowspan" };

    public static TheoryData<string> Payloads() => new()
    {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>",
        "\"><script>alert(document.cookie)</script>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<img src=x onerror=alert(1)>",
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<img src=\"data:image/png;base64,iVBORw0KGgo=\">",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\"jav\tascript:alert(1)\">x</a>",
        "<a href=\"java\nscript:alert(1)\">x</a>",
        "<a href=\"java&#10;script:alert(1)\">x</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
        "<a href=\"&#x6A;avascript&colon;alert(1)\">x</a>",
        "<a href=\"javas&#99;ript:alert(1)\">x</a>",
        "<a href=\" javascript:alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"VBScript&#58;msgbox(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<a href=\"DATA:text/html,<script>alert(1)</script>\">x</a>",
        "<a href=\"#\" onclick=\"alert(1)\">x</a>",
        "<a href=\"https://ok.example/\" xlink:href=\"javascript:alert(1)\" target=\"_blank\" style=\"color:red\">ok</a>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">XSS</text></a></svg>",
        "<svg><p><style><img src=x onerror=alert(1)></style></p></svg>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<style>@import 'https://evil.example/x.css'; p { background: url(javascript:alert(1)) }</style><p>x</p>",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "<div style=\"width: expression(alert(1))\">x</div>",
        "<math><maction actiontype=\"statusline\" xlink:href=\"javascript:alert(1)\">x</maction></math>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<form action=\"javascript:alert(1)\"><button formaction=\"javascript:alert(2)\">go</button></form>",
        "<input onfocus=alert(1) autofocus>",
        "<details open ontoggle=alert(1)>x</details>",
        "<body onload=alert(1)>x</body>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
        "<video><source onerror=\"alert(1)\"></video>",
        "<table background=\"javascript:alert(1)\"><tr><td onmouseover=\"alert(1)\" colspan=\"2\">x</td></tr></table>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:/\"><a href=\"x\">x</a>",
        "<link rel=\"stylesheet\" href=\"javascript:alert(1)\">",
        "<template><script>alert(1)</script></template>",
        "<xss onafterscriptexecute=alert(1)><script>1</script></xss>",
        "<p class=\"ql-align-center\" onmouseover=\"alert(1)\">x</p>",
        "<!--<img src=x onerror=alert(1)>-->",
        "<![CDATA[<script>alert(1)</script>]]>",
        "<isindex action=\"javascript:alert(1)\" type=\"image\">",
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void APayloadLeavesNothingExecutable(string payload)
    {
        var clean = Sanitizer.Sanitize(payload);

        Assert.DoesNotContain("<script", clean, StringComparison.OrdinalIgnoreCase);
        AssertOnlyAllowedMarkup(clean);

        // Sanitizing is stable: what comes out parses back to itself (no mutation on a second pass).
        Assert.Equal(clean, Sanitizer.Sanitize(clean));
    }

    [Fact]
    public void TheListHoldsAtLeastTwentyFiveClassicPayloads() => Assert.True(Payloads().Count >= 25);

    [Fact]
    public void AnOfficialLettersFormattingSurvives()
    {
        const string letter =
            "<h2 class=\"ql-align-center\">关于加强背街小巷环境卫生管理的建议的答复</h2>" +
            "<p>张三代表：</p>" +
            "<p class=\"ql-indent-1\">您提出的<strong>《关于加强背街小巷环境卫生管理的建议》</strong>收悉，<em>现答复如下</em>：<u>已列入年度计划</u>，<s>暂缓实施</s>。</p>" +
            "<h3>一、工作进展</h3>" +
            "<ol><li>增设分类垃圾桶120组；</li><li class=\"ql-indent-1\">开展日常巡查。</li></ol>" +
            "<ul><li><b>责任单位</b>：环卫处</li><li><i>完成时限</i>：2024年底</li></ul>" +
            "<h4>附表</h4>" +
            "<blockquote>引用上级文件要求。</blockquote>" +
            "<table><thead><tr><th colspan=\"2\">项目</th></tr></thead><tbody><tr><td rowspan=\"2\">垃圾桶</td><td>120组</td></tr><tr><td>已完成</td></tr></tbody></table>" +
            "<p>详见<a href=\"https://www.example.gov.cn/notice/1.html\">通知</a>，意见请发<a href=\"mailto:office@example.gov.cn\">邮箱</a>。</p>" +
            "<p class=\"ql-align-right\">市城市管理局<br>2024年6月5日</p>" +
            "<p class=\"ql-align-justify ql-indent-8\"><span class=\"ql-align-center\">正文</span></p>";

        var clean = Sanitizer.Sanitize(letter);

        var expected = letter
            .Replace("\">通知</a>", "\" rel=\"noopener noreferrer\">通知</a>", StringComparison.Ordinal)
            .Replace("\">邮箱</a>", "\" rel=\"noopener noreferrer\">邮箱</a>", StringComparison.Ordinal);
        Assert.Equal(expected, clean);
    }

    [Fact]
    public void ForeignClassesStylesAndLinkTargetsAreDroppedButTheTextStays()
    {
        var clean = Sanitizer.Sanitize(
            "<p class=\"ql-align-center MsoNormal ql-indent-9\" style=\"text-align:center;color:red\">甲</p>" +
            "<div><font color=\"red\">乙</font></div>" +
            "<a href=\"https://example.gov.cn/\" target=\"_blank\" title=\"t\">丙</a>" +
            "<td colspan=\"2\">丁</td><table><tr><td colspan=\"x\" rowspan=\"1000\">戊</td></tr></table>");

        Assert.Equal(
            "<p class=\"ql-align-center\">甲</p>乙<a href=\"https://example.gov.cn/\" rel=\"noopener noreferrer\">丙</a>丁" +
            "<table><tbody><tr><td>戊</td></tr></tbody></table>",
            clean);
    }

    [Fact]
    public void HeadingsOfOtherLevelsBecomeTheNearestAllowedLevel()
    {
        Assert.Equal(
            "<h2 class=\"ql-align-center\">大标题</h2><p>正文</p><h4>小标题<b>甲</b></h4><h4>乙</h4>",
            Sanitizer.Sanitize("<h1 class=\"ql-align-center Title\" id=\"t\" onclick=\"x()\">大标题</h1><p>正文</p><h5>小标题<b onclick=\"y()\">甲</b></h5><h6>乙</h6>"));
    }

    [Fact]
    public void CodeAndForeignMarkupGoWithTheirContent()
    {
        Assert.Equal("<p>正文</p>", Sanitizer.Sanitize("<script>var secret = 1;</script><style>p{}</style><svg><text>图</text></svg><p>正文</p>"));
        Assert.Equal("", Sanitizer.Sanitize("   "));
        Assert.Equal("", Sanitizer.Sanitize(null));
    }

    [Fact]
    public void PlainTextHasOneLinePerBlockWithEntitiesDecoded()
    {
        var text = Sanitizer.ToPlainText(
            "<h2>答复</h2><p>第一段 <b>加粗</b>&amp;&lt;说明&gt;&nbsp;完</p><ul><li>一</li><li>二</li></ul>" +
            "<p><br></p><p>甲<br>乙</p><table><tr><td>项目</td><td>数量</td></tr></table><script>alert(1)</script>");

        Assert.Equal("答复\n第一段 加粗&<说明> 完\n一\n二\n甲\n乙\n项目 数量", text);
    }

    [Fact]
    public void PlainTextOfTextWithoutTagsKeepsItsLines()
    {
        Assert.Equal("第一行\n第二行 & 完", Sanitizer.ToPlainText("第一行\r\n\r\n  第二行 &amp; 完  \n"));
        Assert.Equal("", Sanitizer.ToPlainText(null));
    }

    /// <summary>Parses the output as a browser would and checks every element and attribute against the allow-list.</summary>
    private static void AssertOnlyAllowedMarkup(string html)
    {
        var document = new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>");
        foreach (var element in document.Body!.Descendants<IElement>())
        {
            Assert.Contains(element.LocalName, AllowedElements);
            Assert.Equal(NamespaceNames.HtmlUri, element.NamespaceUri);
            foreach (var attribute in element.Attributes)
            {
                Assert.DoesNotMatch("^on", attribute.Name);
                Assert.Contains(attribute.Name, AllowedAttributes);
                if (attribute.Name == "href")
                {
                    var href = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                    var colon = href.IndexOf(':', StringComparison.Ordinal);
                    var firstDelimiter = href.IndexOfAny(['/', '?', '#']);
                    var isRelative = colon < 0 || (firstDelimiter >= 0 && firstDelimiter < colon);
                    Assert.True(
                        isRelative || href.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase),
                        $"href {attribute.Value}");
                    Assert.DoesNotMatch("(?i)^(javascript|vbscript|data):", href);
                }
            }
        }
    }
}
