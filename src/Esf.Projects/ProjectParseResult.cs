using System.Collections.Immutable;
using Esf.Projects.Diagnostics;
using Esf.Projects.Model;

namespace Esf.Projects;

/// <summary>What <see cref="ProjectParser.Parse(string)"/> returns: the project (partial where the page is damaged) and every diagnostic.</summary>
/// <param name="Project">The project; never <see langword="null"/>, even for empty input.</param>
/// <param name="Diagnostics">Every problem and interpretation, ordered by position.</param>
public sealed record ProjectParseResult(EsfProject Project, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Whether any diagnostic is an <see cref="DiagnosticSeverity.Error"/>: some fact on the page is missing from <see cref="Project"/>.</summary>
    public bool HasErrors
    {
        get
        {
            foreach (var diagnostic in Diagnostics)
            {
                if (diagnostic.Severity == DiagnosticSeverity.Error)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
