using Transparency.Core.Units;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.Services.Import;

/// <summary>Everything a row is checked against, loaded once per import (no query per row).</summary>
public sealed class ImportReferenceData
{
    private readonly Dictionary<string, int> _unitsByName;
    private readonly Dictionary<string, int?> _unitsByShortName;

    public ImportReferenceData(
        Session session,
        IReadOnlyList<UnitInfo> units,
        IReadOnlyDictionary<string, int> categories,
        IReadOnlyDictionary<string, int> representatives,
        IReadOnlySet<string> existingNumbers)
    {
        ArgumentNullException.ThrowIfNull(units);
        Session = session;
        Units = units.ToDictionary(u => u.Id);
        Categories = categories;
        Representatives = representatives;
        ExistingNumbers = existingNumbers;
        _unitsByName = new Dictionary<string, int>(StringComparer.Ordinal);
        _unitsByShortName = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            _unitsByName.TryAdd(unit.Name, unit.Id);
            // A short name two units share cannot name either of them.
            _unitsByShortName[unit.ShortName] = _unitsByShortName.ContainsKey(unit.ShortName) ? null : unit.Id;
        }
    }

    public Session Session { get; }

    public IReadOnlyDictionary<int, UnitInfo> Units { get; }

    /// <summary>Category name → id.</summary>
    public IReadOnlyDictionary<string, int> Categories { get; }

    /// <summary>Name → id of the representatives of the session's kind (the oldest when two share a name).</summary>
    public IReadOnlyDictionary<string, int> Representatives { get; }

    /// <summary>Numbers the session has already.</summary>
    public IReadOnlySet<string> ExistingNumbers { get; }

    /// <summary>A unit by full name, else by short name; the error says why none was found.</summary>
    public (int? Id, string? Error) FindUnit(string name)
    {
        if (_unitsByName.TryGetValue(name, out var id))
        {
            return (id, null);
        }

        return _unitsByShortName.TryGetValue(name, out var shortId)
            ? shortId is { } unique ? (unique, null) : (null, $"单位简称“{name}”对应多个单位，请填写全称。")
            : (null, $"未知承办单位“{name}”。");
    }
}
