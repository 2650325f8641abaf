using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Transparency.Replies.Letters;

/// <summary>
/// Writes the letter markup produced by the template (see <see cref="LetterMarkup"/>) as a .docx in the layout of a
/// Chinese official letter. The rich-text body replaces the <c>&lt;body/&gt;</c> placeholder.
/// </summary>
internal static class LetterDocumentWriter
{
    public static byte[] Write(string markup, string? bodyHtml, string? author, DateOnly? date)
    {
        var root = MarkupParser.Parse(markup, LetterMarkup.VoidTags);
        var elements = new List<OpenXmlElement>();
        var topLevel = new ParagraphBuffer();
        string? title = null;

        void FlushTopLevel()
        {
            if (topLevel.HasVisibleContent)
            {
                elements.Add(topLevel.Build(new ParagraphFormat { FirstLine = LetterFormat.BodyChar * 2 }));
            }

            topLevel.Clear();
        }

        void VisitTopLevel(MarkupNode node)
        {
            if (node.IsText || LetterMarkup.InlineTags.Contains(node.Name!))
            {
                AddInline(topLevel, node, RunStyle.Default, elements, bodyHtml, FlushTopLevel);
                return;
            }

            FlushTopLevel();
            if (node.Name == "body")
            {
                elements.AddRange(RichTextConverter.Convert(bodyHtml));
            }
            else if (LetterMarkup.BlockTags.Contains(node.Name!))
            {
                if (node.Name == "title")
                {
                    title ??= node.InnerText().Trim();
                }

                WriteBlock(node, elements, bodyHtml);
            }
            else
            {
                // Unknown element: a transparent container.
                foreach (var child in node.Children)
                {
                    VisitTopLevel(child);
                }

                FlushTopLevel();
            }
        }

        foreach (var node in root.Children)
        {
            VisitTopLevel(node);
        }

        FlushTopLevel();
        if (elements.Count == 0 || elements[^1] is not Paragraph)
        {
            elements.Add(new Paragraph(new ParagraphFormat().ToProperties()));
        }

        return Package(elements, title, author, date);
    }

    /// <summary>Adds inline content to <paramref name="buffer"/>; a <c>&lt;body/&gt;</c> inside a block splits it.</summary>
    private static void AddInline(ParagraphBuffer buffer, MarkupNode node, RunStyle style, List<OpenXmlElement> elements, string? bodyHtml, Action? splitBefore = null)
    {
        if (node.IsText)
        {
            buffer.AddText(node.Text!, style);
            return;
        }

        switch (node.Name)
        {
            case "br":
                buffer.AddBreak(style);
                return;
            case "b" or "strong":
                style = style with { Bold = true };
                break;
            case "i" or "em":
                style = style with { Italic = true };
                break;
            case "u":
                style = style with { Underline = true };
                break;
            case "s":
                style = style with { Strike = true };
                break;
            case "sup":
                style = style with { Superscript = true };
                break;
            case "sub":
                style = style with { Subscript = true };
                break;
            case "body":
                splitBefore?.Invoke();
                elements.AddRange(RichTextConverter.Convert(bodyHtml));
                return;
        }

        foreach (var child in node.Children)
        {
            AddInline(buffer, child, style, elements, bodyHtml, splitBefore);
        }
    }

    private static void WriteBlock(MarkupNode node, List<OpenXmlElement> elements, string? bodyHtml)
    {
        var name = node.Name!;
        switch (name)
        {
            case "blank":
                elements.Add(new Paragraph(new ParagraphFormat().ToProperties()));
                return;
            case "pagebreak":
                elements.Add(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
                return;
            case "rule":
                var color = LetterFormat.ParseColor(node.Attribute("color")) ?? LetterFormat.Red;
                var thick = node.Attribute("double") is not null;
                elements.Add(new Paragraph(new ParagraphFormat
                {
                    ExactLine = 240,
                    Alignment = JustificationValues.Center,
                    Borders = new ParagraphBorders(new BottomBorder
                    {
                        Val = thick ? BorderValues.ThickThinSmallGap : BorderValues.Single,
                        Size = thick ? 24U : 12U,
                        Space = 1,
                        Color = color,
                    }),
                }.ToProperties()));
                return;
        }

        var buffer = new ParagraphBuffer();
        var (format, style) = Defaults(name, node);
        style = ApplyStyleAttributes(node, style);
        format = ApplyFormatAttributes(node, format, style);

        void Split()
        {
            EmitBlock(name, node, buffer, format, style, elements);
            buffer.Clear();
        }

        foreach (var child in node.Children)
        {
            AddInline(buffer, child, style, elements, bodyHtml, Split);
        }

        EmitBlock(name, node, buffer, format, style, elements);
    }

    private static void EmitBlock(string name, MarkupNode node, ParagraphBuffer buffer, ParagraphFormat format, RunStyle style, List<OpenXmlElement> elements)
    {
        if (!buffer.HasVisibleContent)
        {
            return;
        }

        switch (name)
        {
            case "letterhead" when node.Attribute("size") is null:
                // As large as 初号, smaller when a long unit name would not fit on one line.
                var width = Math.Max(1, LetterText.Width(buffer.PlainText()));
                var size = (int)Math.Min(LetterFormat.LetterheadMaxSize, Math.Floor(LetterFormat.TextWidth / 10.0 / width * 0.97));
                var fitted = style with { Size = Math.Max(LetterFormat.BodySize, size) };
                elements.Add(ParagraphBuffer.BuildParagraph(format, buffer.Lines().SelectMany((l, i) => Restyle(l, fitted, i > 0))));
                return;
            case "signature":
                elements.AddRange(Signature(buffer, format, node));
                return;
            case "colophon":
                var aligned = format.Alignment == JustificationValues.Right ? null : "\u3000";
                var paragraph = buffer.Build(format, aligned, style);
                if (format.Alignment == JustificationValues.Right)
                {
                    paragraph.Append(ParagraphBuffer.MakeRun("\u3000", style));
                }

                elements.Add(paragraph);
                return;
            default:
                elements.Add(buffer.Build(format));
                return;
        }
    }

    private static IEnumerable<ParagraphBuffer.Segment> Restyle(List<ParagraphBuffer.Segment> line, RunStyle style, bool breakBefore)
    {
        if (breakBefore)
        {
            yield return new ParagraphBuffer.Segment("", style, true, false);
        }

        foreach (var segment in line)
        {
            yield return segment with { Style = segment.Style with { Size = style.Size } };
        }
    }

    /// <summary>
    /// 发文机关署名 and 成文日期: the last line (the date) is set right with four characters of space (右空四字); the
    /// lines above are centred on the date (以成文日期为准居中).
    /// </summary>
    private static IEnumerable<Paragraph> Signature(ParagraphBuffer buffer, ParagraphFormat format, MarkupNode node)
    {
        var lines = buffer.Lines().Where(l => l.Any(s => s.Text.Trim().Length > 0)).ToList();
        if (lines.Count == 0)
        {
            yield break;
        }

        var space = int.TryParse(node.Attribute("indent"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var chars)
            ? Math.Clamp(chars, 0, 20)
            : 4;
        var dateRight = space * LetterFormat.BodyChar;
        var dateWidth = LetterText.Width(string.Concat(lines[^1].Select(s => s.Text)).Trim());
        foreach (var line in lines)
        {
            var width = LetterText.Width(string.Concat(line.Select(s => s.Text)).Trim());
            var right = (int)Math.Round(dateRight + ((dateWidth - width) / 2 * LetterFormat.BodyChar));
            yield return ParagraphBuffer.BuildParagraph(
                format with { Alignment = JustificationValues.Right, FirstLine = 0, Right = Math.Max(0, right) },
                line);
        }
    }

    private static (ParagraphFormat Format, RunStyle Style) Defaults(string name, MarkupNode node)
    {
        var body = new ParagraphFormat();
        var indented = body with { FirstLine = LetterFormat.BodyChar * 2 };
        return name switch
        {
            "letterhead" => (
                new ParagraphFormat { Alignment = JustificationValues.Center, ExactLine = null },
                RunStyle.Default with { Font = LetterFormat.TitleFont, FontForLatin = true, Color = LetterFormat.Red }),
            "docno" => (body with { Alignment = JustificationValues.Center }, RunStyle.Default),
            "mark" => (body with { Alignment = JustificationValues.Left }, RunStyle.Default with { Font = LetterFormat.HeiTi }),
            "title" => (
                new ParagraphFormat { Alignment = JustificationValues.Center, ExactLine = LetterFormat.TitleLine, KeepNext = true },
                RunStyle.Default with { Font = LetterFormat.TitleFont, Size = LetterFormat.TitleSize }),
            "salutation" => (body with { Alignment = JustificationValues.Left }, RunStyle.Default),
            "heading" => HeadingDefaults(node, indented),
            "right" => (body with { Alignment = JustificationValues.Right, Right = LetterFormat.BodyChar * 4 }, RunStyle.Default),
            "signature" => (body with { Alignment = JustificationValues.Right }, RunStyle.Default),
            "colophon" => (
                new ParagraphFormat
                {
                    Alignment = JustificationValues.Left,
                    ExactLine = 440,
                    Borders = new ParagraphBorders(
                        new TopBorder { Val = BorderValues.Single, Size = 8, Space = 1, Color = "000000" },
                        new BottomBorder { Val = BorderValues.Single, Size = 8, Space = 1, Color = "000000" },
                        new BetweenBorder { Val = BorderValues.Single, Size = 4, Space = 1, Color = "000000" }),
                },
                RunStyle.Default with { Size = LetterFormat.SmallSize }),
            _ => (indented, RunStyle.Default), // p
        };
    }

    private static (ParagraphFormat, RunStyle) HeadingDefaults(MarkupNode node, ParagraphFormat indented)
    {
        var format = indented with { KeepNext = true };
        return node.Attribute("level")?.Trim() switch
        {
            "2" => (format, RunStyle.Default with { Font = LetterFormat.KaiTi }),
            "3" => (format, RunStyle.Default with { Bold = true }),
            _ => (format, RunStyle.Default with { Font = LetterFormat.HeiTi }),
        };
    }

    private static RunStyle ApplyStyleAttributes(MarkupNode node, RunStyle style)
    {
        if (LetterFormat.ParseFont(node.Attribute("font")) is { } font)
        {
            style = style with { Font = font };
        }

        if (LetterFormat.ParseSize(node.Attribute("size")) is { } size)
        {
            style = style with { Size = size };
        }

        if (LetterFormat.ParseColor(node.Attribute("color")) is { } color)
        {
            style = style with { Color = color };
        }

        if (node.Attribute("bold") is { } bold)
        {
            style = style with { Bold = !bold.Equals("false", StringComparison.OrdinalIgnoreCase) };
        }

        return style;
    }

    private static ParagraphFormat ApplyFormatAttributes(MarkupNode node, ParagraphFormat format, RunStyle style)
    {
        var alignment = node.Attribute("align")?.Trim().ToLowerInvariant() switch
        {
            "left" => JustificationValues.Left,
            "center" or "centre" => JustificationValues.Center,
            "right" => JustificationValues.Right,
            "justify" or "both" => JustificationValues.Both,
            _ => (JustificationValues?)null,
        };
        if (alignment is { } value)
        {
            format = format with { Alignment = value };
            if (value == JustificationValues.Center && node.Name is "p" or "heading")
            {
                format = format with { FirstLine = 0 };
            }
        }

        var charWidth = (style.Size ?? LetterFormat.BodySize) * 10;
        if (node.Name != "signature"
            && int.TryParse(node.Attribute("indent"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var indent))
        {
            indent = Math.Clamp(indent, 0, 20);
            format = node.Name == "right"
                ? format with { Right = indent * charWidth }
                : format with { FirstLine = indent * charWidth };
        }

        return format;
    }

    private static byte[] Package(List<OpenXmlElement> elements, string? title, string? author, DateOnly? date)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            AddFonts(main);
            main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(
                new DefaultTabStop { Val = 420 },
                new EvenAndOddHeaders(),
                new CharacterSpacingControl { Val = CharacterSpacingValues.CompressPunctuation });

            var oddFooter = AddFooter(main, JustificationValues.Right);
            var evenFooter = AddFooter(main, JustificationValues.Left);

            var body = new Body();
            body.Append(elements);
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = oddFooter },
                new FooterReference { Type = HeaderFooterValues.Even, Id = evenFooter },
                new PageSize { Width = LetterFormat.PageWidth, Height = LetterFormat.PageHeight },
                new PageMargin
                {
                    Top = LetterFormat.MarginTop,
                    Right = LetterFormat.MarginRight,
                    Bottom = LetterFormat.MarginBottom,
                    Left = LetterFormat.MarginLeft,
                    Header = LetterFormat.HeaderDistance,
                    Footer = LetterFormat.FooterDistance,
                    Gutter = 0,
                }));
            main.Document = new Document(body);

            document.PackageProperties.Title = string.IsNullOrWhiteSpace(title) ? null : LetterText.CleanXml(title);
            document.PackageProperties.Creator = string.IsNullOrWhiteSpace(author) ? null : LetterText.CleanXml(author);
            document.PackageProperties.Language = "zh-CN";
            if (date is { } day)
            {
                document.PackageProperties.Created = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            }
        }

        return stream.ToArray();
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var runDefaults = new RunPropertiesBaseStyle
        {
            RunFonts = new RunFonts
            {
                Ascii = LetterFormat.LatinFont,
                HighAnsi = LetterFormat.LatinFont,
                ComplexScript = LetterFormat.LatinFont,
                EastAsia = LetterFormat.FangSong,
                Hint = FontTypeHintValues.EastAsia,
            },
            FontSize = new FontSize { Val = LetterFormat.BodySize.ToString(CultureInfo.InvariantCulture) },
            FontSizeComplexScript = new FontSizeComplexScript { Val = LetterFormat.BodySize.ToString(CultureInfo.InvariantCulture) },
            Languages = new Languages { Val = "en-US", EastAsia = "zh-CN" },
        };
        var paragraphDefaults = new ParagraphPropertiesBaseStyle
        {
            SpacingBetweenLines = new SpacingBetweenLines
            {
                Before = "0",
                After = "0",
                Line = LetterFormat.BodyLine.ToString(CultureInfo.InvariantCulture),
                LineRule = LineSpacingRuleValues.Exact,
            },
            Justification = new Justification { Val = JustificationValues.Both },
        };
        var normal = new Style(
            new StyleName { Val = "Normal" },
            new PrimaryStyle())
        {
            Type = StyleValues.Paragraph,
            StyleId = "Normal",
            Default = true,
        };
        var styles = new Styles(
            new DocDefaults(new RunPropertiesDefault(runDefaults), new ParagraphPropertiesDefault(paragraphDefaults)),
            normal);
        main.AddNewPart<StyleDefinitionsPart>().Styles = styles;
    }

    private static void AddFonts(MainDocumentPart main)
    {
        static Font CjkFont(string name, string alternative, FontPitchValues pitch) => new(
            new AltName { Val = alternative },
            new FontCharSet { Val = "86" },
            new FontFamily { Val = FontFamilyValues.Modern },
            new Pitch { Val = pitch })
        { Name = name };

        main.AddNewPart<FontTablePart>().Fonts = new Fonts(
            new Font(
                new FontCharSet { Val = "00" },
                new FontFamily { Val = FontFamilyValues.Roman },
                new Pitch { Val = FontPitchValues.Variable })
            { Name = LetterFormat.LatinFont },
            CjkFont(LetterFormat.FangSong, "FangSong", FontPitchValues.Fixed),
            CjkFont(LetterFormat.HeiTi, "SimHei", FontPitchValues.Fixed),
            CjkFont(LetterFormat.KaiTi, "KaiTi", FontPitchValues.Fixed),
            CjkFont(LetterFormat.SongTi, "SimSun", FontPitchValues.Variable),
            CjkFont(LetterFormat.TitleFont, LetterFormat.SongTi, FontPitchValues.Variable));
    }

    /// <summary>Page numbers after GB/T 9704: 4号 Song, "— 1 —", odd pages right, even pages left, one character in.</summary>
    private static string AddFooter(MainDocumentPart main, JustificationValues alignment)
    {
        var style = new RunStyle { Font = LetterFormat.SongTi, FontForLatin = true, Size = LetterFormat.SmallSize };
        var format = new ParagraphFormat
        {
            Alignment = alignment,
            ExactLine = null,
            Left = alignment == JustificationValues.Left ? 280 : 0,
            Right = alignment == JustificationValues.Right ? 280 : 0,
        };
        var number = new Run(new Text("1"));
        if (style.ToProperties() is { } numberProperties)
        {
            number.PrependChild(numberProperties);
        }

        var paragraph = new Paragraph(
            format.ToProperties(),
            ParagraphBuffer.MakeRun("— ", style),
            new SimpleField(number) { Instruction = " PAGE " },
            ParagraphBuffer.MakeRun(" —", style));
        var part = main.AddNewPart<FooterPart>();
        part.Footer = new Footer(paragraph);
        return main.GetIdOfPart(part);
    }
}
