using Microsoft.EntityFrameworkCore;

namespace Transparency.Data;

/// <summary>The model contributions of the enabled modules, in module order.</summary>
/// <param name="Key">Identifies this set of modules; part of EF's model cache key.</param>
/// <param name="Contributors">Each module's <c>ConfigureModel</c>.</param>
public sealed record ModelComposition(string Key, IReadOnlyList<Action<ModelBuilder>> Contributors);
