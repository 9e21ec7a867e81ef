namespace Esf.Projects.Tests;

/// <summary>A fact about Unix file types (FIFOs, devices): skipped, and shown as skipped, on Windows.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix file types only";
        }
    }
}

/// <summary>
/// A fact about Unix permissions: skipped, and shown as skipped, on Windows and when the tests run as root, who reads
/// any folder (CI runs as root; <c>eng/hostile-cli.sh</c> checks the same case as an unprivileged user there).
/// </summary>
public sealed class UnprivilegedUnixFactAttribute : FactAttribute
{
    public UnprivilegedUnixFactAttribute()
    {
        if (OperatingSystem.IsWindows() || Environment.IsPrivilegedProcess)
        {
            Skip = "needs Unix permissions and an unprivileged user";
        }
    }
}

/// <summary>A theory about Unix processes and signals: skipped, and shown as skipped, on Windows.</summary>
public sealed class UnixTheoryAttribute : TheoryAttribute
{
    public UnixTheoryAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix signals only";
        }
    }
}

/// <summary>A fact about Linux, whose file names are bytes (not UTF-8 at times): skipped, and shown as skipped, elsewhere.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Linux file names only";
        }
    }
}
