using Transparency.Core.Modules;

namespace Transparency.Portal;

/// <summary>The public portal has no services or permissions of its own yet: its pages are public.</summary>
public sealed class Startup : ModuleStartup;
