namespace Transparency.Core.Hosting;

/// <summary>
/// Work a module needs done once per start, after migrations and the setup recipe (e.g. making sure
/// an administrator exists). Runs under the cluster-wide start-up lock.
/// </summary>
public interface IStartupTask
{
    /// <summary>Lower runs first.</summary>
    int Order { get; }

    /// <summary>Does the work.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
