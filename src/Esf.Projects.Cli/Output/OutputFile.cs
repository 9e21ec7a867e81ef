namespace Esf.Projects.Cli.Output;

/// <summary>
/// The file of <c>--output</c>, written whole or not at all. The output goes to a hidden file beside the target
/// (<c>.NAME.RANDOM.esf-partial</c>, in the same folder, so the final rename stays on one file system) and is renamed
/// over the target only when the run has succeeded: until then the file that was there is untouched, and a run that
/// fails or is interrupted removes the partial file and leaves no trace.
/// </summary>
/// <remarks>
/// <para>A database that exists is copied to the partial file first, so its rows are updated there and the original
/// is replaced only by a database that committed.</para>
/// <para>Some targets cannot be replaced by a rename: a FIFO, a terminal, <c>/dev/null</c>, <c>/dev/stdout</c>. .NET
/// cannot tell those from an empty regular file, so a target that exists and is empty (after following links), or
/// that lies under <c>/dev</c> or <c>/proc</c>, is written in place; an empty regular file written in place that the
/// run then abandons is truncated back to empty. A symbolic link to a regular file keeps the link: the file it points
/// to is replaced.</para>
/// </remarks>
internal sealed class OutputFile : IStagedOutput
{
    private const string PartialSuffix = ".esf-partial";

    private readonly string _target;
    private bool _done;

    private OutputFile(string target, string writePath, bool staged)
    {
        _target = target;
        WritePath = writePath;
        Staged = staged;
    }

    /// <summary>The file the run replaces (links followed).</summary>
    public string Target => _target;

    /// <summary>Where the run writes: the partial file, or the target itself when it cannot be replaced by a rename.</summary>
    public string WritePath { get; }

    /// <summary>Whether <see cref="WritePath"/> is a partial file renamed over the target by <see cref="Commit"/>.</summary>
    public bool Staged { get; }

    /// <summary>Chooses where to write <paramref name="output"/>; with <paramref name="keepContents"/> an existing target is copied there first.</summary>
    /// <exception cref="IOException">The folder or the existing file could not be read or written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder may not be written.</exception>
    public static OutputFile For(FileInfo output, bool keepContents)
    {
        var target = Resolve(output.FullName);
        if (IsSpecialPlace(target) || (File.Exists(target) && new FileInfo(target).Length == 0))
        {
            return new OutputFile(output.FullName, output.FullName, staged: false);
        }

        var folder = Path.GetDirectoryName(target)!;
        var partial = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}{PartialSuffix}");
        if (keepContents && File.Exists(target))
        {
            File.Copy(target, partial);
        }

        return new OutputFile(target, partial, staged: true);
    }

    /// <summary>Puts the written file in place of the target (an atomic rename); call once everything is written and closed.</summary>
    /// <exception cref="IOException">The rename failed; the partial file is removed by <see cref="Dispose"/>.</exception>
    public void Commit()
    {
        if (Staged)
        {
            File.Move(WritePath, _target, overwrite: true);
        }

        _done = true;
    }

    /// <summary>Unless <see cref="Commit"/> succeeded: removes the partial file (and a database's journal beside it), or truncates an empty file written in place.</summary>
    public void Dispose()
    {
        if (_done)
        {
            return;
        }

        _done = true;
        try
        {
            if (Staged)
            {
                foreach (var path in new[] { WritePath, WritePath + "-journal", WritePath + "-wal", WritePath + "-shm" })
                {
                    File.Delete(path);
                }
            }
            else if (!IsSpecialPlace(WritePath) && new FileInfo(WritePath) is { Exists: true, Length: > 0 })
            {
                // It was empty (or we could not have written in place): give it back empty. A FIFO or device reports 0.
                using var truncate = new FileStream(WritePath, FileMode.Truncate, FileAccess.Write);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done; the run already reports why it stopped.
        }
    }

    /// <summary>A full path with its links followed (<c>/dev/stdout</c> leads under <c>/proc</c>, so it is written in place); the path itself for a link loop.</summary>
    internal static string Resolve(string path)
    {
        try
        {
            return new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
        }
        catch (IOException)
        {
            return path; // a link loop: opening it fails and says so
        }
    }

    private static bool IsSpecialPlace(string path) =>
        path.StartsWith("/dev/", StringComparison.Ordinal) || path.StartsWith("/proc/", StringComparison.Ordinal);
}
