using Transparency.Replies.Letters;

namespace Transparency.Integration.Tests.Letters;

/// <summary>The administrator's template: edits show up, mistakes are reported in Chinese with line and column.</summary>
public sealed class ReplyLetterTemplatesTests
{
    private readonly ReplyLetterGenerator generator = new();

    [Fact]
    public void The_default_template_is_valid()
    {
        Assert.Empty(ReplyLetterTemplates.Validate(ReplyLetterTemplates.DefaultTemplate));
    }

    [Fact]
    public void A_line_added_to_the_template_shows_up_in_the_letter()
    {
        var template = ReplyLetterTemplates.DefaultTemplate.Replace(
            "<body/>",
            "<body/>\n<p>本件办理结果为{{ outcome }}类（{{ outcome_text }}）。</p>\n<heading level=\"2\">附：{{ representatives | join: \"、\" }}</heading>",
            StringComparison.Ordinal);

        Assert.Empty(ReplyLetterTemplates.Validate(template));
        using var document = ReplyLetterGeneratorTests.Open(generator.Generate(ReplyLetterGenerator.Sample(), template));
        ReplyLetterGeneratorTests.AssertValid(document);
        var texts = ReplyLetterGeneratorTests.ParagraphTexts(document);

        Assert.Contains("本件办理结果为A类（所提问题已经解决或者采纳）。", texts);
        Assert.Contains("附：张丽萍、王建国", texts);
        Assert.True(texts.IndexOf("本件办理结果为A类（所提问题已经解决或者采纳）。") > texts.IndexOf("3．接受代表和群众监督。"));
    }

    [Fact]
    public void A_minimal_template_with_plain_text_and_attributes_works()
    {
        const string template = """
            <letterhead size="小初" color="black">{{ unit_name }}</letterhead>
            <rule double/>
            <title>对{{ session_name }}<br/>第{{ proposal_number }}号{{ kind_name }}的答复</title>
            {{ salutation }}
            <body/>
            <p align="right" indent="0" font="楷体" bold="true">{{ date }}</p>
            """;

        Assert.Empty(ReplyLetterTemplates.Validate(template));
        using var document = ReplyLetterGeneratorTests.Open(generator.Generate(ReplyLetterGenerator.Sample(), template));
        ReplyLetterGeneratorTests.AssertValid(document);
        var texts = ReplyLetterGeneratorTests.ParagraphTexts(document);

        Assert.Contains("对市十六届人大三次会议第0012号建议的答复", texts);
        Assert.Contains("张丽萍代表、王建国代表：", texts);
        Assert.Contains("2020年8月20日", texts);
    }

    [Fact]
    public void An_unclosed_tag_is_reported_in_Chinese_with_its_line()
    {
        const string template = "<letterhead>{{ unit_name }}</letterhead>\n<body/>\n{% if copy_to.size > 0 %}\n<colophon>抄送</colophon>\n";

        var error = Assert.Single(ReplyLetterTemplates.Validate(template));

        Assert.NotNull(error.Line);
        Assert.StartsWith($"模板第{error.Line}行第{error.Column}列：", error.Message, StringComparison.Ordinal);
        Assert.Contains("endif", error.Message, StringComparison.Ordinal);
        Assert.Contains("缺少结束标签", error.Message, StringComparison.Ordinal);
        var thrown = Assert.Throws<ReplyLetterTemplateException>(() => generator.Generate(ReplyLetterGenerator.Sample(), template));
        Assert.Equal(error.Message, Assert.Single(thrown.Errors).Message);
    }

    [Fact]
    public void An_unclosed_output_tag_is_reported_at_its_line()
    {
        const string template = "<body/>\n<p>第一行</p>\n<p>{{ unit_name </p>\n";

        var error = Assert.Single(ReplyLetterTemplates.Validate(template));

        Assert.Equal(3, error.Line);
        Assert.StartsWith("模板第3行", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_variable_or_filter_is_reported_where_it_is_used()
    {
        const string template = "<body/>\n<p>{{ unit_name }}</p>\n<p>   {{ unit_nmae }}</p>\n";

        var error = Assert.Single(ReplyLetterTemplates.Validate(template));
        Assert.Equal("模板第3行第10列：未定义的变量“unit_nmae”（可用的变量见答复函模板说明）", error.Message);

        var filter = Assert.Single(ReplyLetterTemplates.Validate("<body/>\n{{ date | shout }}"));
        Assert.Equal(2, filter.Line);
        Assert.Contains("未知的过滤器“shout”", filter.Message, StringComparison.Ordinal);

        // Generating is lenient: an unknown variable is empty, as in Liquid.
        using var document = ReplyLetterGeneratorTests.Open(generator.Generate(ReplyLetterGenerator.Sample(), template));
        ReplyLetterGeneratorTests.AssertValid(document);
    }

    [Fact]
    public void Markup_mistakes_are_reported()
    {
        const string template = "<title>{{ unit_name }}\n<p>正文</p>\n<note>附注</note>\n</salutation>\n";

        var messages = ReplyLetterTemplates.Validate(template).Select(e => e.Message).ToList();

        Assert.Contains("模板第3行第1列：未知的排版标记 <note>（可用的标记见答复函模板说明）", messages);
        Assert.Contains("模板第1行第1列：排版标记 <title> 没有结束标记 </title>", messages);
        Assert.Contains("模板第4行第1列：多余的结束标记 </salutation>", messages);
        Assert.Contains("模板：缺少 <body/> 标记，答复正文不会出现在答复函中。", messages);
    }

    [Fact]
    public void Runaway_loops_and_includes_are_stopped()
    {
        var loop = Assert.Single(ReplyLetterTemplates.Validate("<body/>{% for i in (1..10000000) %}<p>{{ i }}</p>{% endfor %}"));
        Assert.Contains("循环", loop.Message, StringComparison.Ordinal);

        var include = Assert.Single(ReplyLetterTemplates.Validate("<body/>{% include 'other' %}"));
        Assert.Contains("include", include.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_template_is_rejected()
    {
        Assert.Equal("模板：模板不能为空。", Assert.Single(ReplyLetterTemplates.Validate("  ")).Message);
    }

    [Fact]
    public void Every_documented_variable_is_set()
    {
        var template = "<body/>" + string.Concat(ReplyLetterTemplates.Variables.Select(v => $"<p>{{{{ {v.Name} }}}}</p>"));

        Assert.Empty(ReplyLetterTemplates.Validate(template));
        var markup = generator.RenderMarkup(ReplyLetterGenerator.Sample(), template);
        Assert.Contains("<p>市城管建字〔2020〕12号</p>", markup, StringComparison.Ordinal);
        Assert.Contains("<p>2020年8月20日</p>", markup, StringComparison.Ordinal);
    }
}
