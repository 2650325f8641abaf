using System.Globalization;

namespace Transparency.Proposals.Services.Import;

/// <summary>A problem found in an assignment table: the row as Excel numbers it (the header is row 1) and the column, when known.</summary>
public sealed record ImportError(int? Row, string? Column, string Message)
{
    public override string ToString()
    {
        var where = (Row, Column) switch
        {
            ({ } row, { } column) => string.Create(CultureInfo.InvariantCulture, $"第{row}行，{column}："),
            ({ } row, null) => string.Create(CultureInfo.InvariantCulture, $"第{row}行："),
            (null, { } column) => $"{column}：",
            _ => "",
        };
        return where + Message;
    }
}
