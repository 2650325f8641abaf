using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Transparency.Core.Publishing;
using Transparency.Portal.Services;

namespace Transparency.Portal.Apis;

/// <summary>The query parameters of <c>GET /api/v1/replies</c>, as the OpenAPI document describes them.</summary>
public sealed class ReplyFilters
{
    [FromQuery(Name = "q"), Description("Words to search for (at most 200 characters); a query the parser cannot read is searched as plain words.")]
    public string? Q { get; init; }

    [FromQuery(Name = "year"), Description("Year of the session, e.g. 2020.")]
    public string? Year { get; init; }

    [FromQuery(Name = "session"), Description("Session name, e.g. 市十六届人大三次会议.")]
    public string? Session { get; init; }

    [FromQuery(Name = "kind"), Description("建议 (deputies' suggestion) or 提案 (CPPCC proposal).")]
    public string? Kind { get; init; }

    [FromQuery(Name = "category"), Description("Category, e.g. 垃圾分类.")]
    public string? Category { get; init; }

    [FromQuery(Name = "unit"), Description("Handling unit (answering, lead or co unit).")]
    public string? Unit { get; init; }

    [FromQuery(Name = "outcome"), Description("Outcome class: A (resolved or adopted), B (being resolved or planned), C (cannot be resolved for now).")]
    public string? Outcome { get; init; }

    [FromQuery(Name = "part"), Description("How the answering unit took part: 主办 (lead) or 协办 (co-handling).")]
    public string? Part { get; init; }

    [FromQuery(Name = "sort"), Description("relevance (default; newest first without q) or date (newest first).")]
    public string? Sort { get; init; }

    [FromQuery(Name = "page"), Description("Page number, from 1; page × pageSize may not exceed 10000.")]
    public string? Page { get; init; }

    [FromQuery(Name = "pageSize"), Description("Results per page, 1–100 (default 20).")]
    public string? PageSize { get; init; }
}

/// <summary>A page of published replies.</summary>
/// <param name="Total">Matching replies in all.</param>
/// <param name="Page">This page's number, from 1.</param>
/// <param name="PageSize">Replies per page.</param>
/// <param name="ParsedAsPlainText">True when q could not be parsed as a query and was searched as plain words.</param>
/// <param name="Items">This page's replies, in result order.</param>
public sealed record ReplyPage(int Total, int Page, int PageSize, bool ParsedAsPlainText, IReadOnlyList<ReplyRecord> Items);

/// <summary>A published handling summary; <see cref="Html"/> only on the summary's own address.</summary>
public sealed record SummaryRecord(int Id, string Url, int Year, string Session, string Title, string Published)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Html { get; init; }

    public static SummaryRecord From(PublishedSummary summary, string origin, string? html) => new(
        summary.Id,
        origin + summary.Url,
        summary.Year,
        summary.Session.Name,
        summary.Title,
        DateTime.SpecifyKind(summary.PublishedUtc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
    {
        Html = html,
    };
}

/// <summary>The handling figures of one session; rates are strings as published (“100%”), null when there is nothing to count.</summary>
public sealed record SessionFigures(
    int SessionId,
    string Session,
    int Year,
    string Kind,
    int Total,
    int Lead,
    int Co,
    int Split,
    int Consulted,
    int Replied,
    int Sent,
    int OnTime,
    int OutcomeA,
    int OutcomeB,
    int OutcomeC,
    int Key,
    string? ConsultationRate,
    string? OnTimeRate,
    string? SatisfactionRate,
    IReadOnlyList<CategoryCount> Categories,
    IReadOnlyList<UnitFigure> Units)
{
    public static SessionFigures From(HandlingFigures f) => new(
        f.Session.Id, f.Session.Name, f.Session.Year, f.Session.IsCppcc ? "提案" : "建议",
        f.Total, f.Lead, f.Co, f.Split, f.Consulted, f.Replied, f.Sent, f.OnTime, f.OutcomeA, f.OutcomeB, f.OutcomeC, f.Key,
        f.ConsultationRate, f.OnTimeRate, f.SatisfactionRate, f.Categories, f.Units);
}
