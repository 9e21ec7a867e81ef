namespace Esf.Projects.Cli;

/// <summary>
/// Standard input that was closed when the tool started (<c>esf parse - &lt;&amp;-</c>). The runtime then reuses
/// descriptor 0 for a pipe of its own, and reading "standard input" waited for ever; such an input is instead a read
/// error for <c>-</c> (ESF0009), like any input that cannot be read.
/// </summary>
internal sealed class ClosedInput : Stream
{
    /// <summary>
    /// Whether descriptor 0 is not the standard input the tool was given: on Linux, a pipe whose two ends this process
    /// also holds at higher descriptors (the runtime's own pipe took the free slot), or an anonymous inode. Elsewhere,
    /// or when it cannot be told, <see langword="false"/>.
    /// </summary>
    public static bool WasClosed()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            var target = new FileInfo("/proc/self/fd/0").LinkTarget;
            if (target is null || !(target.StartsWith("pipe:", StringComparison.Ordinal) || target.StartsWith("anon_inode:", StringComparison.Ordinal)))
            {
                return false;
            }

            if (target.StartsWith("anon_inode:", StringComparison.Ordinal))
            {
                return true;
            }

            // The runtime's own pipe has both its ends open here, so when it took descriptor 0 two higher descriptors
            // share it; a standard input given as a pipe shares it with at most one (the console's duplicate).
            var sharing = 0;
            foreach (var descriptor in Directory.EnumerateFiles("/proc/self/fd"))
            {
                if (int.TryParse(Path.GetFileName(descriptor), out var number) && number > 2 && new FileInfo(descriptor).LinkTarget == target)
                {
                    sharing++;
                }
            }

            return sharing >= 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Cannot tell: read it as given.
        }

        return false;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => throw new IOException("Standard input is closed.");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
