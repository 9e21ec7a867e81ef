using System.Collections.Immutable;
using Esf.Projects.Diagnostics;
using Esf.Projects.Model;

namespace Esf.Projects.Parsing;

/// <summary>Collects diagnostics during one parse; severities come from the catalogue so they cannot drift.</summary>
internal sealed class DiagnosticBag(bool warningsAsErrors = false)
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>A diagnostic from a user's handler: its code is not in the catalogue, so the severity is given.</summary>
    public void AddCustom(string code, DiagnosticSeverity severity, SourcePosition position, string message) =>
        _items.Add(new Diagnostic(code, Raise(severity), position.Line, position.Column, message));

    private DiagnosticSeverity Raise(DiagnosticSeverity severity) =>
        warningsAsErrors && severity == DiagnosticSeverity.Warning ? DiagnosticSeverity.Error : severity;

    public void Add(string code, SourcePosition position, string message)
    {
        var severity = DiagnosticCodes.Find(code)?.Severity ?? DiagnosticSeverity.Error;
        _items.Add(new Diagnostic(code, Raise(severity), position.Line, position.Column, message));
    }

    public ImmutableArray<Diagnostic> ToSortedArray() =>
        [.. _items.Select((d, i) => (d, i)).OrderBy(x => x.d.Line).ThenBy(x => x.d.Column).ThenBy(x => x.i).Select(x => x.d)];
}
