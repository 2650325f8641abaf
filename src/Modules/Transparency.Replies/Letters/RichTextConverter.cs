using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Transparency.Replies.Letters;

/// <summary>
/// Turns the reply's rich text (sanitized HTML from the editor: p, strong, em, u, lists, h2–h4, tables, links, Quill
/// alignment and indent classes) into Word paragraphs and tables laid out as official-document body text: 3号仿宋,
/// 2-character first-line indent, headings 一、 in 黑体, (一) in 楷体, 1. in bold 仿宋. Unknown elements are text
/// containers; script-like elements, images and embedded objects are dropped. Nothing is executed.
/// </summary>
internal sealed class RichTextConverter
{
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "head", "title", "img", "picture", "svg", "math", "object", "embed", "video", "audio", "canvas", "map",
        "input", "select", "button", "option", "meta", "link", "base", "source", "track", "colgroup", "col", "frame",
        "frameset", "applet", "param",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section", "article", "header", "footer",
        "aside", "address", "figure", "figcaption", "main", "nav", "dl", "dt", "dd", "center", "form", "fieldset",
        "legend", "details", "summary", "li", "body", "html", "caption",
    };

    private readonly List<OpenXmlElement> output = [];
    private readonly ParagraphBuffer buffer = new();
    private readonly bool inTable;
    private Block block;
    private string? pendingPrefix;

    private RichTextConverter(bool inTable)
    {
        this.inTable = inTable;
        block = inTable ? Block.Cell : Block.Body;
    }

    /// <summary>Word elements (paragraphs and tables) for the body of the letter.</summary>
    public static List<OpenXmlElement> Convert(string? html) => Convert(MarkupParser.Parse(html), inTable: false);

    private static List<OpenXmlElement> Convert(MarkupNode root, bool inTable)
    {
        var converter = new RichTextConverter(inTable);
        converter.VisitChildren(root, converter.block.Style);
        converter.Flush(keepEmpty: false);
        return converter.output;
    }

    private void VisitChildren(MarkupNode node, RunStyle style)
    {
        foreach (var child in node.Children)
        {
            Visit(child, style);
        }
    }

    private void Visit(MarkupNode node, RunStyle style)
    {
        if (node.IsText)
        {
            buffer.AddText(node.Text!, style, block.Preserve);
            return;
        }

        var name = node.Name!;
        if (Dropped.Contains(name))
        {
            return;
        }

        switch (name)
        {
            case "br":
                buffer.AddBreak(style);
                return;
            case "strong" or "b":
                VisitChildren(node, style with { Bold = true });
                return;
            case "em" or "i" or "cite" or "var" or "dfn":
                VisitChildren(node, style with { Italic = true });
                return;
            case "u" or "ins":
                VisitChildren(node, style with { Underline = true });
                return;
            case "s" or "strike" or "del":
                VisitChildren(node, style with { Strike = true });
                return;
            case "sup":
                VisitChildren(node, style with { Superscript = true, Subscript = false });
                return;
            case "sub":
                VisitChildren(node, style with { Subscript = true, Superscript = false });
                return;
            case "a":
                VisitLink(node, style);
                return;
            case "ul" or "ol":
                VisitList(node, style, depth: 0);
                return;
            case "table":
                VisitTable(node);
                return;
            case "hr":
                Flush(keepEmpty: false);
                output.Add(new Paragraph(new ParagraphFormat
                {
                    Borders = new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 1, Color = "000000" }),
                    ExactLine = null,
                }.ToProperties()));
                return;
        }

        if (Blocks.Contains(name))
        {
            VisitBlock(node, BlockFor(node, block), style);
            return;
        }

        // Unknown element (span, font, mark, custom tags …): a text container.
        VisitChildren(node, style);
    }

    private void VisitBlock(MarkupNode node, Block inner, RunStyle style)
    {
        Flush(keepEmpty: false);
        var outer = block;
        block = inner;
        var innerStyle = inner.Heading > 0 ? MergeHeading(style, inner.Style) : style;
        if (node.Name == "caption")
        {
            innerStyle = innerStyle with { Bold = true };
        }

        VisitChildren(node, innerStyle);
        Flush(keepEmpty: node.Name == "p");
        block = outer;
    }

    private static RunStyle MergeHeading(RunStyle style, RunStyle heading)
        => style with { Font = heading.Font ?? style.Font, Bold = heading.Bold || style.Bold };

    private void VisitLink(MarkupNode node, RunStyle style)
    {
        VisitChildren(node, style);
        var href = node.Attribute("href")?.Trim();
        if (string.IsNullOrEmpty(href))
        {
            return;
        }

        var isWeb = href.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        var isMail = href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);
        if (!isWeb && !isMail)
        {
            return;
        }

        // A printed letter cannot be clicked: show the address after the link text unless the text already is it.
        var shown = isMail ? href[7..] : href;
        var text = node.InnerText().Trim();
        if (!text.Contains(shown, StringComparison.OrdinalIgnoreCase))
        {
            buffer.AddText("（" + shown + "）", style with { Underline = false });
        }
    }

    private void VisitList(MarkupNode list, RunStyle style, int depth)
    {
        Flush(keepEmpty: false);
        var ordered = list.Name == "ol";
        var start = int.TryParse(list.Attribute("start"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 1;
        var counters = new int[10];
        var started = new bool[10];
        foreach (var child in list.Children)
        {
            if (child.IsText || child.Name != "li")
            {
                if (child.Name is "ul" or "ol")
                {
                    VisitList(child, style, depth + 1);
                }
                else
                {
                    Visit(child, style);
                }

                continue;
            }

            // Quill 1 nests by ql-indent-N classes; Quill 2 also marks bullets with data-list on li inside <ol>.
            var level = Math.Clamp(depth + QuillIndent(child), 0, counters.Length - 1);
            var bullet = child.Attribute("data-list") switch
            {
                "bullet" => true,
                "ordered" => false,
                _ => !ordered,
            };
            for (var k = level + 1; k < counters.Length; k++)
            {
                counters[k] = 0;
                started[k] = false;
            }

            string prefix;
            if (bullet)
            {
                // A bullet between numbered items restarts their numbering.
                started[level] = false;
                prefix = "•\u00A0";
            }
            else
            {
                if (!started[level])
                {
                    counters[level] = level == depth ? start - 1 : 0;
                    started[level] = true;
                }

                counters[level]++;
                prefix = OrderedPrefix(level, counters[level]);
            }

            var item = BlockFor(child, block) with { Left = block.Left + (level * LetterFormat.BodyChar * 2) };
            pendingPrefix = prefix;
            VisitListItem(child, item, style, depth);
            pendingPrefix = null;
        }
    }

    private void VisitListItem(MarkupNode item, Block itemBlock, RunStyle style, int depth)
    {
        Flush(keepEmpty: false);
        var outer = block;
        block = itemBlock;
        foreach (var child in item.Children)
        {
            if (child.Name is "ul" or "ol")
            {
                Flush(keepEmpty: false);
                VisitList(child, style, depth + 1);
            }
            else
            {
                Visit(child, style);
            }
        }

        Flush(keepEmpty: false);
        block = outer;
    }

    private static string OrderedPrefix(int level, int number) => level switch
    {
        0 => number.ToString(CultureInfo.InvariantCulture) + "．",
        1 => "（" + number.ToString(CultureInfo.InvariantCulture) + "）",
        _ => number is >= 1 and <= 20
            ? ((char)('\u2460' + number - 1)).ToString()
            : number.ToString(CultureInfo.InvariantCulture) + ")",
    };

    private static int QuillIndent(MarkupNode node)
    {
        foreach (var cls in node.Classes())
        {
            if (cls.StartsWith("ql-indent-", StringComparison.Ordinal)
                && int.TryParse(cls.AsSpan(10), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            {
                return Math.Clamp(n, 0, 8);
            }
        }

        return 0;
    }

    private static JustificationValues? Alignment(MarkupNode node)
    {
        foreach (var cls in node.Classes())
        {
            switch (cls)
            {
                case "ql-align-center":
                    return JustificationValues.Center;
                case "ql-align-right":
                    return JustificationValues.Right;
                case "ql-align-justify":
                    return JustificationValues.Both;
            }
        }

        var style = node.Attribute("style");
        if (style is not null)
        {
            foreach (var declaration in style.Split(';'))
            {
                var parts = declaration.Split(':', 2);
                if (parts.Length == 2 && parts[0].Trim().Equals("text-align", StringComparison.OrdinalIgnoreCase))
                {
                    switch (parts[1].Trim().ToLowerInvariant())
                    {
                        case "center":
                            return JustificationValues.Center;
                        case "right" or "end":
                            return JustificationValues.Right;
                        case "justify":
                            return JustificationValues.Both;
                        case "left" or "start":
                            return JustificationValues.Left;
                    }
                }
            }
        }

        var align = node.Attribute("align")?.Trim().ToLowerInvariant();
        return align switch
        {
            "center" => JustificationValues.Center,
            "right" => JustificationValues.Right,
            "justify" => JustificationValues.Both,
            "left" => JustificationValues.Left,
            _ => null,
        };
    }

    private static Block BlockFor(MarkupNode node, Block outer)
    {
        var result = outer with { Left = outer.Left + (QuillIndent(node) * LetterFormat.BodyChar * 2) };
        switch (node.Name)
        {
            case "h1" or "h2":
                result = result with { Heading = 1, Style = RunStyle.Default with { Font = LetterFormat.HeiTi } };
                break;
            case "h3":
                result = result with { Heading = 2, Style = RunStyle.Default with { Font = LetterFormat.KaiTi } };
                break;
            case "h4" or "h5" or "h6":
                result = result with { Heading = 3, Style = RunStyle.Default with { Bold = true } };
                break;
            case "blockquote" or "dd":
                result = result with { Left = result.Left + (LetterFormat.BodyChar * 2) };
                break;
            case "pre":
                result = result with { Preserve = true };
                break;
            case "caption":
                result = result with { Alignment = JustificationValues.Center };
                break;
        }

        if (Alignment(node) is { } alignment)
        {
            result = result with { Alignment = alignment };
        }

        return result;
    }

    /// <summary>Writes the buffered inline content as a paragraph in the current block's format.</summary>
    private void Flush(bool keepEmpty)
    {
        var visible = buffer.HasVisibleContent;
        if (!visible && !(keepEmpty && buffer.HasBreak))
        {
            buffer.Clear();
            return;
        }

        var format = block.ToFormat(inTable);
        output.Add(visible ? buffer.Build(format, pendingPrefix, block.Style) : new Paragraph(format.ToProperties()));
        if (visible)
        {
            pendingPrefix = null;
        }

        buffer.Clear();
    }

    private void VisitTable(MarkupNode table)
    {
        Flush(keepEmpty: false);
        foreach (var caption in table.Children.Where(c => c.Name == "caption"))
        {
            VisitBlock(caption, BlockFor(caption, block), block.Style);
        }

        var rows = new List<(MarkupNode Row, bool Header)>();
        foreach (var child in table.Children)
        {
            if (child.Name == "tr")
            {
                rows.Add((child, false));
            }
            else if (child.Name is "thead" or "tbody" or "tfoot")
            {
                rows.AddRange(child.Children.Where(r => r.Name == "tr").Select(r => (r, child.Name == "thead")));
            }
        }

        var cellRows = rows
            .Select(r => (Cells: r.Row.Children.Where(c => c.Name is "td" or "th").ToList(), r.Header))
            .Where(r => r.Cells.Count > 0)
            .ToList();
        if (cellRows.Count == 0)
        {
            return;
        }

        var columns = Math.Clamp(cellRows.Max(r => r.Cells.Sum(Span)), 1, 63);
        var available = LetterFormat.TextWidth - block.Left;
        var columnWidth = available / columns;

        var properties = new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                new LeftBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                new RightBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" }),
            new TableLayout { Type = TableLayoutValues.Fixed });
        var grid = new TableGrid();
        for (var c = 0; c < columns; c++)
        {
            grid.Append(new GridColumn { Width = columnWidth.ToString(CultureInfo.InvariantCulture) });
        }

        var result = new Table(properties, grid);

        // Row spans: remaining rows and width of a vertically merged cell, per grid column.
        var pending = new (int Rows, int Span)[columns];
        foreach (var (cells, header) in cellRows)
        {
            var row = new TableRow();
            if (header)
            {
                row.Append(new TableRowProperties(new TableHeader()));
            }

            var column = 0;
            var index = 0;
            while (column < columns)
            {
                if (pending[column].Rows > 0)
                {
                    var span = pending[column].Span;
                    row.Append(Cell(null, span, columnWidth, header, MergeKind.Continue));
                    pending[column].Rows--;
                    column += span;
                    continue;
                }

                if (index >= cells.Count)
                {
                    break;
                }

                var cell = cells[index++];
                var cellSpan = Math.Min(Span(cell), columns - column);
                var rowSpan = int.TryParse(cell.Attribute("rowspan"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var rs)
                    ? Math.Clamp(rs, 1, 1000)
                    : 1;
                if (rowSpan > 1)
                {
                    pending[column] = (rowSpan - 1, cellSpan);
                }

                row.Append(Cell(cell, cellSpan, columnWidth, header || cell.Name == "th", rowSpan > 1 ? MergeKind.Restart : MergeKind.None));
                column += cellSpan;
            }

            result.Append(row);
        }

        output.Add(result);
    }

    private static int Span(MarkupNode cell)
        => int.TryParse(cell.Attribute("colspan"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var span)
            ? Math.Clamp(span, 1, 63)
            : 1;

    private enum MergeKind
    {
        None,
        Restart,
        Continue,
    }

    private static TableCell Cell(MarkupNode? source, int span, int columnWidth, bool header, MergeKind merge)
    {
        var properties = new TableCellProperties(
            new TableCellWidth { Width = (span * columnWidth).ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        if (merge != MergeKind.None)
        {
            properties.Append(new VerticalMerge { Val = merge == MergeKind.Restart ? MergedCellValues.Restart : MergedCellValues.Continue });
        }

        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        var cell = new TableCell(properties);

        var content = new List<OpenXmlElement>();
        if (source is not null)
        {
            var root = MarkupNode.Element("#cell");
            if (header)
            {
                var strong = MarkupNode.Element("strong");
                strong.Children.AddRange(source.Children);
                root.Children.Add(strong);
            }
            else
            {
                root.Children.AddRange(source.Children);
            }

            content = Convert(root, inTable: true);
            if (header || Alignment(source) is not null)
            {
                var alignment = Alignment(source) ?? JustificationValues.Center;
                foreach (var paragraph in content.OfType<Paragraph>())
                {
                    paragraph.ParagraphProperties!.Justification = new Justification { Val = alignment };
                }
            }
        }

        cell.Append(content);
        if (content.Count == 0 || content[^1] is not Paragraph)
        {
            cell.Append(new Paragraph(Block.Cell.ToFormat(inTable: true).ToProperties()));
        }

        return cell;
    }

    /// <summary>The paragraph context of inline content: alignment, indents, heading level.</summary>
    private sealed record Block
    {
        public static readonly Block Body = new();

        public static readonly Block Cell = new() { Alignment = JustificationValues.Left, Style = RunStyle.Default with { Size = LetterFormat.SmallSize } };

        public JustificationValues Alignment { get; init; } = JustificationValues.Both;

        public int Left { get; init; }

        public int Heading { get; init; }

        public bool Preserve { get; init; }

        public RunStyle Style { get; init; } = RunStyle.Default;

        public ParagraphFormat ToFormat(bool inTable)
        {
            if (inTable)
            {
                return new ParagraphFormat { Alignment = Alignment, Left = Left, ExactLine = null };
            }

            var centred = Alignment == JustificationValues.Center || Alignment == JustificationValues.Right;
            return new ParagraphFormat
            {
                Alignment = Alignment,
                Left = Left,
                FirstLine = centred ? 0 : LetterFormat.BodyChar * 2,
                KeepNext = Heading > 0,
            };
        }
    }
}
