using Microsoft.AspNetCore.Mvc;
using Transparency.Core.Hosting;
using Transparency.Core.Security;
using Transparency.Core.Settings;
using Transparency.Data;
using Transparency.Replies.Letters;
using Transparency.Replies.Services;
using Transparency.Replies.ViewModels;

namespace Transparency.Replies.Controllers;

/// <summary>答复函: the .docx of a reply, and the administrator's template and review-stage settings.</summary>
[Admin]
[DocumentErrors]
public sealed class LettersController(
    ReplyService replies,
    ReplyLetters letters,
    ReplyLetterGenerator generator,
    ISettingsDocumentStore settings,
    TransparencyDbContext db) : Controller
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [HttpGet("admin/replies/{id:int}/letter.docx")]
    [RequirePermission(RepliesPermissions.View)]
    public async Task<IActionResult> Letter(int id)
    {
        var (content, name) = await letters.GenerateAsync(await replies.GetAsync(id, User));
        return File(content, DocxType, name);
    }

    [HttpGet("admin/replies/settings")]
    [RequirePermission(RepliesPermissions.ManageTemplates)]
    public async Task<IActionResult> Settings()
    {
        var template = await settings.GetAsync<LetterTemplateSettings>(LetterTemplateSettings.DocumentName);
        var review = await settings.GetAsync<ReviewSettings>(ReviewSettings.DocumentName);
        return View(new ReplySettingsModel
        {
            Template = template.Effective,
            CopyTo = string.Join("\n", template.CopyTo),
            Stages = [.. review.Effective().Select(s => new ReviewStageForm { Name = s.Name, Permission = s.Permission, UnitScoped = s.UnitScoped })],
        });
    }

    [HttpPost("admin/replies/settings")]
    [RequirePermission(RepliesPermissions.ManageTemplates)]
    public async Task<IActionResult> Settings(ReplySettingsModel form, string? command)
    {
        var errors = ReplyLetterTemplates.Validate(form.Template ?? "");
        foreach (var error in errors)
        {
            ModelState.AddModelError(nameof(form.Template), error.Message);
        }

        var stages = (form.Stages ?? []).Where(s => !string.IsNullOrWhiteSpace(s.Name)).ToList();
        if (stages.Count == 0)
        {
            ModelState.AddModelError(nameof(form.Stages), "至少需要一个审核环节。");
        }

        for (var i = 0; i < stages.Count; i++)
        {
            if (stages[i].Name!.Trim().Length > 20)
            {
                ModelState.AddModelError($"Stages[{i}].Name", $"第{i + 1}个环节的名称不能超过20个字符。");
            }

            if (stages[i].Permission is not (RepliesPermissions.Review or RepliesPermissions.Approve))
            {
                ModelState.AddModelError($"Stages[{i}].Permission", $"第{i + 1}个环节的权限只能是“{RepliesPermissions.Review}”或“{RepliesPermissions.Approve}”。");
            }
        }

        var copyTo = (form.CopyTo ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (copyTo.Any(c => c.Length > 100))
        {
            ModelState.AddModelError(nameof(form.CopyTo), "每个抄送单位的名称不能超过100个字符。");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form);
        }

        if (command == "preview")
        {
            var sample = ReplyLetterGenerator.Sample() with { CopyTo = copyTo };
            return File(generator.Generate(sample, form.Template), DocxType, "答复函模板预览.docx");
        }

        // Both documents are staged and saved together: one SaveChanges, one transaction.
        {
            var template = form.Template == ReplyLetterTemplates.DefaultTemplate ? null : form.Template;
            await settings.UpdateAsync(LetterTemplateSettings.DocumentName, new LetterTemplateSettings { Template = template, CopyTo = copyTo },
                template is null ? "答复函模板：使用默认模板" : $"答复函模板已修改（{template.Length}个字符）");
            await settings.UpdateAsync(ReviewSettings.DocumentName,
                new ReviewSettings { Stages = [.. stages.Select(s => new ReviewStage { Name = s.Name!.Trim(), Permission = s.Permission!, UnitScoped = s.UnitScoped })] },
                $"审核环节：{string.Join(" → ", stages.Select(s => s.Name!.Trim()))}");
            await db.SaveChangesAsync();
        }

        return Redirect("/admin/replies/settings?saved=1");
    }
}
