using System.Runtime.InteropServices;
using Esf.Projects.Cli;

// SIGINT (Ctrl-C) and SIGTERM interrupt the run instead of killing the process: the run stops writing, leaves an
// --output file as it was and says so; the exit code is then 128 + the signal's number, as shells expect.
using var interrupt = new CancellationTokenSource();
var signal = 0;
void Interrupt(PosixSignalContext context, int number)
{
    context.Cancel = true;
    Interlocked.CompareExchange(ref signal, number, 0);
    interrupt.Cancel();
}

using var sigint = Register(PosixSignal.SIGINT, context => Interrupt(context, 2));
using var sigterm = Register(PosixSignal.SIGTERM, context => Interrupt(context, 15));

// A file-size limit (ulimit -f) sends SIGXFSZ, which would end the process mid-write and leave the partial file:
// ignored, the write fails with EFBIG instead, and the run reports it (exit 3) and cleans up. Ignored in the kernel,
// not handled: a handler runs on a thread of its own, and under load the signal's default action was seen to win.
if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
{
    LibC.signal(LibC.FileSizeLimitSignal, LibC.Ignore);
}

using var stdin = ClosedInput.WasClosed() ? new ClosedInput() : Console.OpenStandardInput();
using var stdout = Console.OpenStandardOutput();
var exit = await CliApplication.RunAsync(args, stdin, stdout, new FailSafeWriter(Console.Error), interrupt.Token).ConfigureAwait(false);
return exit == CliApplication.Interrupted ? 128 + Volatile.Read(ref signal) : exit;

// A platform that does not deliver a signal to handlers (PlatformNotSupportedException) keeps its default for it.
static PosixSignalRegistration? Register(PosixSignal signal, Action<PosixSignalContext> handler)
{
    try
    {
        return PosixSignalRegistration.Create(signal, handler);
    }
    catch (PlatformNotSupportedException)
    {
        return null;
    }
}
