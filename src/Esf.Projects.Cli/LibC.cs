using System.Runtime.InteropServices;

namespace Esf.Projects.Cli;

/// <summary>
/// The C library's calls .NET offers no way to: a file opened and a folder listed by the bytes of its name
/// (<see cref="RawNames"/>), and a signal ignored. Called only on the systems the callers check for; "libc" is
/// resolved by the runtime (libc.so.6 on glibc, the C library on musl and macOS).
/// </summary>
internal static class LibC
{
    /// <summary>SIGXFSZ, the signal a write past the file-size limit (<c>ulimit -f</c>) sends, on Linux and macOS.</summary>
    public const int FileSizeLimitSignal = 25;

    /// <summary>SIG_IGN: the signal is discarded by the kernel, and the call that caused it fails instead.</summary>
    public const nint Ignore = 1;

    [DllImport("libc", SetLastError = true)]
    public static extern int open(byte[] path, int flags);

    [DllImport("libc", SetLastError = true)]
    public static extern nint opendir(byte[] path);

    [DllImport("libc", SetLastError = true)]
    public static extern nint readdir(nint directory);

    [DllImport("libc")]
    public static extern int closedir(nint directory);

    [DllImport("libc")]
    public static extern nint signal(int number, nint handler);
}
