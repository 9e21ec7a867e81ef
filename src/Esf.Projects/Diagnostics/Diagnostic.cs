namespace Esf.Projects;

/// <summary>
/// One problem or interpretation found while parsing a page, positioned on the offending text.
/// </summary>
/// <param name="Code">The stable code from <see cref="DiagnosticCodes"/>, such as <c>ESF0201</c>; safe to filter and count on.</param>
/// <param name="Severity">How serious the problem is.</param>
/// <param name="Line">1-based line of the offending text; lines end at LF, CRLF or a lone CR.</param>
/// <param name="Column">1-based column (in UTF-16 code units) of the offending text within its line.</param>
/// <param name="Message">An English sentence naming the offending value; its wording may change between versions, the code does not.</param>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, int Line, int Column, string Message)
{
    /// <summary>The stable code from <see cref="DiagnosticCodes"/>, such as <c>ESF0201</c>; safe to filter and count on.</summary>
    public string Code { get; } = Code;

    /// <summary>How serious the problem is.</summary>
    public DiagnosticSeverity Severity { get; } = Severity;

    /// <summary>1-based line of the offending text; lines end at LF, CRLF or a lone CR.</summary>
    public int Line { get; } = Line;

    /// <summary>1-based column (in UTF-16 code units) of the offending text within its line.</summary>
    public int Column { get; } = Column;

    /// <summary>An English sentence naming the offending value; its wording may change between versions, the code does not.</summary>
    public string Message { get; } = Message;

    /// <summary>Formats the diagnostic the way compilers do: <c>(line,col): warning ESF0203: message</c>.</summary>
    /// <returns>The compiler-style text, without a file name.</returns>
    public override string ToString() =>
        $"({Line.ToString(System.Globalization.CultureInfo.InvariantCulture)},{Column.ToString(System.Globalization.CultureInfo.InvariantCulture)}): {SeverityText(Severity)} {Code}: {Message}";

    /// <summary>The lower-case English word for a severity, as used in compiler-style output and JSON.</summary>
    /// <param name="severity">The severity to name.</param>
    /// <returns><c>error</c>, <c>warning</c> or <c>info</c>.</returns>
    public static string SeverityText(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
