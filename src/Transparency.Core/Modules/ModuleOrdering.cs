namespace Transparency.Core.Modules;

/// <summary>Orders modules so that every module comes after the modules it depends on.</summary>
public static class ModuleOrdering
{
    /// <summary>
    /// Returns the modules in dependency order (ties keep the id order, so start-up is deterministic).
    /// Throws <see cref="ModuleDependencyException"/> naming the module and the missing dependency, or the cycle.
    /// </summary>
    public static IReadOnlyList<ModuleDescriptor> Order(IEnumerable<ModuleDescriptor> modules)
    {
        var byId = new Dictionary<string, ModuleDescriptor>(StringComparer.Ordinal);
        foreach (var module in modules)
        {
            if (!byId.TryAdd(module.Id, module))
            {
                throw new ModuleDependencyException($"Module '{module.Id}' is declared twice.");
            }
        }

        foreach (var module in byId.Values.OrderBy(m => m.Id, StringComparer.Ordinal))
        {
            foreach (var dependency in module.Dependencies)
            {
                if (!byId.ContainsKey(dependency))
                {
                    throw new ModuleDependencyException(
                        $"Module '{module.Id}' depends on module '{dependency}', which is missing or disabled. " +
                        $"Reference its project from the host or remove it from 'Modules:Disabled'.");
                }
            }
        }

        var ordered = new List<ModuleDescriptor>(byId.Count);
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false = visiting, true = done
        var path = new Stack<string>();
        foreach (var module in byId.Values.OrderBy(m => m.Id, StringComparer.Ordinal))
        {
            Visit(module, byId, state, path, ordered);
        }

        return ordered;
    }

    private static void Visit(
        ModuleDescriptor module,
        Dictionary<string, ModuleDescriptor> byId,
        Dictionary<string, bool> state,
        Stack<string> path,
        List<ModuleDescriptor> ordered)
    {
        if (state.TryGetValue(module.Id, out var done))
        {
            if (done)
            {
                return;
            }

            var cycle = path.Reverse().SkipWhile(id => id != module.Id).Append(module.Id);
            throw new ModuleDependencyException(
                $"Modules depend on each other in a cycle: {string.Join(" → ", cycle)}. Remove one of these dependencies.");
        }

        state[module.Id] = false;
        path.Push(module.Id);
        foreach (var dependency in module.Dependencies.Order(StringComparer.Ordinal))
        {
            Visit(byId[dependency], byId, state, path, ordered);
        }

        path.Pop();
        state[module.Id] = true;
        ordered.Add(module);
    }
}
