using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;
using Transparency.Core.Content;
using Transparency.Core.Proposals;
using Transparency.Core.Publishing;
using Transparency.Core.Settings;
using Transparency.Data;

namespace Transparency.Replies.Services;

/// <summary>The stored summary template (settings document <see cref="SummaryTemplates.DocumentName"/>); null means the default.</summary>
public sealed class SummaryTemplateSettings
{
    public string? Template { get; set; }
}

/// <summary>A problem in the summary template, for the administrator: line and column (1-based) when known.</summary>
/// <param name="Line">Line in the template, or null.</param>
/// <param name="Column">Column in the template, or null.</param>
/// <param name="Message">The complete message in Chinese, e.g. “模板第3行第5列：缺少结束标签 {% endif %}…”.</param>
public sealed record SummaryTemplateError(int? Line, int? Column, string Message)
{
    internal static SummaryTemplateError At(int? line, int? column, string text)
        => line is { } l && column is { } c
            ? new SummaryTemplateError(l, c, $"模板第{l}行第{c}列：{text}")
            : new SummaryTemplateError(null, null, $"模板：{text}");
}

/// <summary>The summary template cannot be parsed or fails while rendering; nothing was saved.</summary>
public sealed class SummaryTemplateException : Exception
{
    public SummaryTemplateException()
        : this("办理工作总结模板有错误。")
    {
    }

    public SummaryTemplateException(string message)
        : this(new SummaryTemplateError(null, null, message))
    {
    }

    public SummaryTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = new SummaryTemplateError(null, null, message);
    }

    public SummaryTemplateException(SummaryTemplateError error, Exception? innerException = null)
        : base(error.Message, innerException)
    {
        Error = error;
    }

    public SummaryTemplateError Error { get; }
}

/// <summary>A variable the summary template can use, for the settings page's help table.</summary>
/// <param name="Name">Liquid name, e.g. <c>total</c>.</param>
/// <param name="Description">What it holds, in Chinese.</param>
public sealed record SummaryTemplateVariable(string Name, string Description);

/// <summary>
/// The administrator-editable Liquid template (Fluid) from which a handling summary is drafted: the figures of the
/// session go in as variables (HTML-encoded), rich text (paragraphs and bold headings) comes out, sanitized. Kept as the
/// settings document <see cref="DocumentName"/>; the default follows the register of the bureau's 2020 summary.
/// </summary>
public sealed partial class SummaryTemplates(
    ISettingsDocumentStore settings,
    ISiteSettingsStore site,
    IHtmlSanitizer sanitizer,
    TransparencyDbContext db)
{
    public const string DocumentName = "Replies.SummaryTemplate";
    public const int MaxLength = 50_000;

    /// <summary>Said of the bureau when the site has no organisation name.</summary>
    public const string FallbackOrganization = "本局";

    /// <summary>The template used when the administrator has not stored one.</summary>
    public const string DefaultTemplate = """
        <p>{{ year }}年，我局承办{{ session }}{{ kind_full }}共{{ total }}件，其中主办{{ lead }}件、协办{{ co }}件。我局在市{{ congress }}的监督指导下，进一步加大工作力度，遵循依法办理、实事求是、分类督办、务求实效的原则，强化沟通、注重面商，狠抓{{ kind_name }}的答复和落实{% if consultation_rate %}，实现了我局{{ kind_short }}办理工作面商率{{ consultation_rate }}{% if on_time_rate %}、按时办复率{{ on_time_rate }}{% endif %}{% if satisfaction_rate %}、{{ member_title }}满意率{{ satisfaction_rate }}{% endif %}{% endif %}。现将我局工作主要措施汇报如下：</p>
        <p><strong>一、领导重视，办理责任得到进一步压实</strong></p>
        <p>我局高度重视{{ kind_name }}办理工作，把做好{{ kind_name }}办理工作作为推进城市管理的重要载体，作为了解社情民意的重要渠道，作为检查工作成效的一面镜子，〔请补充：列入党组会、局长办公会研究部署的情况，压实办理责任、限定办结时间的做法〕。本着“先办后复”“主办、协办同等对待”的原则，严格落实“快交办、重交流、有交待”的工作要求，{% if lead > 0 %}{% if replied == lead %}所有主办件均已答复{% else %}主办件已答复{{ replied }}件、正在办理{{ lead | minus: replied }}件{% endif %}，{% endif %}协办意见报送至主办单位，做到了“认真对待、积极落实、迅速办理”。</p>
        <p><strong>二、明晰流程，办理程序得到进一步规范</strong></p>
        <p>在承办工作中，我局统一办理流程，做到态度认真，程序规范。一是规范办理答复工作。交办{{ kind_name }}前，〔请补充：召开交办会，下发办理任务分解表和办理格式文本的情况〕，要求各承办部门明确专人，对{{ kind_name }}中所涉及的问题进行深入细致的调查研究。办理过程中，要求承办部门先与{{ member_title }}沟通，汇报{{ kind_name }}中涉及工作的进展情况。办理完成后，由局办公室统一起草答复文稿，经{{ review_stages }}后书面答复{{ member_title }}；二是规范{{ kind_name }}管理工作。每件{{ kind_name }}的办理资料做到{{ kind_name }}件、答复件、征询意见表等齐全，实行“一件一档”，形成交有依据、查有专人、办有结果、结有回音的规范程序。</p>
        <p><strong>三、完善机制，办理效率得到进一步提高</strong></p>
        <p>抓好交办、协调、督办等关键环节，坚持统一受理、分工办结、限时反馈、跟踪回访。一是健全责任机制，按照“谁办理、谁负责”的原则，〔请补充：分级负责、归口办理的责任体系〕。二是健全沟通机制，做到办理前联系、办理中征求意见、办理后跟踪回访，主办的{{ lead }}件{{ kind_name }}中有{{ consulted }}件与{{ member_title }}进行了面商或沟通联系。三是建立协调机制，对涉及多个部门承办的{{ kind_name }}，办公室牵头协调，主办部门主动协调，协办部门积极配合，共同协商、形成合力解决问题。四是强化通报督办机制，实行周报制、月通报制，对进展滞后的部门跟踪督办。{% if sent > 0 %}截至目前，已书面答复{{ sent }}件（按期答复{{ on_time }}件），其中A类{{ outcome_a }}件、B类{{ outcome_b }}件、C类{{ outcome_c }}件。{% endif %}{% unless satisfaction_rate %}{{ member_title }}满意率待征询意见后统计。{% endunless %}</p>
        <p><strong>四、提高质量，办理成效得到进一步增强</strong></p>
        <p>各{{ member_title }}所提的{{ kind_name }}都是群众关心关注、涉及群众切身利益的实际问题。我局在办理过程中，不回避矛盾和困难，把解决问题作为办理工作的出发点和落脚点，〔请补充：创新办理模式、保证办理质量的做法和成效〕。{% if categories.size > 0 %}今年我局{{ kind_name }}办理工作涉及{{ category_list }}等方面，主要集中在{{ top_categories }}方面{% if key_count > 0 %}，承办重点{{ kind_name }}{{ key_count }}件{% endif %}。{% endif %}〔请补充：重点{{ kind_name }}的办理成效〕</p>
        <p>城市管理工作千头万绪，{{ kind_short }}办理工作旨在有效解决市民群众关心的热点、难点问题。我们也清醒地认识到，还存在着办理实效性不够强、与{{ member_title }}的期望还有一定差距等问题。{{ next_year }}年，我们将在办理工作中认真加以改进，虚心接受各方面监督，力求办理工作出特色、出水平、出成效，〔请补充：下一年度的工作打算〕。</p>
        """;

    /// <summary>The variables set for every summary.</summary>
    public static IReadOnlyList<SummaryTemplateVariable> Variables { get; } =
    [
        new("organization", "本局名称（站点设置中的主办单位），未设置时为“本局”"),
        new("year", "年度，如：2020"),
        new("next_year", "下一年度，如：2021"),
        new("session", "会议名称，如：市十六届人大三次会议"),
        new("kind_name", "建议或提案"),
        new("kind_short", "人大建议或政协提案"),
        new("kind_full", "人大代表建议或政协委员提案"),
        new("congress", "人大或政协"),
        new("member_title", "代表或委员"),
        new("total", "本局承办总数（件）：本局所属单位承办的建议提案，每件计一次"),
        new("lead", "其中主办（含分办）件数"),
        new("co", "其中协办件数"),
        new("split", "主办件中仅为分办的件数"),
        new("consulted", "主办件中与代表委员面商或沟通联系的件数"),
        new("consultation_rate", "面商率，如：100%（无主办件时为空）"),
        new("replied", "主办件中已送达答复的件数"),
        new("sent", "已送达的第一轮答复件数"),
        new("on_time", "其中按期送达的件数"),
        new("on_time_rate", "按时办复率，如：85.7%（尚无送达的答复时为空）"),
        new("outcome_a", "已送达答复中A类件数"),
        new("outcome_b", "已送达答复中B类件数"),
        new("outcome_c", "已送达答复中C类件数"),
        new("categories", "类别列表（按件数从多到少），每项有 name 和 count；可用 {% for c in categories %}{{ c.name }}{{ c.count }}件{% endfor %}"),
        new("category_list", "全部类别，以顿号分隔，如：市政设施养护、市容环境、占道经营"),
        new("top_categories", "件数最多的三个类别，以顿号分隔"),
        new("key_count", "重点建议提案件数"),
        new("satisfaction_rate", "满意率：（满意 + 基本满意）÷ 收到的评价；有评价前为空"),
        new("first_round_satisfaction_rate", "首轮满意率（第一轮答复的评价）；有评价前为空"),
        new("attitude_satisfaction_rate", "对办理态度的满意率；有评价前为空"),
        new("result_satisfaction_rate", "对办理结果的满意率；有评价前为空"),
        new("reported_consultation_rate", "代表委员在征询意见表中反映的面商率；有评价前为空"),
        new("ratings", "收到的评价件数（每位代表委员按最后一轮计）"),
        new("dissatisfied", "其中不满意的件数"),
        new("review_stages", "审核环节，以顿号分隔，如：审核、审定"),
    ];

    /// <summary>Example figures for checking a template: every value is set, so a misspelt name is caught.</summary>
    public static HandlingFigures Sample { get; } = new(
        new SessionInfo(0, "市十六届人大三次会议", 2020, false),
        Total: 29,
        Lead: 9,
        Co: 20,
        Split: 0,
        Consulted: 9,
        Replied: 9,
        Sent: 9,
        OnTime: 9,
        OutcomeA: 3,
        OutcomeB: 5,
        OutcomeC: 1,
        Categories: [new("垃圾分类", 3), new("占道经营", 4), new("市政设施养护", 5)],
        Key: 1,
        SatisfactionRate: "100%");

    private const int MaxSteps = 100_000;

    /// <summary>FluidParser is thread-safe once built.</summary>
    private static readonly FluidParser Parser = new();

    private static readonly TemplateOptions LenientOptions = Options(strict: false);

    private static readonly TemplateOptions StrictOptions = Options(strict: true);

    /// <summary>Values are HTML-encoded (a session name with “&lt;” stays text); Chinese stays readable.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The stored template, or null when the default is in use.</summary>
    public async Task<string?> StoredAsync()
        => (await settings.GetAsync<SummaryTemplateSettings>(DocumentName)).Template is { } t && !string.IsNullOrWhiteSpace(t) ? t : null;

    /// <summary>The template in use: the stored one or the default.</summary>
    public async Task<string> CurrentAsync() => await StoredAsync() ?? DefaultTemplate;

    /// <summary>
    /// Checks a template: Liquid syntax (line and column), then a render of <see cref="Sample"/> with strict variables and
    /// filters, then that something is left after sanitizing. Null means the template is usable.
    /// </summary>
    public SummaryTemplateError? Validate(string? template)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return SummaryTemplateError.At(null, null, "模板不能为空。");
        }

        if (template.Length > MaxLength)
        {
            return SummaryTemplateError.At(null, null, $"模板过长（{template.Length}个字符，上限{MaxLength}）。");
        }

        try
        {
            var html = Render(template, Sample, FallbackOrganization, ["审核", "审定"], strict: true);
            return string.IsNullOrWhiteSpace(sanitizer.ToPlainText(html)) ? SummaryTemplateError.At(null, null, "模板生成的正文为空。") : null;
        }
        catch (SummaryTemplateException exception)
        {
            return exception.Error;
        }
    }

    /// <summary>
    /// The summary text for <paramref name="figures"/>: the template (the current one when null) rendered and sanitized.
    /// Throws <see cref="SummaryTemplateException"/> when the template is broken.
    /// </summary>
    public async Task<string> RenderAsync(HandlingFigures figures, string? template = null)
    {
        template ??= await CurrentAsync();
        var organization = await OrganizationAsync();
        var stages = (await settings.GetAsync<ReviewSettings>(ReviewSettings.DocumentName)).Effective().Select(s => s.Name).ToList();
        return sanitizer.Sanitize(Render(template, figures, organization, stages, strict: false));
    }

    /// <summary>The organisation name from the site settings, or <see cref="FallbackOrganization"/>.</summary>
    public async Task<string> OrganizationAsync()
        => (await site.GetAsync()).Organization is { Length: > 0 } name && !string.IsNullOrWhiteSpace(name) ? name.Trim() : FallbackOrganization;

    /// <summary>Validates and stores the template (with an audit event); <see cref="SummaryTemplateException"/> and nothing saved when it is broken.</summary>
    public async Task SaveAsync(string? template)
    {
        if (Validate(template) is { } error)
        {
            throw new SummaryTemplateException(error);
        }

        var value = template!.Replace("\r\n", "\n", StringComparison.Ordinal);
        await settings.UpdateAsync(DocumentName, new SummaryTemplateSettings { Template = value == DefaultTemplate ? null : value },
            $"修改办理工作总结模板（{value.Length}个字符）");
        await db.SaveChangesAsync();
    }

    /// <summary>Goes back to the default template.</summary>
    public async Task ResetAsync()
    {
        await settings.UpdateAsync(DocumentName, new SummaryTemplateSettings { Template = null }, "办理工作总结模板恢复为默认模板");
        await db.SaveChangesAsync();
    }

    private static string Render(string template, HandlingFigures figures, string organization, IReadOnlyList<string> stages, bool strict)
    {
        if (!Parser.TryParse(template, out var parsed, out var message))
        {
            throw new SummaryTemplateException(TranslateParseError(message ?? ""));
        }

        var context = new TemplateContext(strict ? StrictOptions : LenientOptions);
        SetValues(context, figures, organization, stages);
        try
        {
            return parsed.Render(context, Encoder);
        }
        catch (Exception exception) when (LiquidErrors.IsTemplateFault(exception))
        {
            throw new SummaryTemplateException(TranslateRuntimeError(exception, template), exception);
        }
    }

    private static void SetValues(TemplateContext context, HandlingFigures f, string organization, IReadOnlyList<string> stages)
    {
        var cppcc = f.Session.IsCppcc;
        context.SetValue("organization", organization);
        context.SetValue("year", f.Session.Year);
        context.SetValue("next_year", f.Session.Year + 1);
        context.SetValue("session", f.Session.Name);
        context.SetValue("kind_name", cppcc ? "提案" : "建议");
        context.SetValue("kind_short", cppcc ? "政协提案" : "人大建议");
        context.SetValue("kind_full", cppcc ? "政协委员提案" : "人大代表建议");
        context.SetValue("congress", cppcc ? "政协" : "人大");
        context.SetValue("member_title", cppcc ? "委员" : "代表");
        context.SetValue("total", f.Total);
        context.SetValue("lead", f.Lead);
        context.SetValue("co", f.Co);
        context.SetValue("split", f.Split);
        context.SetValue("consulted", f.Consulted);
        context.SetValue("consultation_rate", Text(f.ConsultationRate));
        context.SetValue("replied", f.Replied);
        context.SetValue("sent", f.Sent);
        context.SetValue("on_time", f.OnTime);
        context.SetValue("on_time_rate", Text(f.OnTimeRate));
        context.SetValue("outcome_a", f.OutcomeA);
        context.SetValue("outcome_b", f.OutcomeB);
        context.SetValue("outcome_c", f.OutcomeC);
        context.SetValue("categories", f.Categories.Select(c => new Dictionary<string, object> { ["name"] = c.Name, ["count"] = c.Count }).ToArray());
        context.SetValue("category_list", string.Join("、", f.Categories.Select(c => c.Name)));
        context.SetValue("top_categories", string.Join("、", f.Categories.Take(3).Select(c => c.Name)));
        context.SetValue("key_count", f.Key);
        context.SetValue("satisfaction_rate", Text(f.SatisfactionRate));
        context.SetValue("first_round_satisfaction_rate", Text(f.Satisfaction?.FirstRoundRate));
        context.SetValue("attitude_satisfaction_rate", Text(f.Satisfaction?.AttitudeRate));
        context.SetValue("result_satisfaction_rate", Text(f.Satisfaction?.ResultRate));
        context.SetValue("reported_consultation_rate", Text(f.Satisfaction?.ReportedConsultationRate));
        context.SetValue("ratings", f.Satisfaction?.Ratings ?? 0);
        context.SetValue("dissatisfied", f.Satisfaction?.Dissatisfied ?? 0);
        context.SetValue("review_stages", string.Join("、", stages));
    }

    /// <summary>A missing rate is nil, so that <c>{% if on_time_rate %}</c> is false.</summary>
    private static FluidValue Text(string? value) => value is null ? NilValue.Instance : new StringValue(value);

    private static TemplateOptions Options(bool strict) => new()
    {
        MaxSteps = MaxSteps,
        MaxRecursion = 20,
        StrictVariables = strict,
        StrictFilters = strict,
        CultureInfo = CultureInfo.InvariantCulture,
    };

    internal static SummaryTemplateError TranslateParseError(string message) => From(LiquidErrors.Parse(message));

    private static SummaryTemplateError TranslateRuntimeError(Exception exception, string source)
        => From(LiquidErrors.Runtime(exception, source, "办理工作总结模板"));

    private static SummaryTemplateError From(LiquidError error) => SummaryTemplateError.At(error.Line, error.Column, error.Message);
}
