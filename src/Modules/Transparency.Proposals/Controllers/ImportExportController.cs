using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Hosting;
using Transparency.Core.Security;
using Transparency.Data;
using Transparency.Proposals.Models;
using Transparency.Proposals.Services;
using Transparency.Proposals.Services.Export;
using Transparency.Proposals.Services.Import;
using Transparency.Proposals.ViewModels;

namespace Transparency.Proposals.Controllers;

/// <summary>Import of the assignment table (交办任务分解表) with a preview, and its export as .xlsx or .csv.</summary>
[Admin]
[Route("admin/proposals")]
public sealed class ImportExportController(
    TransparencyDbContext db,
    AssignmentTableImporter importer,
    ImportFileStore store,
    AssignmentTableExporter exporter,
    TimeProvider clock) : Controller
{
    /// <summary>The request may carry the file plus the form fields.</summary>
    private const long MaxRequestBytes = ImportFileType.MaxBytes + (1024 * 1024);

    [HttpGet("import")]
    [RequirePermission(ProposalsPermissions.Register)]
    public async Task<IActionResult> Import(int? sessionId)
        => View(await FormAsync(new ImportFormViewModel { SessionId = sessionId }));

    /// <summary>Reads and checks the upload and shows the preview; writes nothing to the database.</summary>
    [HttpPost("import")]
    [RequirePermission(ProposalsPermissions.Register)]
    [RequestSizeLimit(MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
    public async Task<IActionResult> Preview(ImportFormViewModel model, IFormFile? file)
    {
        ArgumentNullException.ThrowIfNull(model);
        var errors = new List<string>();
        if (model.SessionId is not { } sessionId || !await db.Set<Session>().AnyAsync(s => s.Id == sessionId))
        {
            errors.Add("请选择届次。");
        }

        if (!Enum.IsDefined(model.Kind))
        {
            errors.Add("请选择类型（建议或提案）。");
        }

        byte[]? content = null;
        ImportFormat? format = null;
        if (file is null || file.Length == 0)
        {
            errors.Add("请选择要导入的文件（.xlsx 或 .csv）。");
        }
        else if (file.Length > ImportFileType.MaxBytes)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"文件不能超过 {ImportFileType.MaxBytes / 1024 / 1024} MB。"));
        }
        else
        {
            content = await ReadAsync(file);
            format = ImportFileType.Detect(file.FileName, content);
            if (format is null)
            {
                errors.Add("只能导入 .xlsx 或 .csv 文件（文件内容须与扩展名相符）。");
            }
        }

        if (errors.Count > 0)
        {
            model.Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Import", await FormAsync(model));
        }

        var fileName = CleanName(file!.FileName);
        var plan = await importer.PlanAsync(content!, format!.Value, model.SessionId!.Value, model.Kind, HttpContext.RequestAborted);
        string? token = null;
        if (plan.IsValid)
        {
            token = await store.SaveAsync(content!, new PendingImport(UserId, plan.Session!.Id, plan.Kind, format.Value, fileName, clock.GetUtcNow().UtcDateTime),
                HttpContext.RequestAborted);
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return View("Preview", new ImportPreviewViewModel { Plan = plan, FileName = fileName, Token = token });
    }

    /// <summary>Checks the stored upload again and imports all its rows in one transaction, or none.</summary>
    [HttpPost("import/confirm")]
    [RequirePermission(ProposalsPermissions.Register)]
    public async Task<IActionResult> Confirm(string? token)
    {
        if (await store.LoadAsync(token, HttpContext.RequestAborted) is not { } upload || upload.Pending.UserId != UserId)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Import", await FormAsync(new ImportFormViewModel { Errors = ["上传的文件已过期或不存在，请重新上传。"] }));
        }

        var pending = upload.Pending;
        var (plan, result) = await importer.ImportAsync(upload.Content, pending.Format, pending.SessionId, pending.Kind, HttpContext.RequestAborted);
        store.Delete(token);
        if (result is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Preview", new ImportPreviewViewModel { Plan = plan, FileName = pending.FileName });
        }

        return View("Imported", new ImportDoneViewModel { Result = result, FileName = pending.FileName });
    }

    [HttpGet("export.xlsx")]
    [RequirePermission(ProposalsPermissions.View)]
    public async Task<IActionResult> ExportXlsx([FromQuery] ProposalFilter filter)
        => File(AssignmentTableWriter.ToXlsx(await exporter.RowsAsync(User, filter, HttpContext.RequestAborted)),
            AssignmentTableWriter.XlsxContentType, ExportName(".xlsx"));

    [HttpGet("export.csv")]
    [RequirePermission(ProposalsPermissions.View)]
    public async Task<IActionResult> ExportCsv([FromQuery] ProposalFilter filter)
        => File(AssignmentTableWriter.ToCsv(await exporter.RowsAsync(User, filter, HttpContext.RequestAborted)),
            AssignmentTableWriter.CsvContentType, ExportName(".csv"));

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private string ExportName(string extension)
        => string.Create(CultureInfo.InvariantCulture, $"交办任务分解表-{clock.Today():yyyyMMdd}{extension}");

    private async Task<ImportFormViewModel> FormAsync(ImportFormViewModel model)
    {
        model.Sessions = await db.Set<Session>().AsNoTracking().OrderByDescending(s => s.Year).ThenBy(s => s.Name).ToListAsync();
        model.SessionId ??= model.Sessions.Count > 0 ? model.Sessions[0].Id : null;
        return model;
    }

    private static async Task<byte[]> ReadAsync(IFormFile file)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await using var stream = file.OpenReadStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    /// <summary>The name as shown back to the user: no folder, at most 200 characters.</summary>
    private static string CleanName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        return name.Length <= 200 ? name : name[^200..];
    }
}
