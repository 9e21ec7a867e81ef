using System.Text;

namespace Esf.Projects.Cli;

/// <summary>
/// Standard error that cannot stop the run: once a write fails (a closed descriptor, <c>2&gt;/dev/full</c>, a reader
/// that went away) every later write is dropped. Diagnostics and the summary are a report about the run; the output
/// and the exit code still say what happened, so losing the report is no reason to lose the run.
/// </summary>
internal sealed class FailSafeWriter(TextWriter inner) : TextWriter
{
    /// <summary>The writer written through.</summary>
    public TextWriter Inner { get; } = inner;

    /// <summary>Whether a write has failed, so everything since was dropped.</summary>
    public bool Failed { get; private set; }

    public override Encoding Encoding => Inner.Encoding;

    public override string NewLine
    {
        get => Inner.NewLine;
#pragma warning disable CS8765 // TextWriter.NewLine's setter takes null for the default; so does the inner writer's.
        set => Inner.NewLine = value;
#pragma warning restore CS8765
    }

    public override void Write(char value) => Try(() => Inner.Write(value));

    public override void Write(string? value) => Try(() => Inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Try(() => Inner.Write(buffer, index, count));

    public override void WriteLine(string? value) => Try(() => Inner.WriteLine(value));

    public override void Flush() => Try(Inner.Flush);

    private void Try(Action write)
    {
        if (Failed)
        {
            return;
        }

        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or UnauthorizedAccessException or NotSupportedException)
        {
            Failed = true;
        }
    }
}
