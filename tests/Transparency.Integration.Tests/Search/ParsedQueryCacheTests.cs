using Transparency.Search.Services;

namespace Transparency.Integration.Tests.Search;

/// <summary>A text is parsed once while the synonym groups stay the same; other groups parse it again.</summary>
public sealed class ParsedQueryCacheTests
{
    [Fact]
    public void ATextIsParsedOnceForTheSameSynonymGroupsAndAgainForNewOnes()
    {
        using var analyzer = SearchAnalyzers.Create();
        IReadOnlyList<IReadOnlyList<string>> groups = [["路灯", "城市照明"]];
        var cache = new ParsedQueryCache();
        var parses = 0;
        (Lucene.Net.Search.Query?, bool) Parse(IReadOnlyList<IReadOnlyList<string>> with)
        {
            parses++;
            return SearchQueryBuilder.Build("路灯", with, analyzer);
        }

        var first = cache.Get("路灯", groups, () => Parse(groups));
        var second = cache.Get("路灯", groups, () => Parse(groups));
        Assert.Equal(1, parses);
        Assert.Same(first.Query, second.Query);
        Assert.Contains("城市", first.Query!.ToString(), StringComparison.Ordinal);

        IReadOnlyList<IReadOnlyList<string>> edited = [["路灯", "照明设施"]];
        var third = cache.Get("路灯", edited, () => Parse(edited));
        Assert.Equal(2, parses);
        Assert.DoesNotContain("城市", third.Query!.ToString(), StringComparison.Ordinal);
        Assert.Contains("设施", third.Query.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AFullCacheStartsAgainAndStillAnswers()
    {
        IReadOnlyList<IReadOnlyList<string>> groups = [];
        var cache = new ParsedQueryCache();
        for (var i = 0; i <= ParsedQueryCache.Capacity; i++)
        {
            var text = "word" + i;
            Assert.Equal(text.Length, cache.Get(text, groups, () => (null, text.Length > 0)).PlainText ? text.Length : -1);
        }

        var parsed = false;
        cache.Get("word0", groups, () => { parsed = true; return (null, false); });
        Assert.True(parsed, "the first text should have been dropped when the cache filled up");
    }
}
