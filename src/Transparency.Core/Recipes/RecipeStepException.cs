namespace Transparency.Core.Recipes;

/// <summary>Bad data in a recipe step; the executor adds the file and the step's index to the message.</summary>
public sealed class RecipeStepException : Exception
{
    /// <summary>Creates the exception for <paramref name="field"/> (a JSON path inside the step, e.g. <c>roles[2].permissions[0]</c>).</summary>
    public RecipeStepException(string field, string message) : base(message)
    {
        Field = field;
    }

    /// <summary>Creates the exception.</summary>
    public RecipeStepException() => Field = "";

    /// <summary>Creates the exception.</summary>
    public RecipeStepException(string message) : base(message) => Field = "";

    /// <summary>Creates the exception.</summary>
    public RecipeStepException(string message, Exception innerException) : base(message, innerException) => Field = "";

    /// <summary>The offending field's path within the step.</summary>
    public string Field { get; }
}
