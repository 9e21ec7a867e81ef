namespace Esf.Projects.Tests.Properties;

/// <summary>How many generated values each property test checks.</summary>
/// <remarks>
/// One million per property in Release (<c>dotnet test -c Release</c>); 100 000 in the
/// Debug build that CI runs, to keep CI fast. <c>ESF_PROPERTY_ITERATIONS</c> overrides both.
/// </remarks>
internal static class PropertyRuns
{
#if DEBUG
    private const long Default = 100_000;
#else
    private const long Default = 1_000_000;
#endif

    public static long Iterations { get; } =
        long.TryParse(Environment.GetEnvironmentVariable("ESF_PROPERTY_ITERATIONS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : Default;
}
