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

    /// <summary>What was done to one line, while a test records (<see cref="Record"/>).</summary>
    [ThreadStatic]
    private static List<(Work Kind, int Line)>? _record;

    /// <summary>Starts recording, on this thread, each piece of work done to a line (Debug builds).</summary>
    public static void StartRecording() => _record = [];

    /// <summary>Stops recording and returns what was recorded since <see cref="StartRecording"/>, in order.</summary>
    public static List<(Work Kind, int Line)> StopRecording()
    {
        var record = _record ?? [];
        _record = null;
        return record;
    }

    /// <summary>Notes that <paramref name="kind"/> was done to the line at index <paramref name="line"/>, when recording.</summary>
    [Conditional("ESF_COUNT_WORK")]
    public static void Record(Work kind, int line) => _record?.Add((kind, line));
}

/// <summary>The pieces of work on a line that a parse should do at most once.</summary>
internal enum Work
{
    /// <summary>The first pass's classification (<see cref="PageLines"/>).</summary>
    Classify,

    /// <summary>The labels read on demand.</summary>
    ReadLabels,

    /// <summary>The words read on demand.</summary>
    ReadWords,

    /// <summary>A project number read from the line (a title's, or a number field's value).</summary>
    ProjectNumber,
}
