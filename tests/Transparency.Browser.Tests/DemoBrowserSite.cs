namespace Transparency.Browser.Tests;

/// <summary>A <see cref="BrowserSite"/> whose site also runs the demo recipe (units, demo accounts, the 2020 session).</summary>
public sealed class DemoBrowserSite : BrowserSite
{
    /// <summary>Demo accounts of <c>recipes/demo.recipe.json</c> (README.md).</summary>
    public const string CoordinatorUser = "coordinator";
    public const string CoordinatorPassword = "Demo#Coord2020";
    public const string DrafterUser = "drafter";
    public const string DrafterPassword = "Demo#Draft2020";

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Setup:Recipes:0"] = "demo",

        // The workflow worker stays off, as in the integration tests' sites: these walks count the notices the reply
        // and feedback modules leave themselves, and the default workflows' notices and reminders (of the 2020 demo
        // deadlines, on the scanner's own schedule) would add to the counts at times of their own. Workflows are
        // tested in tests/Transparency.Integration.Tests/Workflows.
        ["Workflows:Worker"] = "false",
    };
}
