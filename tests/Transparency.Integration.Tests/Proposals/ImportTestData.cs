using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Transparency.Data;
using Transparency.Integration.Tests.Infrastructure;
using Transparency.Proposals.Models;
using Transparency.Users.Models;

namespace Transparency.Integration.Tests.Proposals;

/// <summary>Sessions, categories, permissions and assignment-table files made by the import tests themselves.</summary>
public static partial class ImportTestData
{
    public static readonly string[] Header = ["编号", "标题", "领衔代表", "附议代表", "类别", "主办单位", "协办单位", "交办日期", "建议内容"];

    public static readonly string[] Categories = ["导入测试·占道经营", "导入测试·垃圾分类", "导入测试·市政设施"];

    /// <summary>A short tag that makes names unique to one test (the tests of a class share a database).</summary>
    public static string Tag() => Guid.NewGuid().ToString("N")[..6];

    /// <summary>
    /// Three good rows: units by short and full name, co-signers with each separator, a deadline rolled over a holiday
    /// (2020-07-08 + 3 months = 2020-10-08, in the National Day holiday: 2020-10-09). Representatives are 代表甲…戊 + <paramref name="tag"/>.
    /// </summary>
    public static List<string?[]> GoodRows(string tag = "") =>
    [
        Header,
        ["0001", "关于加强解放路占道经营整治的建议", $"代表甲{tag}", $"代表乙{tag}、代表丙{tag}", Categories[0], "市容环境科", "执法支队,市市场监管局", "2020-07-08", "解放路早市占道严重。"],
        ["第0002号", "关于推进小区垃圾分类的建议", $"代表乙{tag}", "", Categories[1], "市城市管理局环境卫生管理处", "", "2020/7/8", ""],
        ["0003", "关于修复人民路破损井盖的建议", $"代表丁{tag}", $"代表甲{tag}；代表戊{tag}", Categories[2], "环卫处", "市政设施科", "2020-07-09", "井盖破损。"],
    ];

    /// <summary>A session of its own, so tests do not depend on the demo's; 3 months to reply, 1 for co-opinions.</summary>
    public static async Task<Session> CreateSessionAsync(SiteFixture site, SessionKind kind = SessionKind.Npc)
    {
        using var scope = site.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        var session = new Session { Name = $"导入测试届次-{Guid.NewGuid():N}", Year = 2020, Kind = kind, ReplyMonths = 3, CoOpinionMonths = 1 };
        db.Add(session);
        foreach (var name in Categories)
        {
            if (!await db.Set<Category>().AnyAsync(c => c.Name == name))
            {
                db.Add(new Category { Name = name, SortOrder = 900 });
            }
        }

        await db.SaveChangesAsync();
        return session;
    }

    /// <summary>Gives a role a permission (the coordinator imports; a drafter only views their unit's proposals).</summary>
    public static async Task GrantAsync(SiteFixture site, string role, params string[] permissions)
    {
        using var scope = site.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        var roleId = (await db.Roles.SingleAsync(r => r.Name == role)).Id;
        foreach (var permission in permissions)
        {
            if (!await db.Set<RolePermission>().AnyAsync(p => p.RoleId == roleId && p.Permission == permission))
            {
                db.Add(new RolePermission { RoleId = roleId, Permission = permission });
            }
        }

        await db.SaveChangesAsync();
    }

    /// <summary>An .xlsx of raw rows (the first is the header), written with MiniExcel; a DateTime becomes an Excel date cell.</summary>
    public static byte[] Xlsx(IEnumerable<object?[]> rows)
    {
        var list = rows.ToList();
        var width = list.Max(r => r.Length);
        var sheet = list.Select(r => Enumerable.Range(0, width).ToDictionary(i => ((char)('A' + i)).ToString(), i => i < r.Length ? r[i] : null)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, printHeader: false, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>A CSV of raw rows written with CsvHelper, in UTF-8 (with or without BOM) or GB18030.</summary>
    public static byte[] Csv(IEnumerable<string?[]> rows, bool bom = true, bool gb18030 = false)
    {
        using var text = new StringWriter();
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { NewLine = "\r\n" }, leaveOpen: true))
        {
            foreach (var row in rows)
            {
                csv.WriteRecord(row.Select(v => v ?? "").ToArray());
            }
        }

        if (gb18030)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetBytes(text.ToString());
        }

        return [.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>Uploads a file on the import form as the browser does (multipart, with the form's antiforgery token).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(SiteClient client, int sessionId, string fileName, byte[] content, ProposalKind kind = ProposalKind.Suggestion)
    {
        var token = SiteClient.AntiforgeryToken(await client.GetStringAsync("/admin/proposals/import"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(sessionId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "SessionId" },
            { new StringContent(kind.ToString()), "Kind" },
            { new ByteArrayContent(content), "file", fileName },
        };
        return await client.Http.PostAsync("/admin/proposals/import", form);
    }

    /// <summary>Posts the preview's confirmation form.</summary>
    public static async Task<HttpResponseMessage> ConfirmAsync(SiteClient client, string previewHtml)
    {
        var confirm = ConfirmToken().Match(previewHtml);
        Assert.True(confirm.Success, "The preview offers no confirmation.");
        using var form = new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", SiteClient.AntiforgeryToken(previewHtml)),
            new("token", confirm.Groups[1].Value),
        ]);
        return await client.Http.PostAsync("/admin/proposals/import/confirm", form);
    }

    public static bool OffersConfirmation(string previewHtml) => ConfirmToken().IsMatch(previewHtml);

    /// <summary>Text of a page without tags and with entities decoded, to look for messages.</summary>
    public static async Task<string> TextOfAsync(HttpResponseMessage response)
        => WebUtility.HtmlDecode(Tags().Replace(await response.Content.ReadAsStringAsync(), " "));

    public static async Task<int> CountAsync<T>(SiteFixture site, Func<IQueryable<T>, IQueryable<T>> filter) where T : class
    {
        using var scope = site.Factory.Services.CreateScope();
        return await filter(scope.ServiceProvider.GetRequiredService<TransparencyDbContext>().Set<T>()).CountAsync();
    }

    [GeneratedRegex("name=\"token\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex ConfirmToken();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
