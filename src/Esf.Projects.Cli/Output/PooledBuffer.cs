using System.Buffers;

namespace Esf.Projects.Cli.Output;

/// <summary>
/// A growable UTF-8 buffer on <see cref="ArrayPool{T}.Shared"/>: a page is serialised into it on a worker, written
/// by the consumer, then returned. Pages in flight are bounded (the corpus's limit), so the pool's arrays are too,
/// and a corpus of any size allocates no page-sized arrays of its own.
/// </summary>
internal sealed class PooledBuffer : IBufferWriter<byte>
{
    private byte[] _array = ArrayPool<byte>.Shared.Rent(16 * 1024);

    public int Length { get; private set; }

    public ReadOnlyMemory<byte> Written => _array.AsMemory(0, Length);

    public Span<byte> WrittenSpan => _array.AsSpan(0, Length);

    public void Advance(int count) => Length += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsMemory(Length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsSpan(Length);
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        Advance(bytes.Length);
    }

    /// <summary>Keeps only the first <paramref name="length"/> bytes written.</summary>
    public void Truncate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, Length);
        Length = length;
    }

    /// <summary>Gives the array back to the pool; the buffer must not be used after.</summary>
    public void Return()
    {
        ArrayPool<byte>.Shared.Return(_array);
        _array = [];
        Length = 0;
    }

    private void Ensure(int sizeHint)
    {
        var needed = Length + Math.Max(sizeHint, 1);
        if (needed <= _array.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _array.Length * 2));
        _array.AsSpan(0, Length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = larger;
    }
}
