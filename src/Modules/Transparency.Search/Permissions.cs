using Transparency.Core.Security;

namespace Transparency.Search;

public static class SearchPermissions
{
    /// <summary>Edit the synonyms and rebuild the index (the Administrator role has it through "*").</summary>
    public const string Manage = "Search.Manage";

    public static IEnumerable<Permission> All =>
    [
        new(Manage, "管理全文检索：编辑同义词、重建索引", "系统管理"),
    ];
}
