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
