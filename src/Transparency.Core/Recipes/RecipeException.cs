namespace Transparency.Core.Recipes;

/// <summary>A recipe could not be applied; nothing of it was kept.</summary>
public sealed class RecipeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RecipeException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RecipeException()
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public RecipeException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
