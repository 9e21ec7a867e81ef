namespace Esf.Projects;

/// <summary>A 1-based line and column in the parsed text.</summary>
/// <param name="Line">1-based line; LF, CRLF and a lone CR each end a line.</param>
/// <param name="Column">1-based column in UTF-16 code units; a leading byte-order mark is not counted.</param>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <summary>1-based line; LF, CRLF and a lone CR each end a line.</summary>
    public int Line { get; } = Line;

    /// <summary>1-based column in UTF-16 code units; a leading byte-order mark is not counted.</summary>
    public int Column { get; } = Column;

    /// <summary>Formats as <c>(line,column)</c>, the compiler convention.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"({Line},{Column})");
}
