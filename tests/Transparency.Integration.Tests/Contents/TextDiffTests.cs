using Transparency.Contents.Services;
using Transparency.Core.Content;

namespace Transparency.Integration.Tests.Contents;

/// <summary>Version diffs: paragraph by paragraph on the plain text, with line numbers on both sides.</summary>
public sealed class TextDiffTests
{
    private static readonly TextDiff Diff = new(new RichTextSanitizer());

    [Fact]
    public void TwoVersionsOfAReplyDifferByInsertedDeletedAndUnchangedParagraphs()
    {
        const string oldHtml =
            "<h2>关于增设分类垃圾桶的答复</h2><p>张三代表：</p><p>您的建议收悉。</p><p>我局将于年内增设垃圾桶。</p><p>感谢您的关心。</p>";
        const string newHtml =
            "<h2 class=\"ql-align-center\">关于增设分类垃圾桶的答复</h2><p><strong>张三代表：</strong></p><p>您的建议收悉。</p>" +
            "<p>我局将于年内增设垃圾桶120组。</p><ul><li>环卫处负责实施；</li></ul><p>感谢您的关心。</p>";

        var lines = Diff.CompareHtml(oldHtml, newHtml);

        Assert.Equal(
            [
                new DiffLine(DiffLineKind.Unchanged, "关于增设分类垃圾桶的答复", 1, 1), // alignment and bold are formatting, not text
                new DiffLine(DiffLineKind.Unchanged, "张三代表：", 2, 2),
                new DiffLine(DiffLineKind.Unchanged, "您的建议收悉。", 3, 3),
                new DiffLine(DiffLineKind.Deleted, "我局将于年内增设垃圾桶。", 4, null),
                new DiffLine(DiffLineKind.Inserted, "我局将于年内增设垃圾桶120组。", null, 4),
                new DiffLine(DiffLineKind.Inserted, "环卫处负责实施；", null, 5),
                new DiffLine(DiffLineKind.Unchanged, "感谢您的关心。", 5, 6),
            ],
            lines);
    }

    [Fact]
    public void AParagraphRemovedFromTheMiddleIsDeleted()
    {
        var lines = Diff.CompareHtml("<p>甲</p><p>乙</p><p>丙</p>", "<p>甲</p><p>丙</p>");

        Assert.Equal(
            [
                new DiffLine(DiffLineKind.Unchanged, "甲", 1, 1),
                new DiffLine(DiffLineKind.Deleted, "乙", 2, null),
                new DiffLine(DiffLineKind.Unchanged, "丙", 3, 2),
            ],
            lines);
    }

    [Fact]
    public void PlainTextsAndEmptySidesCompareLineByLine()
    {
        Assert.Equal(
            [new DiffLine(DiffLineKind.Unchanged, "a", 1, 1), new DiffLine(DiffLineKind.Inserted, "c", null, 2), new DiffLine(DiffLineKind.Unchanged, "b", 2, 3)],
            Diff.CompareText("a\r\nb", "a\nc\nb\n"));
        Assert.Equal([new DiffLine(DiffLineKind.Inserted, "新", null, 1)], Diff.CompareText(null, "新"));
        Assert.Equal([new DiffLine(DiffLineKind.Deleted, "旧", 1, null)], Diff.CompareHtml("<p>旧</p>", ""));
        Assert.Empty(Diff.CompareText("", null));
        Assert.All(Diff.CompareText("同\n样", "同\n样"), l => Assert.Equal(DiffLineKind.Unchanged, l.Kind));
    }
}
