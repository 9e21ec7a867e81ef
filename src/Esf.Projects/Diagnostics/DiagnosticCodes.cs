using System.Collections.Immutable;

namespace Esf.Projects.Diagnostics;

/// <summary>
/// The catalogue of every diagnostic the parser reports: one stable code per kind of problem.
/// </summary>
/// <remarks>
/// Codes never change meaning and are never reused; filter and count on them, not on messages.
/// <c>ESF00xx</c> concern the input as a whole, <c>ESF01xx</c> the header's layout, <c>ESF02xx</c> the header's
/// values, <c>ESF03xx</c> the sections. <see cref="All"/> lists them with severity and title; the README's
/// diagnostic table is checked against it by a test.
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

    /// <summary>ESF0005 (warning): no title line stands before the header.</summary>
    public const string NoTitle = "ESF0005";

    /// <summary>ESF0006 (error): the input is longer than <see cref="ProjectParserOptions.MaxInputLength"/>; only the text up to the limit was parsed.</summary>
    public const string InputTooLong = "ESF0006";

    /// <summary>ESF0007 (warning): the page has more sections than <see cref="ProjectParserOptions.MaxSections"/>; later headings were read as text of the last section.</summary>
    public const string TooManySections = "ESF0007";

    /// <summary>ESF0008 (warning): a list has more items than <see cref="ProjectParserOptions.MaxListItems"/>; the rest were dropped from the project's list (they stay in the section).</summary>
    public const string TooManyListItems = "ESF0008";

    /// <summary>ESF0009 (error): an input could not be read (I/O error, permissions); reported by tools that read files, such as the CLI over <see cref="ProjectCorpus"/>.</summary>
    public const string UnreadableInput = "ESF0009";

    /// <summary>ESF0101 (warning): a header field is given twice; the first value is used, the second is kept as an extra field.</summary>
    public const string DuplicateField = "ESF0101";

    /// <summary>ESF0102 (info): a header value is written as missing (<c>saknas</c>); the value is <see langword="null"/>.</summary>
    public const string ValueWrittenAsMissing = "ESF0102";

    /// <summary>ESF0103 (warning): a header label has no value (the next line is another label, or nothing follows).</summary>
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

    /// <summary>ESF0205 (error): the period ends before it starts.</summary>
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

    /// <summary>ESF0301 (info): a line in a list section (co-financiers, partners, municipalities) has no bullet; it is taken as one item.</summary>
    public const string ListItemWithoutMarker = "ESF0301";

    /// <summary>ESF0302 (info): a section heading is followed by no content.</summary>
    public const string EmptySection = "ESF0302";

    /// <summary>ESF0303 (error): a section handler threw; the section is kept without that handler's result, and the message names the handler and the exception.</summary>
    public const string HandlerFailed = "ESF0303";

    /// <summary>Every code with its severity and a one-line title, in code order.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } =
    [
        new(EmptyInput, DiagnosticSeverity.Error, "The input is empty."),
        new(NoHeader, DiagnosticSeverity.Error, "No project header was found."),
        new(InvalidUtf8, DiagnosticSeverity.Error, "The input is not valid UTF-8."),
        new(ControlCharacters, DiagnosticSeverity.Warning, "The input contains control characters."),
        new(NoTitle, DiagnosticSeverity.Warning, "No project title was found."),
        new(InputTooLong, DiagnosticSeverity.Error, "The input exceeds the maximum length and was cut."),
        new(TooManySections, DiagnosticSeverity.Warning, "The page has more sections than the limit."),
        new(TooManyListItems, DiagnosticSeverity.Warning, "A list has more items than the limit."),
        new(UnreadableInput, DiagnosticSeverity.Error, "An input could not be read."),
        new(DuplicateField, DiagnosticSeverity.Warning, "A header field is given twice."),
        new(ValueWrittenAsMissing, DiagnosticSeverity.Info, "A header value is written as missing (saknas)."),
        new(EmptyValue, DiagnosticSeverity.Warning, "A header label has no value."),
        new(UnknownLabel, DiagnosticSeverity.Info, "An unknown header label was kept as an extra field."),
        new(UnplacedText, DiagnosticSeverity.Warning, "Text in the header could not be placed."),
        new(InvalidAmount, DiagnosticSeverity.Error, "An amount could not be read."),
        new(AmountOverflow, DiagnosticSeverity.Error, "An amount is too large."),
        new(InvalidPeriod, DiagnosticSeverity.Error, "The project period could not be read."),
        new(ImpossibleDate, DiagnosticSeverity.Error, "A date does not exist."),
        new(ReversedPeriod, DiagnosticSeverity.Error, "The project period ends before it starts."),
        new(ProgramAreaWithoutNumber, DiagnosticSeverity.Warning, "The program area has no number."),
        new(GrantedExceedsTotal, DiagnosticSeverity.Warning, "The granted ESF support exceeds the total budget."),
        new(InvalidNumber, DiagnosticSeverity.Error, "A whole number could not be read."),
        new(InvalidPercentage, DiagnosticSeverity.Error, "A percentage could not be read."),
        new(InvalidEmail, DiagnosticSeverity.Warning, "The e-mail address is malformed."),
        new(InvalidPhone, DiagnosticSeverity.Warning, "The phone number is not a Swedish number."),
        new(UnknownMunicipality, DiagnosticSeverity.Warning, "A municipality name matches no Swedish municipality."),
        new(UnknownRegion, DiagnosticSeverity.Info, "The region is not an ESF region."),
        new(RegionMismatch, DiagnosticSeverity.Warning, "The region disagrees with the municipalities' counties."),
        new(CofinancingRateMismatch, DiagnosticSeverity.Warning, "The stated co-financing rate disagrees with the budget."),
        new(ListItemWithoutMarker, DiagnosticSeverity.Info, "A list line has no bullet marker."),
        new(EmptySection, DiagnosticSeverity.Info, "A section has no content."),
        new(HandlerFailed, DiagnosticSeverity.Error, "A section handler threw an exception."),
    ];

    /// <summary>Finds the descriptor of a code.</summary>
    /// <param name="code">A code such as <c>ESF0201</c>.</param>
    /// <returns>The descriptor, or <see langword="null"/> when the code is not in the catalogue.</returns>
    public static DiagnosticDescriptor? Find(string code)
    {
        foreach (var descriptor in All)
        {
            if (descriptor.Code == code)
            {
                return descriptor;
            }
        }

        return null;
    }
}

/// <summary>A catalogue entry: a diagnostic code, its fixed severity, and a one-line title.</summary>
/// <param name="Code">The stable code, such as <c>ESF0201</c>.</param>
/// <param name="Severity">The severity every diagnostic with this code has.</param>
/// <param name="Title">A one-line English description of the problem, without the offending value.</param>
public sealed record DiagnosticDescriptor(string Code, DiagnosticSeverity Severity, string Title);
