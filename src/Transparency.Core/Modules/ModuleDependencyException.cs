namespace Transparency.Core.Modules;

/// <summary>Raised at start when a module's dependency is missing or modules depend on each other in a cycle.</summary>
public sealed class ModuleDependencyException : InvalidOperationException
{
    /// <summary>Creates the exception with the message shown to the operator.</summary>
    public ModuleDependencyException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ModuleDependencyException()
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public ModuleDependencyException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
