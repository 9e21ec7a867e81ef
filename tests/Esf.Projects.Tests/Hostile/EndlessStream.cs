namespace Esf.Projects.Tests.Hostile;

/// <summary>A stream that never ends, as <c>/dev/zero</c> or endless standard input: <paramref name="start"/>, then the letter a for ever.</summary>
internal sealed class EndlessStream(string start = "") : Stream
{
    private readonly byte[] _start = System.Text.Encoding.UTF8.GetBytes(start);

    /// <summary>How many bytes were read from it.</summary>
    public long Served { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var span = buffer.AsSpan(offset, count);
        for (var i = 0; i < span.Length; i++)
        {
            var at = Served + i;
            span[i] = at < _start.Length ? _start[at] : (byte)'a';
        }

        Served += count;
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
