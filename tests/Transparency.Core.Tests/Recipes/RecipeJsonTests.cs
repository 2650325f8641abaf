using System.Text.Json;
using Transparency.Core.Recipes;

namespace Transparency.Core.Tests.Recipes;

public sealed class RecipeJsonTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Fact]
    public void RequiredStringReportsTheFieldPath()
    {
        var error = Assert.Throws<RecipeStepException>(() => RecipeJson.RequiredString(Json("{}"), "name", "units[3]", 10));
        Assert.Equal("units[3].name", error.Field);
    }

    [Theory]
    [InlineData("""{ "name": 5 }""", "must be a string.")]
    [InlineData("""{ "name": "  " }""", "must not be empty.")]
    [InlineData("""{ "name": "abcdefghijk" }""", "is longer than 10 characters.")]
    public void BadStringsAreRefused(string json, string message)
    {
        var error = Assert.Throws<RecipeStepException>(() => RecipeJson.OptionalString(Json(json), "name", "x", 10));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void StringArrayNamesTheBadItem()
    {
        var error = Assert.Throws<RecipeStepException>(() => RecipeJson.StringArray(Json("""{ "roles": ["a", 2] }"""), "roles", "users[0]"));
        Assert.Equal("users[0].roles[1]", error.Field);
    }

    [Fact]
    public void OptionalBoolRefusesStrings()
    {
        var error = Assert.Throws<RecipeStepException>(() => RecipeJson.OptionalBool(Json("""{ "internal": "yes" }"""), "internal", "units[0]"));
        Assert.Equal("units[0].internal", error.Field);
    }

    [Fact]
    public void AbsentOptionalFieldsAreNull()
    {
        Assert.Null(RecipeJson.OptionalString(Json("{}"), "x", "p", 5));
        Assert.Null(RecipeJson.OptionalBool(Json("{}"), "x", "p"));
        Assert.Empty(RecipeJson.StringArray(Json("{}"), "x", "p"));
    }
}
