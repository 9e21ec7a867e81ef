namespace Esf.Projects.Cli.Output;

/// <summary>
/// The folder of <c>--output</c> for a format of several files (Parquet: one per table), each file written whole or
/// not at all as <see cref="OutputFile"/> writes one: beside its target, renamed into place only when every file of
/// the run is written and closed. A folder the run created and then abandoned is removed again; files in it that are
/// not the run's own are never touched.
/// </summary>
internal sealed class OutputFolder : IStagedOutput
{
    private readonly string _folder;
    private readonly bool _created;
    private readonly Dictionary<string, OutputFile> _files = new(StringComparer.Ordinal);
    private bool _committed;

    private OutputFolder(string folder, bool created)
    {
        _folder = folder;
        _created = created;
    }

    /// <summary>The folder, created when it does not exist, ready for the files named.</summary>
    /// <exception cref="IOException">The folder could not be created, or is a file.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder may not be written.</exception>
    public static OutputFolder For(string folder, IEnumerable<string> names)
    {
        var full = Path.GetFullPath(folder);
        var created = !Directory.Exists(full);
        Directory.CreateDirectory(full);
        var output = new OutputFolder(full, created);
        try
        {
            foreach (var name in names)
            {
                output._files[name] = OutputFile.For(new FileInfo(Path.Combine(full, name)), keepContents: false);
            }
        }
        catch
        {
            output.Dispose();
            throw;
        }

        return output;
    }

    /// <summary>The paths a run over this folder replaces, for the check that no input is among them.</summary>
    public static IEnumerable<string> Targets(string folder, IEnumerable<string> names) => names.Select(name => Path.Combine(Path.GetFullPath(folder), name));

    /// <summary>Where the run writes the file named.</summary>
    public string WritePath(string name) => _files[name].WritePath;

    /// <summary>
    /// Puts every written file in place; call once all are written and closed. Each file that was there is first
    /// moved aside; if any rename fails, the files already put in place are taken out again and those moved aside
    /// put back, so the folder is as it was.
    /// </summary>
    /// <exception cref="IOException">A rename failed; the partial files are removed by <see cref="Dispose"/>.</exception>
    public void Commit()
    {
        var done = new List<(OutputFile File, string? Previous)>();
        try
        {
            foreach (var file in _files.Values)
            {
                string? previous = null;
                if (file.Staged && File.Exists(file.Target))
                {
                    previous = Path.Combine(_folder, $".{Path.GetFileName(file.Target)}.{Guid.NewGuid():N}.esf-previous");
                    File.Move(file.Target, previous);
                }

                done.Add((file, previous));
                file.Commit();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Restore(done);
            throw;
        }

        _committed = true;
        foreach (var (_, previous) in done)
        {
            if (previous is not null)
            {
                TryDelete(previous);
            }
        }
    }

    /// <summary>Undoes a commit that failed part way: each new file taken out, each previous one put back.</summary>
    private static void Restore(List<(OutputFile File, string? Previous)> done)
    {
        for (var i = done.Count - 1; i >= 0; i--)
        {
            var (file, previous) = done[i];
            try
            {
                if (previous is not null)
                {
                    File.Move(previous, file.Target, overwrite: true);
                }
                else if (file.Staged && !File.Exists(file.WritePath))
                {
                    File.Delete(file.Target); // it was put in place, and there was nothing before it
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Nothing more can be done; the run reports the failure that started this.
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file moved aside that cannot be removed stays hidden beside the new one; the run succeeded.
        }
    }

    /// <summary>Unless <see cref="Commit"/> succeeded: removes the partial files, and the folder when this run created it and nothing else is in it.</summary>
    public void Dispose()
    {
        foreach (var file in _files.Values)
        {
            file.Dispose();
        }

        if (!_committed && _created)
        {
            try
            {
                if (!Directory.EnumerateFileSystemEntries(_folder).Any())
                {
                    Directory.Delete(_folder);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Nothing more can be done; the run already reports why it stopped.
            }
        }
    }
}

/// <summary>An output written aside and put in place only when the run succeeds: a file (<see cref="OutputFile"/>) or a folder of files (<see cref="OutputFolder"/>).</summary>
internal interface IStagedOutput : IDisposable
{
    /// <summary>Puts what was written in place of what was there.</summary>
    void Commit();
}
