using System.Diagnostics;

namespace Esf.Projects.Parsing;

/// <summary>
/// Counts the parser's work — characters of lines handed out for inspection — so tests can check that work grows
/// linearly with the input without timing anything. Compiled in only in Debug builds (<c>ESF_COUNT_WORK</c>); in
/// Release the calls vanish and <see cref="Steps"/> stays 0.
/// </summary>
internal static class WorkCounter
{
    [ThreadStatic]
    private static long _steps;

    /// <summary>The steps counted on this thread since the last <see cref="Reset"/>.</summary>
    public static long Steps => _steps;

    public static void Reset() => _steps = 0;

    [Conditional("ESF_COUNT_WORK")]
    public static void Add(long steps) => _steps += steps;
}
