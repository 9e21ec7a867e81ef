using System.Globalization;
using Esf.Projects.Fields;

namespace Esf.Projects.Diagnostics;

/// <summary>Every diagnostic message, in one place (NodaTime's TextErrorMessages is the model). Values are quoted as written.</summary>
internal static class DiagnosticMessages
{
    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Clip(string value) => value.Length <= 80 ? value : string.Concat(value.AsSpan(0, 77), "...");

    public static string EmptyInput() => "The input is empty.";

    public static string NoHeader() =>
        "No project header was found: no line starts with a known label such as 'Programområde', 'Projektägare' or 'Projektperiod'.";

    public static string InvalidUtf8(int byteOffset, byte value) =>
        F($"The input is not valid UTF-8: byte 0x{value:X2} at offset {byteOffset} (and any later invalid sequence) was replaced with U+FFFD.");

    public static string ControlCharacters(char c) =>
        F($"The input contains the control character U+{(int)c:X4}; it may be binary rather than a page.");

    public static string NoTitle() => "No project title was found before the header.";

    public static string DuplicateField(string label) =>
        F($"The header field '{label}' is given twice; the first value is used and this one is kept as an extra field.");

    public static string ValueWrittenAsMissing(string label, string value) =>
        F($"The header field '{label}' is written as missing ('{value}'); its value is null.");

    public static string EmptyValue(string label) => F($"The header field '{label}' has no value.");

    public static string UnknownLabel(string label) =>
        F($"The header label '{Clip(label)}' is not known; it is kept as an extra field.");

    public static string UnplacedText(string text) =>
        F($"The text '{Clip(text)}' in the header is neither a label nor a value; it is kept as unplaced text.");

    public static string InvalidAmount(string label, string value, FieldParseError error) =>
        F($"The amount '{Clip(value)}' of '{label}' could not be read: {FieldErrorMessages.Reason(error)}.");

    public static string InvalidPeriod(string value, FieldParseError error) =>
        F($"The project period '{Clip(value)}' could not be read: {FieldErrorMessages.Reason(error)}.");

    public static string ImpossibleDate(string value) => F($"The project period '{Clip(value)}' contains a date that does not exist.");

    public static string ReversedPeriod(string value) => F($"The project period '{Clip(value)}' ends before it starts.");

    public static string ProgramAreaWithoutNumber(string value) =>
        F($"The program area '{Clip(value)}' has no number or code; only its name is kept.");

    public static string GrantedExceedsTotal(decimal granted, decimal total) =>
        F($"The granted ESF support ({granted} SEK) is larger than the total project budget ({total} SEK).");

    public static string InvalidNumber(string label, string value) =>
        F($"The value '{Clip(value)}' of '{label}' is not a whole number.");

    public static string InvalidPercentage(string label, string value) =>
        F($"The value '{Clip(value)}' of '{label}' is not a percentage.");

    public static string InvalidEmail(string value) => F($"The e-mail address '{Clip(value)}' is malformed; it is kept as written.");

    public static string InvalidPhone(string value, FieldParseError error) =>
        F($"The phone number '{Clip(value)}' is not a Swedish number ({FieldErrorMessages.Reason(error)}); it is kept as written.");

    public static string ListItemWithoutMarker(string heading, string text) =>
        F($"The line '{Clip(text)}' in the list section '{heading}' has no bullet; it is taken as one item.");

    public static string EmptySection(string heading) => F($"The section '{Clip(heading)}' has no content.");

    public static string InputTooLong(int length, int limit) => F($"The input has {length} characters, more than the limit of {limit}; only the first {limit} were parsed.");

    public static string TooManySections(int limit) => F($"The page has more than {limit} sections; later headings are kept as text of the last section.");

    public static string TooManyListItems(string heading, int limit) => F($"The list '{Clip(heading)}' has more than {limit} items; only the first {limit} are in the project's list.");

    public static string HandlerFailed(string handler, string heading, Exception exception) =>
        F($"Section handler '{handler}' failed on '{Clip(heading)}' with {exception.GetType().Name}: {Clip(exception.Message)}");

    public static string UnknownMunicipality(string name, IEnumerable<string> suggestions)
    {
        var list = string.Join(", ", suggestions.Select(x => "'" + x + "'"));
        return list.Length == 0
            ? F($"'{Clip(name)}' matches no Swedish municipality; it is kept as written without a code.")
            : F($"'{Clip(name)}' matches no Swedish municipality; did you mean {list}? It is kept as written without a code.");
    }

    public static string UnknownRegion(string region) => F($"The region '{Clip(region)}' is not one of the eight ESF regions or national; it is kept as written.");

    public static string RegionMismatch(string region, string regions) =>
        F($"The region '{Clip(region)}' disagrees with the listed municipalities, which lie in {regions}.");

    public static string CofinancingRateMismatch(decimal stated, decimal computed) =>
        F($"The stated co-financing rate {stated} % differs from granted support over total budget, {computed} %.");
}
