namespace Transparency.Replies.Letters;

/// <summary>A variable the letter template can use, for the editor's help panel.</summary>
/// <param name="Name">Liquid name, e.g. <c>unit_name</c>.</param>
/// <param name="Description">What it holds, in Chinese.</param>
public sealed record ReplyLetterTemplateVariable(string Name, string Description);

/// <summary>A markup tag the letter template can produce, for the editor's help panel.</summary>
/// <param name="Tag">How it is written, e.g. <c>&lt;title&gt;…&lt;/title&gt;</c>.</param>
/// <param name="Description">What it becomes in the letter, in Chinese.</param>
public sealed record ReplyLetterMarkupTag(string Tag, string Description);

/// <summary>
/// The administrator-editable layout of the reply letter (答复函): a Liquid template (Fluid) whose output is a small
/// letter markup (see docs/reply-letter.md), and its validation.
/// </summary>
public static class ReplyLetterTemplates
{
    /// <summary>The layout used when the site has no template of its own.</summary>
    public const string DefaultTemplate = """
        {% comment %}
          答复函版式模板（Liquid 语法）。{{ 变量 }} 输出数据，{% if %} {% for %} 控制结构；
          尖括号标记决定版式，例如 <letterhead> 发文机关标志、<docno> 文号、<rule/> 红色分隔线、
          <title> 标题、<salutation> 主送、<p> 正文段落、<body/> 答复正文、<signature> 署名和成文日期、
          <colophon> 版记。说明见 docs/reply-letter.md。
        {% endcomment %}
        <mark align="right">{{ outcome }}类</mark>
        <letterhead>{{ unit_name }}</letterhead>
        <blank/>
        <docno>{{ document_number }}</docno>
        <rule/>
        <blank/>
        <title>关于{{ session_name }}第{{ proposal_number }}号{{ kind_name }}的答复</title>
        <blank/>
        <salutation>{{ salutation }}</salutation>
        {% comment %}答复正文照录起草的全文（含“……收悉”开头和致谢结尾），模板不再另加。{% endcomment %}
        <body/>
        <blank/>
        <blank/>
        <signature>{{ unit_name }}<br/>{{ date }}</signature>
        {% if classification != empty %}<p>（此件{{ classification }}）</p>{% endif %}
        {% if contact_person != empty or contact_phone != empty %}
        <p>（联系人：{{ contact_person }}；联系电话：{{ contact_phone }}）</p>
        {% endif %}
        {% if copy_to.size > 0 %}
        <blank/>
        <colophon>抄送：{{ copy_to | join: "，" }}。</colophon>
        {% endif %}
        """;

    /// <summary>The variables set for every letter.</summary>
    public static IReadOnlyList<ReplyLetterTemplateVariable> Variables { get; } =
    [
        new("unit_name", "发文单位，如：市城市管理局"),
        new("document_number", "文号，如：市城管建字〔2020〕12号"),
        new("classification", "公开属性：主动公开、依申请公开或不予公开"),
        new("kind_name", "建议或提案"),
        new("is_cppcc", "是否为政协提案（true/false）"),
        new("session_name", "会议，如：市十六届人大三次会议"),
        new("proposal_number", "编号，如：0012"),
        new("proposal_title", "建议（提案）标题"),
        new("representatives", "代表（委员）姓名列表，领衔者在前；可用 {% for name in representatives %} 逐个输出"),
        new("representative_title", "称谓：代表或委员"),
        new("salutation", "主送称呼，如：张丽萍代表、王建国代表："),
        new("outcome", "办理结果分类：A、B 或 C"),
        new("outcome_text", "办理结果分类的含义，如：所提问题已经解决或者采纳"),
        new("date", "成文日期，如：2020年8月20日"),
        new("year", "成文日期的年（数字）"),
        new("month", "成文日期的月（数字）"),
        new("day", "成文日期的日（数字）"),
        new("contact_person", "联系人"),
        new("contact_phone", "联系电话"),
        new("copy_to", "抄送单位列表；如：{{ copy_to | join: \"，\" }}"),
    ];

    /// <summary>The markup tags the template's output may contain.</summary>
    public static IReadOnlyList<ReplyLetterMarkupTag> MarkupTags { get; } =
    [
        new("<letterhead>…</letterhead>", "发文机关标志：红色、居中、方正小标宋，字号自动适应一行（最大初号）"),
        new("<docno>…</docno>", "发文字号：三号仿宋居中"),
        new("<rule/>", "红色分隔线（与版心等宽）；<rule double/> 为上粗下细双线"),
        new("<mark>…</mark>", "标识行（如办理结果“A类”）：三号黑体，默认居左"),
        new("<title>…</title>", "标题：二号小标宋居中，可用 <br/> 分行"),
        new("<salutation>…</salutation>", "主送机关（称呼）：顶格"),
        new("<p>…</p>", "正文段落：三号仿宋，首行缩进二字"),
        new("<heading level=\"1|2|3\">…</heading>", "层次标题：一级黑体、二级楷体、三级仿宋加粗"),
        new("<body/>", "答复正文（富文本）插入处"),
        new("<signature>单位<br/>日期</signature>", "发文机关署名和成文日期：日期右空四字，署名以日期为准居中"),
        new("<right>…</right>", "右对齐一行（右空四字）"),
        new("<colophon>…</colophon>", "版记（抄送、印发等）：四号仿宋，上下分隔线"),
        new("<blank/>", "空一行"),
        new("<pagebreak/>", "分页"),
        new("<b> <i> <u> <s> <sup> <sub> <br/>", "加粗、倾斜、下划线、删除线、上标、下标、换行"),
        new("align=\"left|center|right|justify\"", "块标记的对齐方式"),
        new("indent=\"0\"", "首行缩进的字数（<right>、<signature> 为右空的字数）"),
        new("font=\"黑体\" size=\"三号\" color=\"red\" bold=\"true\"", "块标记的字体、字号（字号名或磅值）、颜色、加粗"),
    ];

    /// <summary>
    /// Checks a template: Liquid syntax (with line and column), a render of <see cref="ReplyLetterGenerator.Sample"/>
    /// with strict variables and filters, the markup it produces (unknown or unclosed tags, a missing
    /// <c>&lt;body/&gt;</c>) and the .docx writing. An empty list means the template is usable.
    /// </summary>
    public static IReadOnlyList<ReplyLetterTemplateError> Validate(string template)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return [new ReplyLetterTemplateError(null, null, "模板：模板不能为空。")];
        }

        if (!LetterTemplateEngine.TryParse(template, out var parsed, out var parseError))
        {
            return [parseError!];
        }

        string markup;
        try
        {
            markup = LetterTemplateEngine.Render(parsed, template, ReplyLetterGenerator.Sample(), strict: true);
        }
        catch (ReplyLetterTemplateException exception)
        {
            return exception.Errors;
        }

        var errors = new List<ReplyLetterTemplateError>();
        var problems = new List<MarkupProblem>();
        var root = MarkupParser.Parse(markup, LetterMarkup.VoidTags, problems);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in root.Descendants().Where(n => !n.IsText))
        {
            if (!LetterMarkup.IsKnown(element.Name!) && reported.Add("unknown:" + element.Name))
            {
                errors.Add(Locate(template, "<" + element.Name, $"未知的排版标记 <{element.Name}>（可用的标记见答复函模板说明）"));
            }
        }

        foreach (var problem in problems)
        {
            if (!reported.Add(problem.Kind + ":" + problem.TagName))
            {
                continue;
            }

            errors.Add(problem.Kind == MarkupProblemKind.Unclosed
                ? Locate(template, "<" + problem.TagName, $"排版标记 <{problem.TagName}> 没有结束标记 </{problem.TagName}>")
                : Locate(template, "</" + problem.TagName, $"多余的结束标记 </{problem.TagName}>"));
        }

        if (!root.Descendants().Any(n => n.Name == "body"))
        {
            errors.Add(new ReplyLetterTemplateError(null, null, "模板：缺少 <body/> 标记，答复正文不会出现在答复函中。"));
        }

        if (errors.Count == 0)
        {
            try
            {
                var sample = ReplyLetterGenerator.Sample();
                LetterDocumentWriter.Write(markup, sample.BodyHtml, sample.UnitName, sample.Date);
            }
            catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or FormatException or IOException)
            {
                errors.Add(new ReplyLetterTemplateError(null, null, "模板：生成答复函时出错：" + exception.Message));
            }
        }

        return errors;
    }

    /// <summary>An error placed at the first occurrence of <paramref name="needle"/> (a tag opening) in the template.</summary>
    private static ReplyLetterTemplateError Locate(string template, string needle, string text)
    {
        var index = 0;
        while ((index = template.IndexOf(needle, index, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var after = index + needle.Length;
            if (after >= template.Length || !(char.IsAsciiLetterOrDigit(template[after]) || template[after] is '-' or '_'))
            {
                var (line, column) = LetterText.Position(template, index);
                return ReplyLetterTemplateError.At(line, column, text);
            }

            index = after;
        }

        return ReplyLetterTemplateError.At(null, null, text);
    }
}
