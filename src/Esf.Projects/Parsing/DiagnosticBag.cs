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

    /// <summary>By line, then column, then the order reported. Most pages report nothing or report in page order, so the
    /// list is only sorted (with LINQ's stable sort, which keeps the report order of ties) when it is out of order.</summary>
    public ImmutableArray<Diagnostic> ToSortedArray()
    {
        for (var i = 1; i < _items.Count; i++)
        {
            if (ByPosition.Compare(_items[i - 1], _items[i]) > 0)
            {
                return [.. _items.Order(ByPosition)];
            }
        }

        return [.. _items];
    }

    /// <summary>The one definition of the order, used both to detect disorder and to sort.</summary>
    private static readonly Comparer<Diagnostic> ByPosition =
        Comparer<Diagnostic>.Create(static (a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
}
