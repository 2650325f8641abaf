using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Transparency.Replies.Letters;

namespace Transparency.Integration.Tests.Letters;

/// <summary>The reply letter (答复函) as a Word document: validity, content and the official-letter layout.</summary>
public sealed class ReplyLetterGeneratorTests
{
    private readonly ReplyLetterGenerator generator = new();

    internal static WordprocessingDocument Open(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx), false);

    internal static List<string> ParagraphTexts(WordprocessingDocument document)
        => document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();

    internal static void AssertValid(WordprocessingDocument document)
    {
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
    }

    [Fact]
    public void Default_letter_opens_and_passes_the_OpenXml_validator()
    {
        using var document = Open(generator.Generate(ReplyLetterGenerator.Sample()));

        AssertValid(document);
    }

    [Fact]
    public void Default_letter_contains_the_letter_parts_in_order()
    {
        using var document = Open(generator.Generate(ReplyLetterGenerator.Sample()));
        var texts = ParagraphTexts(document);

        string[] expectedInOrder =
        [
            "A类",
            "市城市管理局",
            "市城管建字〔2020〕12号",
            "关于市十六届人大三次会议第0012号建议的答复",
            "张丽萍代表、王建国代表：",
            "你们提出的《关于加强背街小巷环境卫生整治的建议》收悉。现答复如下：",
            "我局高度重视，认真研究办理，并于7月15日与代表进行了面商。现将有关情况答复如下：",
            "一、背街小巷整治情况",
            "2020年，我局将背街小巷环境卫生整治列为重点工作，全年完成整治45条，清理卫生死角320处。",
            "（一）建立长效保洁机制",
            "实行“路长制”，每条背街小巷明确一名责任人，做到定人、定岗、定责。",
            "二、下一步工作",
            "1．加大背街小巷保洁投入；",
            "2．开展“门前三包”专项检查；",
            "3．接受代表和群众监督。",
            "感谢你们对我们工作的关心和支持。",
            "市城市管理局",
            "2020年8月20日",
            "（此件主动公开）",
            "（联系人：李强；联系电话：12345678）",
            "抄送：市人大常委会代表工作委员会，市政府督查室。",
        ];
        var position = -1;
        foreach (var expected in expectedInOrder)
        {
            var found = texts.FindIndex(position + 1, t => t.Trim('\u3000', ' ') == expected);
            Assert.True(found > position, $"“{expected}” not found after paragraph {position}: {string.Join(" | ", texts)}");
            position = found;
        }
    }

    [Fact]
    public void Strong_em_and_u_become_bold_italic_and_underlined_runs()
    {
        using var document = Open(generator.Generate(ReplyLetterGenerator.Sample()));
        var runs = document.MainDocumentPart!.Document!.Body!.Descendants<Run>().ToList();

        var bold = Assert.Single(runs, r => r.InnerText == "重点工作");
        Assert.NotNull(bold.RunProperties?.Bold);
        Assert.NotNull(Assert.Single(runs, r => r.InnerText == "45条").RunProperties?.Italic);
        Assert.NotNull(Assert.Single(runs, r => r.InnerText == "320处").RunProperties?.Underline);
        Assert.Null(Assert.Single(runs, r => r.InnerText.StartsWith("2020年，我局", StringComparison.Ordinal)).RunProperties?.Bold);
    }

    [Fact]
    public void Page_is_A4_with_the_official_margins_and_page_numbers()
    {
        using var document = Open(generator.Generate(ReplyLetterGenerator.Sample()));
        var section = document.MainDocumentPart!.Document!.Body!.GetFirstChild<SectionProperties>()!;
        var size = section.GetFirstChild<PageSize>()!;
        var margin = section.GetFirstChild<PageMargin>()!;

        Assert.Equal(11906u, size.Width!.Value);
        Assert.Equal(16838u, size.Height!.Value);
        Assert.Equal(37.0, margin.Top!.Value / 1440.0 * 25.4, 0);
        Assert.Equal(35.0, margin.Bottom!.Value / 1440.0 * 25.4, 0);
        Assert.Equal(28.0, margin.Left!.Value / 1440.0 * 25.4, 0);
        Assert.Equal(26.0, margin.Right!.Value / 1440.0 * 25.4, 0);
        Assert.Equal(2, section.Elements<FooterReference>().Count());
        Assert.All(document.MainDocumentPart.FooterParts, f => Assert.Contains("PAGE", f.Footer!.Descendants<SimpleField>().Single().Instruction!.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Letterhead_is_red_and_followed_by_a_red_rule_title_in_xiaobiaosong_body_in_fangsong()
    {
        using var document = Open(generator.Generate(ReplyLetterGenerator.Sample()));
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();

        var letterhead = paragraphs.First(p => p.InnerText == "市城市管理局");
        var letterheadRun = letterhead.Elements<Run>().Single().RunProperties!;
        Assert.Equal("FF0000", letterheadRun.Color!.Val!.Value);
        Assert.Equal(JustificationValues.Center, letterhead.ParagraphProperties!.Justification!.Val!.Value);
        Assert.True(int.Parse(letterheadRun.FontSize!.Val!.Value!, System.Globalization.CultureInfo.InvariantCulture) >= 44);

        var rule = paragraphs.Single(p => p.ParagraphProperties?.ParagraphBorders?.BottomBorder?.Color?.Value == "FF0000");
        Assert.True(paragraphs.IndexOf(rule) > paragraphs.IndexOf(letterhead));

        var title = paragraphs.Single(p => p.InnerText == "关于市十六届人大三次会议第0012号建议的答复");
        Assert.Equal(JustificationValues.Center, title.ParagraphProperties!.Justification!.Val!.Value);
        Assert.All(title.Elements<Run>(), r =>
        {
            Assert.Equal("44", r.RunProperties!.FontSize!.Val!.Value);
            Assert.Equal("方正小标宋简体", r.RunProperties.RunFonts!.EastAsia!.Value);
        });

        var styles = document.MainDocumentPart.StyleDefinitionsPart!.Styles!;
        var defaults = styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("仿宋", defaults.RunFonts!.EastAsia!.Value);
        Assert.Equal("32", defaults.FontSize!.Val!.Value);

        var body = paragraphs.Single(p => p.InnerText.StartsWith("实行“路长制”", StringComparison.Ordinal));
        Assert.Equal("640", body.ParagraphProperties!.Indentation!.FirstLine!.Value);
        Assert.Equal("560", body.ParagraphProperties.SpacingBetweenLines!.Line!.Value);
        Assert.Equal(LineSpacingRuleValues.Exact, body.ParagraphProperties.SpacingBetweenLines.LineRule!.Value);
    }

    [Fact]
    public void Date_is_right_aligned_four_characters_in_and_the_unit_is_centred_on_it()
    {
        using var document = Open(generator.Generate(ReplyLetterGenerator.Sample()));
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();

        var date = paragraphs.Single(p => p.InnerText == "2020年8月20日");
        var signature = paragraphs[paragraphs.IndexOf(date) - 1];
        Assert.Equal("市城市管理局", signature.InnerText);
        Assert.Equal(JustificationValues.Right, date.ParagraphProperties!.Justification!.Val!.Value);
        Assert.Equal("1280", date.ParagraphProperties.Indentation!.Right!.Value);
        // 2020年8月20日 is 6½ characters wide, 市城市管理局 6: a quarter character further in.
        Assert.Equal("1360", signature.ParagraphProperties!.Indentation!.Right!.Value);
    }

    [Fact]
    public void Lists_tables_alignment_and_headings_are_converted()
    {
        var data = ReplyLetterGenerator.Sample() with
        {
            BodyHtml = """
                <p class="ql-align-center">居中的一段</p>
                <ul><li>甲项</li><li>乙项<ul><li>乙项之一</li></ul></li></ul>
                <ol><li data-list="bullet">Quill 项目符号</li><li data-list="ordered">第一</li><li data-list="ordered" class="ql-indent-1">第一之一</li></ol>
                <h4>1．三级标题</h4>
                <table><tr><td colspan="2">合并</td></tr><tr><td rowspan="2">甲</td><td>乙</td></tr><tr><td>丙</td></tr></table>
                <p>链接：<a href="https://example.gov.cn/x">办事指南</a></p>
                """,
        };

        using var document = Open(generator.Generate(data));
        AssertValid(document);
        var body = document.MainDocumentPart!.Document!.Body!;
        var texts = ParagraphTexts(document);

        var centred = body.Elements<Paragraph>().Single(p => p.InnerText == "居中的一段");
        Assert.Equal(JustificationValues.Center, centred.ParagraphProperties!.Justification!.Val!.Value);
        Assert.Contains("•\u00A0甲项", texts);
        Assert.Contains("•\u00A0乙项", texts);
        Assert.Contains("•\u00A0乙项之一", texts);
        Assert.Contains("•\u00A0Quill 项目符号", texts);
        Assert.Contains("1．第一", texts);
        Assert.Contains("（1）第一之一", texts);
        Assert.Contains("链接：办事指南（https://example.gov.cn/x）", texts);
        var heading = body.Elements<Paragraph>().Single(p => p.InnerText == "1．三级标题");
        Assert.All(heading.Elements<Run>(), r => Assert.NotNull(r.RunProperties?.Bold));

        var table = Assert.Single(body.Elements<Table>());
        var rows = table.Elements<TableRow>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(2, table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count());
        Assert.Equal(2, rows[0].Elements<TableCell>().Single().TableCellProperties!.GridSpan!.Val!.Value);
        Assert.Equal(MergedCellValues.Continue, rows[2].Elements<TableCell>().First().TableCellProperties!.VerticalMerge!.Val!.Value);
        Assert.Equal("丙", rows[2].Elements<TableCell>().Last().InnerText);
    }

    [Fact]
    public void Everything_the_sanitizer_allows_converts()
    {
        var data = ReplyLetterGenerator.Sample() with
        {
            BodyHtml =
                "<h2 class=\"ql-align-center\">关于加强背街小巷环境卫生管理的建议的答复</h2>" +
                "<p class=\"ql-indent-1\">您提出的<strong>《关于加强背街小巷环境卫生管理的建议》</strong>收悉，<em>现答复如下</em>：<u>已列入年度计划</u>，<s>暂缓实施</s>。</p>" +
                "<h3>一、工作进展</h3>" +
                "<ol><li>增设分类垃圾桶120组；</li><li class=\"ql-indent-1\">开展日常巡查。</li></ol>" +
                "<ul><li><b>责任单位</b>：环卫处</li><li><i>完成时限</i>：2024年底</li></ul>" +
                "<h4>附表</h4>" +
                "<blockquote>引用上级文件要求。</blockquote>" +
                "<table><thead><tr><th colspan=\"2\">项目</th></tr></thead><tbody><tr><td rowspan=\"2\">垃圾桶</td><td>120组</td></tr><tr><td>已完成</td></tr></tbody></table>" +
                "<p>详见<a href=\"https://www.example.gov.cn/notice/1.html\" rel=\"noopener noreferrer\">通知</a>，意见请发<a href=\"mailto:office@example.gov.cn\" rel=\"noopener noreferrer\">邮箱</a>。</p>" +
                "<p class=\"ql-align-right\">市城市管理局<br>2024年6月5日</p>" +
                "<p class=\"ql-align-justify ql-indent-8\"><span class=\"ql-align-center\">正文</span></p>",
        };

        using var document = Open(generator.Generate(data));
        AssertValid(document);
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();
        var texts = paragraphs.Select(p => p.InnerText).ToList();

        var heading = paragraphs.Single(p => p.InnerText == "关于加强背街小巷环境卫生管理的建议的答复");
        Assert.Equal(JustificationValues.Center, heading.ParagraphProperties!.Justification!.Val!.Value);
        Assert.Equal("黑体", heading.Elements<Run>().First().RunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Contains("1．增设分类垃圾桶120组；", texts);
        Assert.Contains("（1）开展日常巡查。", texts);
        Assert.Contains("•\u00A0责任单位：环卫处", texts);
        Assert.Contains("引用上级文件要求。", texts);
        Assert.Contains("详见通知（https://www.example.gov.cn/notice/1.html），意见请发邮箱（office@example.gov.cn）。", texts);
        var signed = paragraphs.Single(p => p.InnerText == "市城市管理局2024年6月5日");
        Assert.Equal(JustificationValues.Right, signed.ParagraphProperties!.Justification!.Val!.Value);
        Assert.Single(signed.Descendants<Break>());
        var strike = document.MainDocumentPart.Document.Body.Descendants<Run>().Single(r => r.InnerText == "暂缓实施");
        Assert.NotNull(strike.RunProperties?.Strike);
        var indented = paragraphs.Single(p => p.InnerText == "正文");
        Assert.Equal((8 * 640).ToString(System.Globalization.CultureInfo.InvariantCulture), indented.ParagraphProperties!.Indentation!.Left!.Value);
    }

    [Fact]
    public void Script_style_and_odd_tags_in_the_body_leave_no_code_in_the_letter()
    {
        var data = ReplyLetterGenerator.Sample() with
        {
            BodyHtml = """
                <script>alert('x')</script><style>p { color: red }</style>
                <p onclick="alert(2)">正文<custom-tag data-x="1">自定义<b>加粗</b></custom-tag><iframe src="https://evil.example">iframe 内容</iframe>
                <img src="x" onerror="alert(3)"><svg><script>alert(4)</script></svg>结尾</p>
                <!-- 注释 --><p>&lt;w:p&gt;]]&gt; &amp; 文本 &#x4E2D;</p>
                """ + "<p>控制字符\u0001\u0008\uFFFF保留其余</p>" + """
                <SCRIPT type="text/javascript">document.write('y')</SCRIPT><div>未闭合的块
                """,
        };

        using var document = Open(generator.Generate(data));
        AssertValid(document);
        var all = string.Join("\n", ParagraphTexts(document));

        Assert.DoesNotContain("alert", all, StringComparison.Ordinal);
        Assert.DoesNotContain("color", all, StringComparison.Ordinal);
        Assert.DoesNotContain("iframe 内容", all, StringComparison.Ordinal);
        Assert.DoesNotContain("document.write", all, StringComparison.Ordinal);
        Assert.DoesNotContain("注释", all, StringComparison.Ordinal);
        Assert.Contains("正文自定义加粗结尾", all, StringComparison.Ordinal);
        Assert.Contains("<w:p>]]> & 文本 中", all, StringComparison.Ordinal);
        Assert.Contains("控制字符保留其余", all, StringComparison.Ordinal);
        Assert.Contains("未闭合的块", all, StringComparison.Ordinal);
        var xml = document.MainDocumentPart!.Document!.OuterXml;
        Assert.DoesNotContain("<script", xml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<custom-tag", xml, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Markup_in_data_values_stays_text()
    {
        var data = ReplyLetterGenerator.Sample() with
        {
            UnitName = "市<b>城管</b>局</letterhead><title>注入</title>",
            ProposalTitle = "关于\"引号\"与<body/>的建议 & 其他",
        };

        using var document = Open(generator.Generate(data));
        AssertValid(document);
        var texts = ParagraphTexts(document);

        Assert.Contains("市<b>城管</b>局</letterhead><title>注入</title>", texts);
        Assert.DoesNotContain("注入", texts);
        Assert.Contains("关于市十六届人大三次会议第0012号建议的答复", texts);
        // The body appears once: the <body/> in the title is text, not a placeholder.
        Assert.Single(texts, t => t == "二、下一步工作");
    }

    [Fact]
    public void Cppcc_members_are_addressed_as_members()
    {
        var data = ReplyLetterGenerator.Sample() with
        {
            IsCppcc = true,
            ProposalKindName = "提案",
            SessionName = "市政协十二届四次会议",
            Representatives = ["李明"],
            Outcome = ReplyLetterOutcome.B,
            CopyTo = [],
        };

        using var document = Open(generator.Generate(data));
        var texts = ParagraphTexts(document);

        Assert.Contains("李明委员：", texts);
        Assert.Contains("关于市政协十二届四次会议第0012号提案的答复", texts);
        Assert.Contains("B类", texts);
        Assert.DoesNotContain(texts, t => t.Contains("抄送", StringComparison.Ordinal));
    }

    [Fact]
    public void A_long_unit_name_gets_a_smaller_letterhead_that_fits_one_line()
    {
        var data = ReplyLetterGenerator.Sample() with { UnitName = "某某市城市管理综合行政执法局某某分局" };

        using var document = Open(generator.Generate(data));
        var letterhead = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .First(p => p.InnerText == data.UnitName);
        var halfPoints = int.Parse(letterhead.Elements<Run>().Single().RunProperties!.FontSize!.Val!.Value!, System.Globalization.CultureInfo.InvariantCulture);

        // 17 characters at halfPoints/2 pt each must fit the 156 mm text width.
        Assert.True(17 * halfPoints / 2.0 / 72 * 25.4 <= 156, $"{halfPoints} half-points");
        Assert.True(halfPoints < 84);
    }
}
