using System.Collections.Immutable;
using Esf.Projects.Diagnostics;
using Esf.Projects.Model;
using Esf.Projects.Parsing;

namespace Esf.Projects.Handlers;

/// <summary>What a <see cref="HeaderFieldHandler"/> gets: the header row as read, and a sink for diagnostics.</summary>
public readonly ref struct HeaderFieldContext
{
    private readonly DiagnosticBag _diagnostics;

    internal HeaderFieldContext(HeaderField field, DiagnosticBag diagnostics)
    {
        Field = field;
        _diagnostics = diagnostics;
    }

    /// <summary>The row: label, kind, value as written (<see langword="null"/> when empty or <c>saknas</c>) and positions.</summary>
    public HeaderField Field { get; }

    /// <summary>The value as a span (empty when absent).</summary>
    public ReadOnlySpan<char> Value => Field.Value;

    /// <summary>Reports a problem with the value.</summary>
    /// <param name="severity">Its severity.</param>
    /// <param name="code">Your own code (<c>ESF</c> is reserved).</param>
    /// <param name="message">An English sentence.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> or <paramref name="message"/> is blank.</exception>
    public void Report(DiagnosticSeverity severity, string code, string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        _diagnostics.AddCustom(code, severity, Field.ValuePosition, message);
    }
}

/// <summary>
/// Reads the value of header rows with given labels into a typed result, attached to the row
/// (<see cref="HeaderField.GetData{T}"/>, <see cref="EsfProject.GetFieldData{T}"/>). Its labels are added to the
/// parser's vocabulary (kind <see cref="HeaderFieldKind.Unknown"/> unless already known), so a handler can teach a
/// new label. Every matching handler runs, in order; one that throws becomes ESF0303 at the value. Keep handlers stateless.
/// </summary>
public abstract class HeaderFieldHandler
{
    /// <summary>Creates a handler for the given labels (matched ignoring case, ordinally).</summary>
    /// <param name="labels">One or more labels, such as <c>Diarienummer</c>.</param>
    /// <exception cref="ArgumentException">No label, or a blank one.</exception>
    protected HeaderFieldHandler(params string[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length == 0 || Array.Exists(labels, string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Give at least one label, none of them blank.", nameof(labels));
        }

        Labels = [.. labels.Select(l => l.Trim())];
    }

    /// <summary>The labels claimed.</summary>
    public ImmutableArray<string> Labels { get; }

    /// <summary>The name used in diagnostics: the type name unless overridden.</summary>
    public virtual string Name => GetType().Name;

    /// <summary>Whether a row's label is claimed.</summary>
    /// <param name="label">The label as written.</param>
    /// <returns>Whether it matches.</returns>
    public bool Matches(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return Labels.Any(l => string.Equals(l, label.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Reads a row; called only for a claimed label.</summary>
    /// <param name="context">The row and the diagnostic sink.</param>
    /// <returns>The result, or <see langword="null"/> for none.</returns>
    public abstract object? HandleField(HeaderFieldContext context);
}

/// <summary>A header field handler with a typed result.</summary>
/// <typeparam name="TData">The result type.</typeparam>
public abstract class HeaderFieldHandler<TData> : HeaderFieldHandler
    where TData : class
{
    /// <summary>Creates a handler for the given labels.</summary>
    /// <param name="labels">One or more labels.</param>
    protected HeaderFieldHandler(params string[] labels)
        : base(labels)
    {
    }

    /// <summary>Reads a row into <typeparamref name="TData"/>.</summary>
    /// <param name="context">The row and the diagnostic sink.</param>
    /// <returns>The result, or <see langword="null"/>.</returns>
    public abstract TData? Handle(HeaderFieldContext context);

    /// <inheritdoc />
    public sealed override object? HandleField(HeaderFieldContext context) => Handle(context);
}
