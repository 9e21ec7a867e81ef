using System.Collections.Immutable;
using Esf.Projects.Diagnostics;
using Esf.Projects.Model;

namespace Esf.Projects.Parsing;

/// <summary>Collects diagnostics during one parse; severities come from the catalogue so they cannot drift.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public void Add(string code, SourcePosition position, string message)
    {
        var severity = DiagnosticCodes.Find(code)?.Severity ?? DiagnosticSeverity.Error;
        _items.Add(new Diagnostic(code, severity, position.Line, position.Column, message));
    }

    public ImmutableArray<Diagnostic> ToSortedArray() =>
        [.. _items.Select((d, i) => (d, i)).OrderBy(x => x.d.Line).ThenBy(x => x.d.Column).ThenBy(x => x.i).Select(x => x.d)];
}
