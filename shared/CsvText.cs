using System.Globalization;
using System.Text;

namespace SocialWatch;

/// <summary>
/// Writes CSV exports (RFC 4180: comma-separated, CRLF, a cell quoted when it holds a comma, quote or line break). A text
/// cell a spreadsheet would run as a formula (starting with = + - @ or a tab) gets a leading apostrophe: exports hold
/// text the business typed, and opening one must not run it.
/// </summary>
public sealed class CsvText
{
    private readonly StringBuilder text = new();

    public CsvText(params string[] header) => Row(header);

    public CsvText Row(params object?[] cells)
    {
        text.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        return this;
    }

    public override string ToString() => text.ToString();

    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        double number => number.ToString("0.######", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => Text(value.ToString() ?? string.Empty),
    };

    private static string Text(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
