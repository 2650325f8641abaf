using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Transparency.Replies.Models;

namespace Transparency.Integration.Tests.Replies;

/// <summary>
/// Attachments of a reply: a real PDF is accepted, listed and downloaded by staff; a file that only claims to be a PDF is
/// refused and leaves nothing behind; the public download answers only while the reply is published.
/// </summary>
public abstract class ReplyAttachmentTests<TSite>(TSite site) where TSite : RepliesSite
{
    [Fact]
    public async Task ARealPdfIsKeptAFakeOneRefusedAndThePublicSeesItOnlyWhilePublished()
    {
        var pdf = RepliesSite.SmallPdf();
        var proposalId = await site.CreateProposalAsync();
        using var drafter = await site.SignInAsync("drafter");
        using var anonymous = site.Factory.CreateSiteClient();
        var id = await RepliesSite.StartReplyAsync(drafter, proposalId);
        var page = $"/admin/replies/{id}";
        await RepliesSite.SaveAsync(drafter, id, "<p>附件为办理情况说明。</p>");
        var filesBefore = StoredFiles();

        var uploaded = await RepliesSite.UploadAsync(drafter, id, "办理情况说明.pdf", pdf);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Equal(page, uploaded.Headers.Location!.OriginalString);
        var attachment = Assert.Single(await AttachmentsAsync(id));
        Assert.Equal(("办理情况说明.pdf", "application/pdf", (long)pdf.Length, "drafter"), (attachment.FileName, attachment.ContentType, attachment.Size, attachment.UploadedBy));
        Assert.Equal(filesBefore + 1, StoredFiles());
        Assert.Contains("AttachmentAdded", (await site.AuditAsync(id)).Select(e => e.Action));

        // Listed on the reply's page and downloadable by the drafter.
        var download = $"{page}/attachments/{attachment.Id}";
        var details = await drafter.GetStringAsync(page);
        Assert.Contains($"<a href=\"{download}\">办理情况说明.pdf</a>", details);
        var file = await drafter.GetAsync(download);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal(pdf, await file.Content.ReadAsByteArrayAsync());
        Assert.Contains("办理情况说明.pdf", Uri.UnescapeDataString(file.Content.Headers.ContentDisposition!.ToString()));

        // A .pdf that is not a PDF, and a type that is not accepted: 400, nothing stored.
        var fake = await RepliesSite.UploadAsync(drafter, id, "伪装.pdf", "<html><script>alert(1)</script></html>"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
        Assert.Contains("附件内容与文件类型不符", await fake.Content.ReadAsStringAsync());
        var text = await RepliesSite.UploadAsync(drafter, id, "说明.txt", "说明"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Contains("附件仅限 PDF、DOCX、JPG、PNG 格式", await text.Content.ReadAsStringAsync());
        Assert.Single(await AttachmentsAsync(id));
        Assert.Equal(filesBefore + 1, StoredFiles());
        Assert.Single(await site.AuditAsync(id), e => e.Action == "AttachmentAdded");

        // The public download: 404 while a draft, and while sent but not yet published.
        var publicUrl = $"/replies/{id}/attachments/{attachment.Id}";
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(publicUrl)).StatusCode);
        await RepliesSite.PostOkAsync(drafter, page, page + "/submit");
        using (var reviewer = await site.SignInAsync("reviewer"))
        {
            Assert.Equal(pdf, await reviewer.Http.GetByteArrayAsync(download)); // the reviewer of the unit reads it too
            await RepliesSite.PostOkAsync(reviewer, page, page + "/approve");
        }

        using (var approver = await site.SignInAsync("approver"))
        {
            await RepliesSite.PostOkAsync(approver, page, page + "/approve");
        }

        using var coordinator = await site.SignInAsync("coordinator");
        await RepliesSite.PostOkAsync(coordinator, page + "/send", page + "/send",
            [new("SentOn", RepliesSite.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), new("Channel", "Email")]);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(publicUrl)).StatusCode);

        // Published: everyone downloads it; under another published reply's id it is still 404.
        await RepliesSite.PostOkAsync(coordinator, page + "/publish", page + "/publish");
        var open = await anonymous.GetAsync(publicUrl);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal("application/pdf", open.Content.Headers.ContentType!.MediaType);
        Assert.Equal(pdf, await open.Content.ReadAsByteArrayAsync());
        var otherPublished = await site.QueryAsync(db => db.Set<Reply>()
            .Where(r => r.Id != id && r.Document.Status == DocumentStatus.Published).Select(r => r.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/replies/{otherPublished}/attachments/{attachment.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/replies/{id}/attachments/{attachment.Id + 100000}")).StatusCode);

        // A published reply's attachments are frozen.
        var delete = await drafter.PostFormAsync("/account/login", $"{download}/delete", []);
        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);
        Assert.Single(await AttachmentsAsync(id));

        // Unpublished (撤回公开): 404 again.
        await RepliesSite.PostOkAsync(coordinator, page, page + "/withdraw", [new("reason", "其他"), new("otherReason", "附件需要更正")]);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(publicUrl)).StatusCode);
    }

    private Task<List<DocumentAttachment>> AttachmentsAsync(int replyId) => site.QueryAsync(async db =>
    {
        var documentId = await db.Set<Reply>().Where(r => r.Id == replyId).Select(r => r.DocumentId).SingleAsync();
        return await db.Set<DocumentAttachment>().AsNoTracking().Where(a => a.DocumentId == documentId).ToListAsync();
    });

    private int StoredFiles() => Directory.Exists(site.AttachmentsPath) ? Directory.GetFiles(site.AttachmentsPath).Length : 0;
}

[Collection(RepliesSqliteCollection.Name)]
public sealed class ReplyAttachmentTestsOnSqlite(RepliesSqliteSite site) : ReplyAttachmentTests<RepliesSqliteSite>(site);

[Collection(RepliesPostgreSqlCollection.Name)]
public sealed class ReplyAttachmentTestsOnPostgreSql(RepliesPostgreSqlSite site) : ReplyAttachmentTests<RepliesPostgreSqlSite>(site);
