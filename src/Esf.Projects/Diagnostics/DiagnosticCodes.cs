using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Esf.Projects;

/// <summary>
/// The catalogue of every diagnostic the parser reports: one stable code per kind of problem, each described once
/// (severity, title and message format) in <see cref="All"/>.
/// </summary>
/// <remarks>
/// Codes never change meaning and are never reused; filter and count on them, not on messages.
/// <c>ESF00xx</c> concern the input as a whole, <c>ESF01xx</c> the header's layout, <c>ESF02xx</c> the header's
/// values, <c>ESF03xx</c> the sections. <c>docs/diagnostics.md</c> is checked against <see cref="All"/> by a test.
/// </remarks>
public static class DiagnosticCodes
{
    /// <summary>ESF0001 (error): the input is empty or holds only white space.</summary>
    public const string EmptyInput = "ESF0001";

    /// <summary>ESF0002 (error): no line starts with a known header label, so no header field could be read.</summary>
    public const string NoHeader = "ESF0002";

    /// <summary>ESF0003 (error): UTF-8 input holds an invalid byte sequence; each one was decoded as U+FFFD.</summary>
    public const string InvalidUtf8 = "ESF0003";

    /// <summary>ESF0004 (warning): the text holds control characters (NUL and the like) that no page contains; it may be binary.</summary>
    public const string ControlCharacters = "ESF0004";

    /// <summary>ESF0005 (warning): no title line stands before the header, and no <c>Namn</c> field gives one.</summary>
    public const string NoTitle = "ESF0005";

    /// <summary>ESF0006 (error): the input is longer than <see cref="ProjectParserOptions.MaxInputLength"/>; only the text up to the limit was parsed.</summary>
    public const string InputTooLong = "ESF0006";

    /// <summary>ESF0007 (warning): the page has more sections than <see cref="ProjectParserOptions.MaxSections"/>; later headings were read as text of the last section.</summary>
    public const string TooManySections = "ESF0007";

    /// <summary>ESF0008 (warning): a list has more items than <see cref="ProjectParserOptions.MaxListItems"/>; the rest were dropped from the project's list (they stay in the section).</summary>
    public const string TooManyListItems = "ESF0008";

    /// <summary>ESF0009 (error): an input could not be read (I/O error, permissions); reported by tools that read files, such as the CLI over <see cref="ProjectCorpus"/>.</summary>
    public const string UnreadableInput = "ESF0009";

    /// <summary>ESF0010 (info): the page has a header but none of the marks of the three known layouts (<see cref="PageLayout"/>); it was read with the most tolerant reader.</summary>
    public const string LayoutNotRecognised = "ESF0010";

    /// <summary>ESF0011 (warning): the bytes are not valid UTF-8 and were read in <see cref="ProjectParserOptions.FallbackEncoding"/> (Windows-1252 by default), in which they are valid.</summary>
    public const string DecodedWithFallback = "ESF0011";

    /// <summary>ESF0012 (error): bytes in an encoding given by a byte order mark or by <see cref="ProjectParserOptions.InputEncoding"/> hold an invalid sequence; each one was decoded as U+FFFD.</summary>
    public const string InvalidEncodedText = "ESF0012";

    /// <summary>ESF0013 (warning): more diagnostics of one code than <see cref="ProjectParserOptions.MaxDiagnosticsPerCode"/> on one page; the rest were counted, not kept.</summary>
    public const string DiagnosticsLimited = "ESF0013";

    /// <summary>ESF0014 (warning): an HTML page declares one encoding (<c>&lt;meta charset&gt;</c>) and its bytes are another; the bytes were read as what they are.</summary>
    public const string DeclaredEncodingContradicted = "ESF0014";

    /// <summary>ESF0015 (warning): an HTML page nests elements deeper than a browser builds; the deeper tags were ignored and their text kept.</summary>
    public const string HtmlNestedTooDeeply = "ESF0015";

    /// <summary>ESF0101 (warning): a header field is given twice; the first value is used, the second is kept as an extra field.</summary>
    public const string DuplicateField = "ESF0101";

    /// <summary>ESF0102 (info): a header value is written as missing (<c>saknas</c>); the value is <see langword="null"/> and <see cref="HeaderField.RawValue"/> keeps the word.</summary>
    public const string ValueWrittenAsMissing = "ESF0102";

    /// <summary>ESF0103 (warning): a header label has no value (the next line is another label, a blank line, or nothing).</summary>
    public const string EmptyValue = "ESF0103";

    /// <summary>ESF0104 (info): a header label the parser does not know; label and value are kept as an extra field.</summary>
    public const string UnknownLabel = "ESF0104";

    /// <summary>ESF0105 (warning): text inside the header that is neither a label nor a value; it is kept in <c>UnplacedText</c>.</summary>
    public const string UnplacedText = "ESF0105";

    /// <summary>ESF0201 (error): an amount could not be read; the message names the reason and the value is <see langword="null"/>.</summary>
    public const string InvalidAmount = "ESF0201";

    /// <summary>ESF0202 (error): an amount is too large for <see cref="decimal"/>.</summary>
    public const string AmountOverflow = "ESF0202";

    /// <summary>ESF0203 (error): the project period could not be read as a date range.</summary>
    public const string InvalidPeriod = "ESF0203";

    /// <summary>ESF0204 (error): a date in the period does not exist in the calendar (for example <c>2014-02-30</c>).</summary>
    public const string ImpossibleDate = "ESF0204";

    /// <summary>ESF0205 (error): the period ends before it starts (in <c>Projektperiod</c>, or <c>Slutdatum</c> before <c>Startdatum</c>).</summary>
    public const string ReversedPeriod = "ESF0205";

    /// <summary>ESF0206 (warning): the program area has no number or code; only its name is kept.</summary>
    public const string ProgramAreaWithoutNumber = "ESF0206";

    /// <summary>ESF0207 (warning): the granted ESF support is larger than the total project budget.</summary>
    public const string GrantedExceedsTotal = "ESF0207";

    /// <summary>ESF0208 (error): a header value that must be a whole number (planned participants) is not one.</summary>
    public const string InvalidNumber = "ESF0208";

    /// <summary>ESF0209 (error): a header value that must be a percentage (EU co-financing rate) is not one.</summary>
    public const string InvalidPercentage = "ESF0209";

    /// <summary>ESF0210 (warning): the contact e-mail address is not syntactically valid; it is kept as written.</summary>
    public const string InvalidEmail = "ESF0210";

    /// <summary>ESF0211 (warning): the contact phone number cannot be a Swedish number; it is kept as written and not normalised.</summary>
    public const string InvalidPhone = "ESF0211";

    /// <summary>ESF0212 (warning): a name in the <c>Kommun</c> list matches none of Sweden's 290 municipalities; the message suggests the closest names.</summary>
    public const string UnknownMunicipality = "ESF0212";

    /// <summary>ESF0213 (info): the region is not one of the eight ESF regions or national; it is kept as written.</summary>
    public const string UnknownRegion = "ESF0213";

    /// <summary>ESF0214 (warning): the region disagrees with the counties of the listed municipalities.</summary>
    public const string RegionMismatch = "ESF0214";

    /// <summary>ESF0215 (warning): the stated EU co-financing rate differs from granted support over total budget by more than one percentage point.</summary>
    public const string CofinancingRateMismatch = "ESF0215";

    /// <summary>ESF0216 (warning): the title line, <c>Diarienummer</c> and <c>Projektnummer</c> give different numbers; every one is kept in <see cref="EsfProject.ProjectNumbers"/>.</summary>
    public const string ProjectNumbersDiffer = "ESF0216";

    /// <summary>ESF0217 (warning): the NUTS-2 code's area lies in another ESF region than <c>Region</c> names.</summary>
    public const string Nuts2RegionMismatch = "ESF0217";

    /// <summary>ESF0218 (warning): the page gives a start date without an end date, or the other way round; the period is <see langword="null"/>.</summary>
    public const string PartialPeriod = "ESF0218";

    /// <summary>ESF0219 (error): the owner's organisation number is not ten digits with a valid check digit.</summary>
    public const string InvalidOrganisationNumber = "ESF0219";

    /// <summary>ESF0220 (warning): the <c>NUTS-2 kod</c> is not one of Sweden's eight NUTS-2 codes; it is kept as written in the fields.</summary>
    public const string UnknownNuts2Code = "ESF0220";

    /// <summary>ESF0221 (error): a single date (<c>Startdatum</c>, <c>Slutdatum</c>) could not be read.</summary>
    public const string InvalidDate = "ESF0221";

    /// <summary>ESF0222 (error): a yes/no field holds something else than <c>Ja</c> or <c>Nej</c>.</summary>
    public const string InvalidYesNo = "ESF0222";

    /// <summary>ESF0223 (info): the fund is not ESF, ESF+ or FEAD; it is kept as written in the fields.</summary>
    public const string UnknownFund = "ESF0223";

    /// <summary>ESF0224 (info): the programme's CCI code matches no programme in <c>data/esf-programmes.tsv</c>; it is kept as written.</summary>
    public const string UnknownProgrammeCci = "ESF0224";

    /// <summary>ESF0301 (info): a line in a list section (co-financiers, partners, municipalities) has no bullet; it is taken as one item. A line that continues a wrapped item (the item ends with <c>och</c>, a comma or a hyphen, or the line starts in lower case) joins that item instead, without ESF0301.</summary>
    public const string ListItemWithoutMarker = "ESF0301";

    /// <summary>ESF0302 (info): a section heading is followed by no content.</summary>
    public const string EmptySection = "ESF0302";

    /// <summary>ESF0303 (error): a section or header field handler threw; the section or row is kept without that handler's result, and the message names the kind of handler, the handler and the exception.</summary>
    public const string HandlerFailed = "ESF0303";

    /// <summary>Every code with its severity, title and message format, in code order.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } =
    [
        new(EmptyInput, DiagnosticSeverity.Error, "The input is empty.", "The input is empty."),
        new(NoHeader, DiagnosticSeverity.Error, "No project header was found.", "No project header was found: no line starts with a known label such as 'Programområde', 'Projektägare' or 'Projektperiod'."),
        new(InvalidUtf8, DiagnosticSeverity.Error, "The input is not valid UTF-8.", "The input is not valid UTF-8: byte 0x{1:X2} at offset {0} (and any later invalid sequence) was replaced with U+FFFD."),
        new(ControlCharacters, DiagnosticSeverity.Warning, "The input contains control characters.", "The input contains the control character U+{0:X4}; it may be binary rather than a page."),
        new(NoTitle, DiagnosticSeverity.Warning, "No project title was found.", "No project title was found before the header."),
        new(InputTooLong, DiagnosticSeverity.Error, "The input exceeds the maximum length and was cut.", "The input is longer than the limit of {0} characters; only the first {0} were parsed."),
        new(TooManySections, DiagnosticSeverity.Warning, "The page has more sections than the limit.", "The page has more than {0} sections; later headings are kept as text of the last section."),
        new(TooManyListItems, DiagnosticSeverity.Warning, "A list has more items than the limit.", "The list '{0}' has more than {1} items; only the first {1} are in the project's list."),
        new(UnreadableInput, DiagnosticSeverity.Error, "An input could not be read.", "The input could not be read: {0}"),
        new(LayoutNotRecognised, DiagnosticSeverity.Info, "The page fits none of the known layouts.", "The page fits none of the project bank's known layouts; it was read as well as possible."),
        new(DecodedWithFallback, DiagnosticSeverity.Warning, "The input is not UTF-8 and was read in the fallback encoding.", "The input is not valid UTF-8 (the first invalid byte is at offset {1}); it was read as {0}, in which it is valid. Check that å, ä and ö read right."),
        new(InvalidEncodedText, DiagnosticSeverity.Error, "The input holds an invalid byte sequence.", "The input is not valid {0} here; each invalid byte sequence was replaced with U+FFFD."),
        new(DiagnosticsLimited, DiagnosticSeverity.Warning, "A diagnostic code reached its limit on this page.", "{0} more diagnostics {1} were left out: at most {2} of one code are kept per page."),
        new(DeclaredEncodingContradicted, DiagnosticSeverity.Warning, "The page declares an encoding its bytes are not in.", "The page declares the encoding '{0}', but its bytes are {1}; they were read as {1}. Check that å, ä and ö read right."),
        new(HtmlNestedTooDeeply, DiagnosticSeverity.Warning, "HTML elements nest deeper than a browser builds.", "{0} HTML start tags nest deeper than {1} elements; they were ignored as a browser ignores them, and their text is kept."),
        new(DuplicateField, DiagnosticSeverity.Warning, "A header field is given twice.", "The header field '{0}' is given twice; the first value is used and this one is kept as an extra field."),
        new(ValueWrittenAsMissing, DiagnosticSeverity.Info, "A header value is written as missing (saknas).", "The header field '{0}' is written as missing ('{1}'); its value is null and the raw text is kept."),
        new(EmptyValue, DiagnosticSeverity.Info, "A header label has no value.", "The header field '{0}' has no value."),
        new(UnknownLabel, DiagnosticSeverity.Info, "An unknown header label was kept as an extra field.", "The header label '{0}' is not known; it is kept as an extra field."),
        new(UnplacedText, DiagnosticSeverity.Warning, "Text in the header could not be placed.", "The text '{0}' in the header is neither a label nor a value; it is kept as unplaced text."),
        new(InvalidAmount, DiagnosticSeverity.Error, "An amount could not be read.", "The amount '{1}' of '{0}' could not be read: {2}."),
        new(AmountOverflow, DiagnosticSeverity.Error, "An amount is too large.", "The amount '{1}' of '{0}' could not be read: {2}."),
        new(InvalidPeriod, DiagnosticSeverity.Error, "The project period could not be read.", "The project period '{0}' could not be read: {1}."),
        new(ImpossibleDate, DiagnosticSeverity.Error, "A date does not exist.", "The date '{0}' does not exist in the calendar."),
        new(ReversedPeriod, DiagnosticSeverity.Error, "The project period ends before it starts.", "The project period '{0}' ends before it starts."),
        new(ProgramAreaWithoutNumber, DiagnosticSeverity.Info, "The program area has no number.", "The program area '{0}' has no number or code; only its name is kept."),
        new(GrantedExceedsTotal, DiagnosticSeverity.Warning, "The granted ESF support exceeds the total budget.", "The granted ESF support ({0} SEK) is larger than the total project budget ({1} SEK)."),
        new(InvalidNumber, DiagnosticSeverity.Error, "A whole number could not be read.", "The value '{1}' of '{0}' is not a whole number."),
        new(InvalidPercentage, DiagnosticSeverity.Error, "A percentage could not be read.", "The value '{1}' of '{0}' is not a percentage."),
        new(InvalidEmail, DiagnosticSeverity.Warning, "The e-mail address is malformed.", "The e-mail address '{0}' is malformed; it is kept as written."),
        new(InvalidPhone, DiagnosticSeverity.Warning, "The phone number is not a Swedish number.", "The phone number '{0}' is not a Swedish number ({1}); it is kept as written."),
        new(UnknownMunicipality, DiagnosticSeverity.Warning, "A municipality name matches no Swedish municipality.", "'{0}' matches no Swedish municipality{1}; it is kept as written without a code."),
        new(UnknownRegion, DiagnosticSeverity.Info, "The region is not an ESF region.", "The region '{0}' is not one of the eight ESF regions or national; it is kept as written."),
        new(RegionMismatch, DiagnosticSeverity.Warning, "The region disagrees with the municipalities' counties.", "The region '{0}' disagrees with the listed municipalities, which lie in {1}."),
        new(CofinancingRateMismatch, DiagnosticSeverity.Info, "Retired: no longer reported (the stated EU co-financing rate and granted over total measure different things).", "The stated co-financing rate {0} % differs from granted support over total budget, {1} %."),
        new(ProjectNumbersDiffer, DiagnosticSeverity.Warning, "The page gives different project numbers.", "The project number '{0}' here differs from '{1}' given earlier; both are kept in ProjectNumbers."),
        new(Nuts2RegionMismatch, DiagnosticSeverity.Warning, "The NUTS-2 code disagrees with the region.", "The NUTS-2 area {0} ({1}) lies in the ESF region {2}, not in '{3}'."),
        new(PartialPeriod, DiagnosticSeverity.Warning, "Only one end of the project period is given.", "The page gives '{0}' but no '{1}'; the period is null and the date is kept in the fields."),
        new(InvalidOrganisationNumber, DiagnosticSeverity.Error, "An organisation number could not be read.", "The organisation number '{0}' could not be read: {1}."),
        new(UnknownNuts2Code, DiagnosticSeverity.Warning, "A NUTS-2 code is not one of Sweden's.", "The NUTS-2 code '{0}' is neither one of Sweden's eight NUTS-2 areas nor SE0 (the whole country); Nuts2 is null and the code is kept in the header fields."),
        new(InvalidDate, DiagnosticSeverity.Error, "A date could not be read.", "The date '{1}' of '{0}' could not be read: {2}."),
        new(InvalidYesNo, DiagnosticSeverity.Error, "A yes/no value could not be read.", "The value '{1}' of '{0}' is neither yes nor no."),
        new(UnknownFund, DiagnosticSeverity.Info, "The fund is not ESF, ESF+ or FEAD.", "The fund '{0}' is not ESF, ESF+ or FEAD; it is kept as written."),
        new(UnknownProgrammeCci, DiagnosticSeverity.Info, "The programme CCI is not in the reference data.", "The programme CCI '{0}' is not in the reference data; it is kept as written."),
        new(ListItemWithoutMarker, DiagnosticSeverity.Info, "A list line has no bullet marker.", "The line '{1}' in the list section '{0}' has no bullet; it is taken as one item."),
        new(EmptySection, DiagnosticSeverity.Info, "A section has no content.", "The section '{0}' has no content."),
        new(HandlerFailed, DiagnosticSeverity.Error, "A handler threw an exception.", "{0} handler '{1}' failed on '{2}' with {3}: {4}"),
    ];

    private static readonly FrozenDictionary<string, DiagnosticDescriptor> ByCode = All.ToFrozenDictionary(d => d.Code, StringComparer.Ordinal);

    /// <summary>Finds the descriptor of a code.</summary>
    /// <param name="code">A code such as <c>ESF0201</c>.</param>
    /// <returns>The descriptor, or <see langword="null"/> when the code is not in the catalogue.</returns>
    public static DiagnosticDescriptor? Find(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return ByCode.GetValueOrDefault(code);
    }
}

/// <summary>A catalogue entry: a diagnostic code, its fixed severity, a one-line title, and the format of its messages.</summary>
/// <param name="Code">The stable code, such as <c>ESF0201</c>.</param>
/// <param name="Severity">The severity every diagnostic with this code has (raised to error when warnings are errors).</param>
/// <param name="Title">A one-line English description of the problem, without the offending value.</param>
/// <param name="MessageFormat">The message, a composite format string over the values it names (formatted with the invariant culture; text values longer than 80 characters are clipped).</param>
public sealed record DiagnosticDescriptor(string Code, DiagnosticSeverity Severity, string Title, string MessageFormat)
{
    /// <summary>The stable code, such as <c>ESF0201</c>.</summary>
    public string Code { get; } = Code;

    /// <summary>The severity every diagnostic with this code has (raised to error when warnings are errors).</summary>
    public DiagnosticSeverity Severity { get; } = Severity;

    /// <summary>A one-line English description of the problem, without the offending value.</summary>
    public string Title { get; } = Title;

    /// <summary>The message, a composite format string over the values it names (formatted with the invariant culture; text values longer than 80 characters are clipped).</summary>
    public string MessageFormat { get; } = MessageFormat;
}
