using System.Text;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Transparency.Replies.Letters;

/// <summary>Character formatting of a run; null members mean "as the document default".</summary>
internal sealed record RunStyle
{
    public static readonly RunStyle Default = new();

    public bool Bold { get; init; }

    public bool Italic { get; init; }

    public bool Underline { get; init; }

    public bool Strike { get; init; }

    public bool Superscript { get; init; }

    public bool Subscript { get; init; }

    /// <summary>East Asian font; null keeps 仿宋.</summary>
    public string? Font { get; init; }

    /// <summary>Also use <see cref="Font"/> for Latin letters and digits (letterhead).</summary>
    public bool FontForLatin { get; init; }

    /// <summary>Size in half-points; null keeps 三号.</summary>
    public int? Size { get; init; }

    public string? Color { get; init; }

    public RunProperties? ToProperties()
    {
        if (this == Default)
        {
            return null;
        }

        var properties = new RunProperties();
        if (Font is not null)
        {
            properties.RunFonts = FontForLatin
                ? new RunFonts { Ascii = Font, HighAnsi = Font, EastAsia = Font, ComplexScript = Font }
                : new RunFonts { EastAsia = Font };
        }

        if (Bold)
        {
            properties.Bold = new Bold();
            properties.BoldComplexScript = new BoldComplexScript();
        }

        if (Italic)
        {
            properties.Italic = new Italic();
        }

        if (Strike)
        {
            properties.Strike = new Strike();
        }

        if (Color is not null)
        {
            properties.Color = new Color { Val = Color };
        }

        if (Size is { } size)
        {
            properties.FontSize = new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            properties.FontSizeComplexScript = new FontSizeComplexScript { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }

        if (Underline)
        {
            properties.Underline = new Underline { Val = UnderlineValues.Single };
        }

        if (Superscript || Subscript)
        {
            properties.VerticalTextAlignment = new VerticalTextAlignment
            {
                Val = Superscript ? VerticalPositionValues.Superscript : VerticalPositionValues.Subscript,
            };
        }

        return properties;
    }
}

/// <summary>Paragraph formatting, in twips.</summary>
internal sealed record ParagraphFormat
{
    public JustificationValues Alignment { get; init; } = JustificationValues.Both;

    public int FirstLine { get; init; }

    public int Left { get; init; }

    public int Right { get; init; }

    /// <summary>Exact line pitch; null for single (auto) spacing.</summary>
    public int? ExactLine { get; init; } = LetterFormat.BodyLine;

    public int Before { get; init; }

    public int After { get; init; }

    public bool KeepNext { get; init; }

    public ParagraphBorders? Borders { get; init; }

    public ParagraphProperties ToProperties()
    {
        var properties = new ParagraphProperties();
        if (KeepNext)
        {
            properties.KeepNext = new KeepNext();
        }

        if (Borders is not null)
        {
            properties.ParagraphBorders = (ParagraphBorders)Borders.CloneNode(true);
        }

        properties.SpacingBetweenLines = ExactLine is { } line
            ? new SpacingBetweenLines { Before = Twips(Before), After = Twips(After), Line = Twips(line), LineRule = LineSpacingRuleValues.Exact }
            : new SpacingBetweenLines { Before = Twips(Before), After = Twips(After), Line = "240", LineRule = LineSpacingRuleValues.Auto };

        if (FirstLine != 0 || Left != 0 || Right != 0)
        {
            var indentation = new Indentation();
            if (Left != 0)
            {
                indentation.Left = Twips(Left);
            }

            if (Right != 0)
            {
                indentation.Right = Twips(Right);
            }

            if (FirstLine > 0)
            {
                indentation.FirstLine = Twips(FirstLine);
            }
            else if (FirstLine < 0)
            {
                indentation.Hanging = Twips(-FirstLine);
            }

            properties.Indentation = indentation;
        }

        properties.Justification = new Justification { Val = Alignment };
        return properties;
    }

    private static string Twips(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Collects the inline content of one paragraph (texts with their styles, line breaks) and turns it into a Word
/// paragraph, collapsing white space the way a browser does (a line break next to Chinese text disappears).
/// </summary>
internal sealed class ParagraphBuffer
{
    private readonly List<Segment> segments = [];

    /// <summary>True when the content holds a line break (an empty Quill line is <c>&lt;p&gt;&lt;br&gt;&lt;/p&gt;</c>).</summary>
    public bool HasBreak { get; private set; }

    public bool HasVisibleContent => segments.Any(s => !s.IsBreak && s.Text.Any(c => !IsCollapsible(c)));

    public void AddText(string text, RunStyle style, bool preserveSpace = false)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (preserveSpace)
        {
            var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    AddBreak(style);
                }

                if (lines[i].Length > 0)
                {
                    segments.Add(new Segment(lines[i].Replace('\t', ' '), style, false, true));
                }
            }

            return;
        }

        segments.Add(new Segment(text, style, false, false));
    }

    public void AddBreak(RunStyle style)
    {
        HasBreak = true;
        segments.Add(new Segment("", style, true, false));
    }

    public void Clear()
    {
        segments.Clear();
        HasBreak = false;
    }

    /// <summary>The collapsed plain text (breaks as new lines), for measuring and tests.</summary>
    public string PlainText() => string.Concat(Normalize().Select(s => s.IsBreak ? "\n" : s.Text));

    /// <summary>Lines of the collapsed content, split at breaks, each with its segments.</summary>
    public List<List<Segment>> Lines()
    {
        var lines = new List<List<Segment>> { new() };
        foreach (var segment in Normalize())
        {
            if (segment.IsBreak)
            {
                lines.Add([]);
            }
            else
            {
                lines[^1].Add(segment);
            }
        }

        return lines;
    }

    public Paragraph Build(ParagraphFormat format, string? prefix = null, RunStyle? prefixStyle = null)
        => BuildParagraph(format, Normalize(), prefix, prefixStyle);

    public static Paragraph BuildParagraph(ParagraphFormat format, IEnumerable<Segment> content, string? prefix = null, RunStyle? prefixStyle = null)
    {
        var paragraph = new Paragraph(format.ToProperties());
        if (!string.IsNullOrEmpty(prefix))
        {
            paragraph.Append(MakeRun(prefix, prefixStyle ?? RunStyle.Default));
        }

        foreach (var segment in content)
        {
            if (segment.IsBreak)
            {
                var run = new Run();
                if (segment.Style.ToProperties() is { } properties)
                {
                    run.Append(properties);
                }

                run.Append(new Break());
                paragraph.Append(run);
            }
            else if (segment.Text.Length > 0)
            {
                paragraph.Append(MakeRun(segment.Text, segment.Style));
            }
        }

        return paragraph;
    }

    public static Run MakeRun(string text, RunStyle style)
    {
        var run = new Run();
        if (style.ToProperties() is { } properties)
        {
            run.Append(properties);
        }

        var clean = LetterText.CleanXml(text);
        var element = new Text(clean);
        if (clean.Length > 0 && (char.IsWhiteSpace(clean[0]) || char.IsWhiteSpace(clean[^1]) || clean.Contains("  ", StringComparison.Ordinal)))
        {
            element.Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve;
        }

        run.Append(element);
        return run;
    }

    /// <summary>Collapses white space across segments; merges neighbours of the same style.</summary>
    private List<Segment> Normalize()
    {
        // Flatten to characters so white space can be judged with its neighbours across style boundaries.
        var chars = new List<(char C, RunStyle Style, bool Break, bool Preserve)>();
        foreach (var segment in segments)
        {
            if (segment.IsBreak)
            {
                chars.Add(('\n', segment.Style, true, false));
                continue;
            }

            foreach (var c in LetterText.CleanXml(segment.Text))
            {
                chars.Add((c, segment.Style, false, segment.Preserve));
            }
        }

        var output = new List<Segment>();
        var text = new StringBuilder();
        RunStyle? currentStyle = null;

        void Emit(char c, RunStyle style)
        {
            if (currentStyle is not null && currentStyle != style)
            {
                output.Add(new Segment(text.ToString(), currentStyle, false, false));
                text.Clear();
            }

            currentStyle = style;
            text.Append(c);
        }

        void EmitBreak(RunStyle style)
        {
            if (text.Length > 0)
            {
                output.Add(new Segment(text.ToString(), currentStyle!, false, false));
                text.Clear();
            }

            currentStyle = null;
            output.Add(new Segment("", style, true, false));
        }

        var i = 0;
        while (i < chars.Count)
        {
            var (c, style, isBreak, preserve) = chars[i];
            if (isBreak)
            {
                EmitBreak(style);
                i++;
                continue;
            }

            if (preserve || !IsCollapsible(c))
            {
                Emit(c, style);
                i++;
                continue;
            }

            // A run of collapsible white space.
            var start = i;
            var hasNewLine = false;
            while (i < chars.Count && !chars[i].Break && !chars[i].Preserve && IsCollapsible(chars[i].C))
            {
                hasNewLine |= chars[i].C is '\n' or '\r';
                i++;
            }

            var atStart = start == 0 || chars[start - 1].Break;
            var atEnd = i >= chars.Count || chars[i].Break;
            if (atStart || atEnd)
            {
                continue;
            }

            var before = chars[start - 1].C;
            var after = chars[i].C;
            if (hasNewLine && (LetterText.IsWide(before) || LetterText.IsWide(after)))
            {
                continue;
            }

            Emit(' ', chars[start].Style);
        }

        if (text.Length > 0)
        {
            output.Add(new Segment(text.ToString(), currentStyle!, false, false));
        }

        // Trailing breaks only add an empty line at the end of a paragraph: drop them.
        while (output.Count > 0 && output[^1].IsBreak)
        {
            output.RemoveAt(output.Count - 1);
        }

        return output;
    }

    private static bool IsCollapsible(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    internal sealed record Segment(string Text, RunStyle Style, bool IsBreak, bool Preserve);
}
