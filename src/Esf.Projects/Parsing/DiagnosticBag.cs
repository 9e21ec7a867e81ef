using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Esf.Projects.Parsing;

/// <summary>
/// Collects diagnostics during one parse; severities and messages come from the catalogue
/// (<see cref="DiagnosticCodes.All"/>) so they cannot drift. At most <paramref name="maxPerCode"/> of one code are
/// kept (the rest are only counted, their messages never formatted), and one ESF0013 per such code says how many
/// more there were: a page of a million unmarked list lines costs a hundred diagnostics, not a million.
/// </summary>
internal sealed class DiagnosticBag(bool warningsAsErrors = false, int maxPerCode = int.MaxValue)
{
    /// <summary>Text values longer than this are clipped in messages, so a huge value cannot make a huge message.</summary>
    private const int ClipLength = 80;

    private List<Diagnostic>? _items;
    private Dictionary<string, (int Kept, int Dropped, SourcePosition Last)>? _perCode;

    public int Count => _items?.Count ?? 0;

    /// <summary>A diagnostic from a user's handler: its code is not in the catalogue, so the severity and message are given.</summary>
    public void AddCustom(string code, DiagnosticSeverity severity, SourcePosition position, string message)
    {
        if (Admit(code, position))
        {
            (_items ??= []).Add(new Diagnostic(code, Raise(severity), position.Line, position.Column, message));
        }
    }

    /// <summary>A diagnostic of the catalogue; <paramref name="args"/> fill its message format.</summary>
    public void Add(string code, SourcePosition position, params Span<object?> args)
    {
        if (Admit(code, position))
        {
            AddAdmitted(code, position, args);
        }
    }

    /// <summary>
    /// A diagnostic of the catalogue that <see cref="Admit"/> let through: for callers whose arguments cost an
    /// allocation to make (the text of a line), made only when the diagnostic is kept.
    /// </summary>
    public void AddAdmitted(string code, SourcePosition position, params Span<object?> args)
    {
        var descriptor = DiagnosticCodes.Find(code) ?? throw new ArgumentException($"'{code}' is not in the catalogue.", nameof(code));
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is string text)
            {
                args[i] = Clip(text);
            }
        }

        var message = string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, args);
        (_items ??= []).Add(new Diagnostic(code, Raise(descriptor.Severity), position.Line, position.Column, message));
    }

    /// <summary>Counts the diagnostic; whether it is kept (its code is under the limit). A kept one must then be added with <see cref="AddAdmitted"/>.</summary>
    public bool Admit(string code, SourcePosition position)
    {
        if (maxPerCode == int.MaxValue)
        {
            return true;
        }

        // One lookup per diagnostic: a page can count hundreds of thousands of them.
        _perCode ??= new(StringComparer.Ordinal);
        ref var counts = ref CollectionsMarshal.GetValueRefOrAddDefault(_perCode, code, out _);
        if (counts.Kept < maxPerCode)
        {
            counts = (counts.Kept + 1, counts.Dropped, position);
            return true;
        }

        counts.Dropped++;
        return false;
    }

    private DiagnosticSeverity Raise(DiagnosticSeverity severity) =>
        warningsAsErrors && severity == DiagnosticSeverity.Warning ? DiagnosticSeverity.Error : severity;

    /// <summary>At most <see cref="ClipLength"/> characters, never splitting a surrogate pair.</summary>
    internal static string Clip(string value)
    {
        if (value.Length <= ClipLength)
        {
            return value;
        }

        return string.Concat(value.AsSpan(0, InputDecoder.CutAt(value, ClipLength - 3)), "...");
    }

    /// <summary>By line, then column, then the order reported. Most pages report nothing or report in page order, so the
    /// list is only sorted (with LINQ's stable sort, which keeps the report order of ties) when it is out of order.</summary>
    public ImmutableArray<Diagnostic> ToSortedArray()
    {
        if (_items is null)
        {
            return [];
        }

        if (_perCode is not null)
        {
            // One summary per code that reached the limit, right after the last one kept (sorting puts it there).
            foreach (var (code, (_, dropped, last)) in _perCode.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (dropped > 0)
                {
                    var descriptor = DiagnosticCodes.Find(DiagnosticCodes.DiagnosticsLimited)!;
                    var message = string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, dropped, Clip(code), maxPerCode);
                    _items.Add(new Diagnostic(descriptor.Code, Raise(descriptor.Severity), last.Line, last.Column, message));
                }
            }

            _perCode = null;
        }

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
