using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Esf.Projects.Cli.Output;

/// <summary>
/// How a typed cell (<see cref="Tables.ColumnType"/>) becomes CSV text: invariant numbers and ISO dates, or with
/// <see cref="Excel"/> a decimal comma; text that a spreadsheet would run as a formula neutralised unless <see cref="RawText"/>.
/// With <see cref="Excel"/>, text that Excel would turn into a number and so change — a code with a leading zero
/// (<c>0117</c>, <c>01</c>), a phone number in E.164 (<c>+46854081091</c>) — is written <c>="0117"</c>, which Excel
/// shows as the text itself.
/// </summary>
/// <param name="Excel">Decimal comma (the delimiter and byte order mark are the writer's part).</param>
/// <param name="RawText">Write text cells exactly as the page has them.</param>
internal sealed record CellFormat(bool Excel, bool RawText)
{
    /// <summary>
    /// The cell's text; <see langword="null"/> for an absent value. A text cell that begins with <c>=</c>, <c>+</c>,
    /// <c>-</c>, <c>@</c>, tab or carriage return gets a leading <c>'</c>, as OWASP's advice on CSV injection says,
    /// so a spreadsheet shows <c>=HYPERLINK(…)</c> typed into a page as text instead of running it.
    /// </summary>
    public string? Text(object? value) => value switch
    {
        null => null,
        string text when RawText => text,
        string text when Excel && ExcelWouldChange(text) => "=\"" + text + "\"",
        string text => Neutralise(text),
        int number => number.ToString(CultureInfo.InvariantCulture),
        decimal number when Excel => number.ToString(CultureInfo.InvariantCulture).Replace('.', ','),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        LocalDate date => LocalDatePattern.Iso.Format(date),
        bool flag => flag ? "true" : "false",
        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Prefixes <c>'</c> to text a spreadsheet would take for a formula; one character alone (<c>-</c> for standard
    /// input) is none, nor is a sign followed by digits only (<c>+46854081091</c>, the tool's own E.164 numbers),
    /// which no spreadsheet can run.
    /// </summary>
    public static string Neutralise(string text) =>
        text.Length > 1 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsSignedDigits(text) ? "'" + text : text;

    /// <summary>Digits with a leading zero, or <c>+</c> and digits: text Excel opens as a number, losing the zero or the sign.</summary>
    private static bool ExcelWouldChange(string text) =>
        text.Length > 1 && ((text[0] == '0' && text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0) || (text[0] == '+' && IsSignedDigits(text)));

    private static bool IsSignedDigits(string text) =>
        text.Length > 1 && text[0] is '+' or '-' && text.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0;
}
