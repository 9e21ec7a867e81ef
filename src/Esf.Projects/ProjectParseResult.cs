using System.Collections.Immutable;

namespace Esf.Projects;

/// <summary>What <see cref="ProjectParser.Parse(string)"/> returns: the project (partial where the page is damaged) and every diagnostic.</summary>
/// <param name="Project">The project; never <see langword="null"/>, even for empty input.</param>
/// <param name="Diagnostics">Every problem and interpretation, ordered by position.</param>
/// <remarks>Equality is by content (the project's, see <see cref="EsfProject"/>, and the diagnostics in order): parsing the same text twice gives equal results.</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Json.EsfJson.ResultConverter))]
public sealed record ProjectParseResult(EsfProject Project, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>The project; never <see langword="null"/>, even for empty input.</summary>
    public EsfProject Project { get; } = Project;

    /// <summary>Every problem and interpretation, ordered by position.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; } = Diagnostics;

    private const int MaxReasonLength = 2_000;

    /// <summary>The result for an input that could not be read at all (a file that vanished, a permission refused): an empty project and one ESF0009 error saying why.</summary>
    /// <param name="reason">Why, in English; its line breaks become spaces. Kept whole in the message (up to 2 000 characters), unlike a page's values.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is <see langword="null"/>.</exception>
    public static ProjectParseResult ForUnreadableInput(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        // The reason is the tool's text (an I/O error naming the file), not page text: it is kept whole, not clipped
        // like a page's values, up to a bound that no real reason reaches.
        var descriptor = DiagnosticCodes.Find(DiagnosticCodes.UnreadableInput)!;
        var text = reason.ReplaceLineEndings(" ");
        text = text.Length <= MaxReasonLength ? text : string.Concat(text.AsSpan(0, Parsing.InputDecoder.CutAt(text, MaxReasonLength - 3)), "...");
        var message = string.Format(System.Globalization.CultureInfo.InvariantCulture, descriptor.MessageFormat, text);
        return new ProjectParseResult(EsfProject.Empty, [new Diagnostic(descriptor.Code, descriptor.Severity, 1, 1, message)]);
    }

    /// <summary>Compares the projects and the diagnostics, one by one.</summary>
    /// <param name="other">The other result.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(ProjectParseResult? other) =>
        other is not null && Project.Equals(other.Project) && Diagnostics.SequenceEqual(other.Diagnostics);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Project, Diagnostics.Length);

    /// <summary>The project and the number of diagnostics, for debugging.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        Project + " (" + Diagnostics.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " diagnostics)";

    /// <summary>Whether any diagnostic is an <see cref="DiagnosticSeverity.Error"/>: some fact on the page is missing from <see cref="Project"/>.</summary>
    public bool HasErrors => Has(DiagnosticSeverity.Error);

    /// <summary>Whether any diagnostic is a <see cref="DiagnosticSeverity.Warning"/>: the result holds what the page says,
    /// but the page looks inconsistent or unusual (a field given twice, a label without a value). Independent of
    /// <see cref="HasErrors"/>: a page with errors only has no warnings.</summary>
    public bool HasWarnings => Has(DiagnosticSeverity.Warning);

    private bool Has(DiagnosticSeverity severity)
    {
        foreach (var diagnostic in Diagnostics)
        {
            if (diagnostic.Severity == severity)
            {
                return true;
            }
        }

        return false;
    }
}
