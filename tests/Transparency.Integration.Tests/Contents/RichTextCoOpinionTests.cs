using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Core.Content;
using Transparency.Integration.Tests.Proposals;
using Transparency.Proposals.Models;

namespace Transparency.Integration.Tests.Contents;

/// <summary>The services are registered once for the site, as singletons behind the Core contracts.</summary>
public sealed class ContentsRegistrationTests
{
    [Fact]
    public void TheContentsModuleRegistersTheCoreContentContractsAsSingletons()
    {
        var services = new ServiceCollection();
        new Transparency.Contents.Startup().ConfigureServices(services, new ConfigurationBuilder().Build());

        foreach (var contract in new[] { typeof(IHtmlSanitizer), typeof(IPersonalDataDetector), typeof(ITextDiff) })
        {
            var descriptor = Assert.Single(services, d => d.ServiceType == contract);
            Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
        }

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Assert.NotEmpty(provider.GetRequiredService<ITextDiff>().CompareHtml("<p>甲</p>", "<p>乙</p>"));
    }
}

/// <summary>
/// 协办意见 with the rich-text editor: the editor's assets load, what is saved is sanitized, what is shown is
/// sanitized HTML, and an opinion typed as plain text keeps its line breaks.
/// </summary>
public abstract partial class RichTextCoOpinionTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : HandlingSite
{
    [Fact]
    public async Task TheEditorPageLoadsQuillAndItsAssetsAreServedWithoutSignIn()
    {
        var w = await site.WorldAsync();
        var (id, _) = await site.CreateProposalAsync(HandlingSite.Today, [(w.LeadUnit, HandlingRole.Lead), (w.CoUnit, HandlingRole.Co)]);
        using var co = await site.SignInAsync("co");

        var page = await co.GetStringAsync($"/admin/proposals/{id}/co-opinion");

        Assert.Matches("<textarea[^>]*data-rich-text", page);
        Assert.Contains("id=\"rich-text-labels\"", page);
        var assets = AssetPattern().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value)).ToList();
        Assert.Equal(4, assets.Count); // quill.snow.css, rich-text.css, quill.js, rich-text.js
        using var anonymous = site.Factory.CreateSiteClient();
        foreach (var url in assets)
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(url.Contains(".css", StringComparison.Ordinal) ? "text/css" : "text/javascript", response.Content.Headers.ContentType?.MediaType);
        }

        var license = await anonymous.GetAsync("/_content/Transparency.Contents/lib/quill/LICENSE.txt");
        Assert.Equal(HttpStatusCode.OK, license.StatusCode);
    }

    [Fact]
    public async Task ARichTextOpinionIsSanitizedOnSaveAndShownAsFormattedText()
    {
        var w = await site.WorldAsync();
        var (id, aids) = await site.CreateProposalAsync(HandlingSite.Today, [(w.LeadUnit, HandlingRole.Lead), (w.CoUnit, HandlingRole.Co)]);
        var editor = $"/admin/proposals/{id}/co-opinion";
        using var co = await site.SignInAsync("co");
        using var lead = await site.SignInAsync("lead");

        const string posted =
            "<h2 class=\"ql-align-center\">协办意见</h2><p>经研究，<strong>同意</strong>增设分类垃圾桶。</p>" +
            "<script>alert(1)</script><p onclick=\"alert(2)\">联系<a href=\"javascript:alert(3)\">此处</a>或<a href=\"https://www.example.gov.cn/\">官网</a>。</p>" +
            "<ol><li>配合巡查；</li><li>报送数据。</li></ol><img src=x onerror=alert(4)>";
        const string clean =
            "<h2 class=\"ql-align-center\">协办意见</h2><p>经研究，<strong>同意</strong>增设分类垃圾桶。</p>" +
            "<p>联系<a>此处</a>或<a href=\"https://www.example.gov.cn/\" rel=\"noopener noreferrer\">官网</a>。</p>" +
            "<ol><li>配合巡查；</li><li>报送数据。</li></ol>";

        var saved = await co.PostFormAsync(editor, editor, [new("Form.AssignmentId", aids[w.CoUnit].ToString(CultureInfo.InvariantCulture)), new("Form.Text", posted), new("Form.Command", "submit")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var opinion = await site.QueryAsync(db => db.Set<CoHandlingOpinion>().SingleAsync(o => o.AssignmentId == aids[w.CoUnit]));
        Assert.Equal(clean, opinion.Text);

        foreach (var page in new[] { await lead.GetStringAsync($"/admin/proposals/{id}/co-opinions"), await co.GetStringAsync(editor) })
        {
            Assert.Contains(clean, page);
            Assert.DoesNotContain("alert(", page);
            Assert.Contains("/_content/Transparency.Contents/css/rich-text.css", page);
        }

        var audit = await site.AuditAsync(id);
        var submitted = Assert.Single(audit, e => e.Action == "CoOpinionSubmitted");
        Assert.Contains("（40字，", submitted.Summary); // the text a reader sees, not the markup
    }

    [Fact]
    public async Task TheLengthLimitCountsTheTextAndAnEditorWithOnlyEmptyParagraphsIsEmpty()
    {
        var w = await site.WorldAsync();
        var (id, aids) = await site.CreateProposalAsync(HandlingSite.Today, [(w.LeadUnit, HandlingRole.Lead), (w.CoUnit, HandlingRole.Co)]);
        var editor = $"/admin/proposals/{id}/co-opinion";
        using var co = await site.SignInAsync("co");

        var empty = await co.PostFormAsync(editor, editor, [new("Form.Text", "<p><br></p><p> </p>"), new("Form.Command", "submit")]);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("协办意见内容不能为空", await empty.Content.ReadAsStringAsync());

        var tooLong = await co.PostFormAsync(editor, editor, [new("Form.Text", $"<p><strong>{new string('字', 20001)}</strong></p>"), new("Form.Command", "save")]);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("不能超过20000个字符（现有20001个）", await tooLong.Content.ReadAsStringAsync());

        var markupHeavy = await co.PostFormAsync(editor, editor, [new("Form.Text", string.Concat(Enumerable.Repeat("<p><strong><em><u>意见</u></em></strong></p>", 800))), new("Form.Command", "save")]);
        Assert.Equal(HttpStatusCode.BadRequest, markupHeavy.StatusCode);
        Assert.Contains("存储上限", await markupHeavy.Content.ReadAsStringAsync());

        Assert.False(await site.QueryAsync(db => db.Set<CoHandlingOpinion>().AnyAsync(o => o.AssignmentId == aids[w.CoUnit])));
    }

    [Fact]
    public async Task APlainTextOpinionIsKeptAsTypedAndShownWithItsLineBreaks()
    {
        var w = await site.WorldAsync();
        var (id, aids) = await site.CreateProposalAsync(HandlingSite.Today, [(w.LeadUnit, HandlingRole.Lead), (w.CoUnit, HandlingRole.Co)]);
        var editor = $"/admin/proposals/{id}/co-opinion";
        using var co = await site.SignInAsync("co");
        using var lead = await site.SignInAsync("lead");
        const string typed = "一、同意增设。\r\n二、配合巡查 & 宣传。\r\n\r\n联系人：环卫处";

        var saved = await co.PostFormAsync(editor, editor, [new("Form.Text", typed), new("Form.Command", "submit")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(typed, await site.QueryAsync(db => db.Set<CoHandlingOpinion>().Where(o => o.AssignmentId == aids[w.CoUnit]).Select(o => o.Text).SingleAsync()));
        var page = await lead.GetStringAsync($"/admin/proposals/{id}/co-opinions");
        Assert.Contains("<p>一、同意增设。<br>二、配合巡查 &amp; 宣传。</p><p>联系人：环卫处</p>", page);
        Assert.Contains("<p>一、同意增设。<br>二、配合巡查 &amp; 宣传。</p><p>联系人：环卫处</p>", await lead.GetStringAsync($"/admin/proposals/{id}/dossier"));
    }

    [GeneratedRegex("(?:href|src)=\"(?<url>/_content/Transparency\\.Contents/[^\"]+)\"")]
    private static partial Regex AssetPattern();
}

public sealed class RichTextCoOpinionTestsOnSqlite(HandlingSqliteSite site) : RichTextCoOpinionTests<HandlingSqliteSite>(site);

public sealed class RichTextCoOpinionTestsOnPostgreSql(HandlingPostgreSqlSite site) : RichTextCoOpinionTests<HandlingPostgreSqlSite>(site);
