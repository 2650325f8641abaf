using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Transparency.Integration.Tests.Infrastructure;
using Transparency.Proposals.Models;

namespace Transparency.Integration.Tests.Proposals;

/// <summary>面商 / 沟通联系 records with attachments: who may record, who may read, what files are accepted.</summary>
public abstract class HandlingConsultationTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : HandlingSite
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4, 5, 6, 7, 8];

    [Fact]
    public async Task TheUnitRecordsAConsultationWithAnAttachmentThatOnlyVisibleUsersCanDownload()
    {
        var w = await site.WorldAsync();
        var (id, _) = await site.CreateProposalAsync(HandlingSite.Today, [(w.LeadUnit, HandlingRole.Lead), (w.CoUnit, HandlingRole.Co)]);
        using var lead = await site.SignInAsync("lead");

        var response = await PostAsync(lead, id, "面商记录（签字版）.png", Png, "image/png");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var consultation = await site.QueryAsync(db => db.Set<Consultation>().SingleAsync(c => c.ProposalId == id));
        Assert.Equal((w.LeadUnit, ConsultationMode.FaceToFace, ConsultationStage.Before, "面商记录（签字版）.png", "lead"),
            (consultation.UnitId, consultation.Mode, consultation.Stage, consultation.AttachmentName, consultation.RecordedBy));
        var stored = Path.Combine(site.AttachmentsPath, consultation.AttachmentPath!);
        Assert.True(File.Exists(stored));
        Assert.Equal(Png, await File.ReadAllBytesAsync(stored));

        var list = await lead.GetStringAsync($"/admin/proposals/{id}/consultations");
        Assert.Contains("张丽萍代表、区住建局联络员", list);
        var url = $"/admin/proposals/{id}/consultations/{consultation.Id}/attachment";
        Assert.Contains(url, list);
        var download = await lead.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("面商记录（签字版）.png", download.Content.Headers.ContentDisposition!.FileNameStar);

        // The co unit sees the proposal and its records; an unrelated unit's drafter gets 404 on both, even with the exact address.
        using var co = await site.SignInAsync("co");
        Assert.Equal(HttpStatusCode.OK, (await co.GetAsync(url)).StatusCode);
        using var other = await site.SignInAsync("other");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/admin/proposals/{id}/consultations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        using var coord = await site.SignInAsync("coord");
        Assert.Equal(HttpStatusCode.OK, (await coord.GetAsync(url)).StatusCode);

        var recorded = Assert.Single(await site.AuditAsync(id), e => e.Action == "ConsultationRecorded");
        Assert.Equal("lead", recorded.Actor);
        Assert.Contains("面商记录（签字版）.png", recorded.Summary);
    }

    [Fact]
    public async Task AFileOfAnotherTypeOrWhoseContentDoesNotMatchItsNameIsRefused()
    {
        var w = await site.WorldAsync();
        var (id, _) = await site.CreateProposalAsync(HandlingSite.Today, [(w.LeadUnit, HandlingRole.Lead)]);
        using var lead = await site.SignInAsync("lead");
        var before = Directory.Exists(site.AttachmentsPath) ? Directory.GetFiles(site.AttachmentsPath).Length : 0;

        var exe = await PostAsync(lead, id, "setup.exe", [0x4D, 0x5A, 0x90, 0], "application/octet-stream");
        Assert.Equal(HttpStatusCode.BadRequest, exe.StatusCode);
        Assert.Contains("附件仅限 PDF、DOCX、JPG、PNG 格式", await exe.Content.ReadAsStringAsync());

        var fakePdf = await PostAsync(lead, id, "答复意见.pdf", Png, "application/pdf");
        Assert.Equal(HttpStatusCode.BadRequest, fakePdf.StatusCode);
        var html = await fakePdf.Content.ReadAsStringAsync();
        Assert.Contains("附件内容与文件类型不符", html);
        Assert.Contains("张丽萍代表、区住建局联络员", html); // the form keeps what was typed

        var fakeDocx = await PostAsync(lead, id, "会议纪要.docx", Zip(("readme.txt", "not a word document")), "application/octet-stream");
        Assert.Equal(HttpStatusCode.BadRequest, fakeDocx.StatusCode);

        Assert.False(await site.QueryAsync(db => db.Set<Consultation>().AnyAsync(c => c.ProposalId == id)));
        Assert.Equal(before, Directory.Exists(site.AttachmentsPath) ? Directory.GetFiles(site.AttachmentsPath).Length : 0);

        var docx = await PostAsync(lead, id, "会议纪要.docx", Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        Assert.Equal(HttpStatusCode.Redirect, docx.StatusCode);
        var pdf = await PostAsync(lead, id, "scan.PDF", "%PDF-1.7\n%âãÏÓ\n"u8.ToArray(), "application/pdf");
        Assert.Equal(HttpStatusCode.Redirect, pdf.StatusCode);
        Assert.Equal(2, await site.QueryAsync(db => db.Set<Consultation>().CountAsync(c => c.ProposalId == id)));
    }

    [Fact]
    public async Task MissingFieldsAreReportedByFieldAndAUnitWithoutAssignmentCannotRecord()
    {
        var w = await site.WorldAsync();
        var (id, _) = await site.CreateProposalAsync(HandlingSite.Today, [(w.LeadUnit, HandlingRole.Lead)]);
        using var lead = await site.SignInAsync("lead");
        var page = $"/admin/proposals/{id}/consultations";

        var noParticipants = await lead.PostFormAsync(page, page,
            [new("Form.Date", Iso(HandlingSite.Today)), new("Form.Mode", "Phone"), new("Form.Stage", "During"), new("Form.Participants", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, noParticipants.StatusCode);
        var html = await noParticipants.Content.ReadAsStringAsync();
        Assert.Contains("请填写参加人员", html);
        Assert.Contains("data-valmsg-for=\"Form.Participants\"", html);

        var future = await lead.PostFormAsync(page, page,
            [new("Form.Date", Iso(HandlingSite.Today.AddDays(2))), new("Form.Mode", "Phone"), new("Form.Stage", "During"), new("Form.Participants", "王建国代表")]);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("沟通日期不能晚于今天", await future.Content.ReadAsStringAsync());

        var phone = await lead.PostFormAsync(page, page,
            [new("Form.Date", Iso(HandlingSite.Today)), new("Form.Mode", "Phone"), new("Form.Stage", "During"), new("Form.Participants", "王建国代表"), new("Form.Notes", "电话通报办理进展。")]);
        Assert.Equal(HttpStatusCode.Redirect, phone.StatusCode);

        // The coordinator sees the list but has no Proposals.Handle, so no form and no recording.
        using var coord = await site.SignInAsync("coord");
        var list = await coord.GetStringAsync(page);
        Assert.Contains("电话通报办理进展。", list);
        Assert.DoesNotContain("记录沟通联系</h2>", list);
        var post = await coord.PostFormAsync("/admin", page,
            [new("Form.Date", Iso(HandlingSite.Today)), new("Form.Mode", "Phone"), new("Form.Stage", "During"), new("Form.Participants", "越权")]);
        Assert.StartsWith("/account/denied", post.Headers.Location!.PathAndQuery);
        Assert.Equal(1, await site.QueryAsync(db => db.Set<Consultation>().CountAsync(c => c.ProposalId == id)));
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<HttpResponseMessage> PostAsync(SiteClient client, int id, string fileName, byte[] content, string contentType)
    {
        var url = $"/admin/proposals/{id}/consultations";
        var token = SiteClient.AntiforgeryToken(await client.GetStringAsync(url));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(Iso(HandlingSite.Today)), "Form.Date" },
            { new StringContent("FaceToFace"), "Form.Mode" },
            { new StringContent("Before"), "Form.Stage" },
            { new StringContent("张丽萍代表、区住建局联络员"), "Form.Participants" },
            { new StringContent("办理前当面听取代表意见，商定整治方案。"), "Form.Notes" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "Attachment", fileName);
        return await client.Http.PostAsync(url, form);
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        return buffer.ToArray();
    }
}

public sealed class HandlingConsultationTestsOnSqlite(HandlingSqliteSite site) : HandlingConsultationTests<HandlingSqliteSite>(site);

public sealed class HandlingConsultationTestsOnPostgreSql(HandlingPostgreSqlSite site) : HandlingConsultationTests<HandlingPostgreSqlSite>(site);
