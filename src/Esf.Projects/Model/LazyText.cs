namespace Esf.Projects;

/// <summary>
/// Text held as a slice — of the input when the input already holds exactly these characters, otherwise of one
/// string built for the section — and turned into a <see cref="string"/> the first time it is read.
/// </summary>
/// <remarks>
/// Equality and hashing are by content (ordinal), so records holding one compare as if they held strings. The cache
/// is written without a lock: two threads reading at once may each build an equal string, which is harmless.
/// Must live in a non-readonly field so that the cache sticks.
/// </remarks>
internal struct LazyText : IEquatable<LazyText>
{
    private readonly ReadOnlyMemory<char> _memory;
    private string? _string;

    public LazyText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _memory = text.AsMemory();
        _string = text;
    }

    public LazyText(ReadOnlyMemory<char> memory)
    {
        _memory = memory;
        _string = memory.IsEmpty ? string.Empty : null;
    }

    public readonly ReadOnlyMemory<char> Memory => _memory;

    public string Value => _string ??= _memory.ToString();

    public readonly bool Equals(LazyText other) => _memory.Span.SequenceEqual(other._memory.Span);

    public override readonly bool Equals(object? obj) => obj is LazyText other && Equals(other);

    public override readonly int GetHashCode() => string.GetHashCode(_memory.Span, StringComparison.Ordinal);

    public override string ToString() => Value;
}
