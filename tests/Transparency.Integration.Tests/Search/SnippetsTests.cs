using Transparency.Search.Services;

namespace Transparency.Integration.Tests.Search;

/// <summary>
/// Highlighting without re-analysis: the words are taken from the parsed query (as the search service builds it, with the
/// site's analyzer and synonyms) and found in the stored text.
/// </summary>
public sealed class SnippetsTests
{
    private static readonly IReadOnlyList<IReadOnlyList<string>> Groups = [["流动摊贩", "占道经营", "马路市场"]];

    private static Snippets For(string text)
    {
        using var analyzer = SearchAnalyzers.Create();
        return new Snippets(SearchQueryBuilder.Build(text, Groups, analyzer).Query);
    }

    [Fact]
    public void AWordTheAnalyzerCutsIsMarkedWhole()
    {
        // SmartCn cuts 路灯 into 路 and 灯: the mark goes round the word, and 道路 is not marked for its 路.
        Assert.Equal("关于增设<mark>路灯</mark>的建议", For("路灯").Title("关于增设路灯的建议"));
        Assert.Equal("<mark>路灯</mark>照亮道路", For("路灯").Title("路灯照亮道路"));
    }

    [Fact]
    public void TokensApartAreMarkedOneByOne()
        => Assert.Equal("<mark>路</mark>边的<mark>灯</mark>", For("路灯").Title("路边的灯"));

    [Fact]
    public void ASynonymIsMarkedWhereTheTextUsesIt()
        => Assert.Contains("<mark>占道经营</mark>", For("流动摊贩").Snippet("今年共清理占道经营点位一百余处。"), StringComparison.Ordinal);

    [Fact]
    public void LatinWordsAreMarkedWholeAndOnlyFromTheirStart()
    {
        var snippets = For("LED");
        Assert.Equal("更换 <mark>LEDs</mark> 灯具，called 不算", snippets.Title("更换 LEDs 灯具，called 不算"));
    }

    [Fact]
    public void TheTextIsEncodedAndOnlyTheMarksAreMarkup()
    {
        var html = For("路灯").Title("<script>alert(1)</script>路灯 & 灯杆");
        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt;<mark>路灯</mark> &amp; 灯杆", html);
    }

    [Fact]
    public void TheSnippetBeginsAtTheClauseOfTheFirstMatch()
    {
        var body = new string('甲', 300) + "。关于城市照明，今年新增路灯三百盏，" + new string('乙', 300);
        var snippet = For("路灯").Snippet(body);
        Assert.StartsWith("…关于城市照明，今年新增<mark>路灯</mark>三百盏", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.Equal(Snippets.SnippetLength, snippet.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal).Trim('…').Length);
    }

    [Fact]
    public void WithoutAMatchTheSnippetIsTheBeginning()
    {
        var body = new string('丙', 200);
        Assert.Equal(new string('丙', Snippets.SnippetLength) + "…", For("路灯").Snippet(body));
        Assert.Equal("短文", new Snippets(null).Snippet("短文"));
    }

    [Fact]
    public void ExcludedWordsAreNotMarked()
        => Assert.Equal("<mark>路灯</mark>与垃圾", For("路灯 NOT 垃圾").Title("路灯与垃圾"));
}
