using Microsoft.Extensions.FileSystemGlobbing;

namespace Esf.Projects.Cli;

/// <summary>A file left out of a directory, and why.</summary>
internal sealed record SkippedFile(string Path, string Reason);

/// <summary>
/// What the paths of the command line name: the inputs in order (paths that do not exist among them, in their place),
/// the files left out, the paths that do not exist, and the bytes of each input whose name is not UTF-8, by the
/// input's shown name (<see cref="RawNames"/>).
/// </summary>
internal sealed record Discovery(IReadOnlyList<string> Inputs, IReadOnlyList<SkippedFile> Skipped, IReadOnlyList<string> Missing, IReadOnlyDictionary<string, byte[]> RawPaths);

/// <summary>
/// Finds the pages in the paths of the command line. A file named on the command line is read whatever its name;
/// <c>-</c> is standard input. A directory gives, at any depth, every file whose extension is <c>.txt</c>,
/// <c>.text</c>, <c>.htm</c> or <c>.html</c> in any case (or, with <c>--include</c>, every file matching one of those globs), less those matching
/// an <c>--exclude</c> glob, in ordinal order of their paths, as <see cref="ProjectCorpus.FindFiles"/> walks them:
/// symbolic links to directories are not followed, so a link loop cannot repeat pages or never end, and a
/// subdirectory that cannot be read is an input in its place, reported with ESF0009 and the reason. A name that is
/// not UTF-8 is found by its bytes (<see cref="RawNames"/>).
/// </summary>
internal static class InputDiscovery
{
    private static readonly string[] PageExtensions = [".txt", ".text", ".htm", ".html"];

    /// <summary>Whether a file's name says it is HTML (<c>.htm</c>, <c>.html</c>, any case).</summary>
    public static bool IsHtmlName(string path) =>
        Path.GetExtension(path) is { } extension && (extension.Equals(".htm", StringComparison.OrdinalIgnoreCase) || extension.Equals(".html", StringComparison.OrdinalIgnoreCase));

    public static Discovery Discover(IReadOnlyList<string> paths, IReadOnlyList<string> includes, IReadOnlyList<string> excludes)
    {
        var inputs = new List<string>();
        var skipped = new List<SkippedFile>();
        var missing = new List<string>();
        var raw = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var lossy = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (path == "-" || File.Exists(path))
            {
                inputs.Add(path);
            }
            else if (Directory.Exists(path))
            {
                // The corpus's own walk, whose names that are not UTF-8 are found again by their bytes: the walk
                // lists names that read the same together, and they take the bytes that read so in byte order.
                var found = new List<(string, byte[]?)>();
                List<byte[]> resolved = [];
                string? previous = null;
                var same = 0;
                foreach (var file in ProjectCorpus.FindFiles(path))
                {
                    if (!RawNames.IsLossy(file))
                    {
                        Found(path, file, null, found);
                        continue;
                    }

                    if (file != previous)
                    {
                        (previous, same) = (file, 0);
                        resolved = RawNames.Resolve(Path.TrimEndingDirectorySeparator(file));
                    }

                    Found(path, file, same < resolved.Count ? resolved[same++] : null, found);
                }

                Select(path, found, includes, excludes, inputs, skipped, raw);
            }
            else if (RawNames.IsLossy(path) && RawNames.FromCommandLine(path, Occurrence(path)) is { } bytes)
            {
                var shown = RawNames.Show(bytes);
                if (RawNames.IsFolder(bytes))
                {
                    var found = RawNames.Walk(bytes).Select(f => (f.Relative, (byte[]?)f.Bytes)).ToList();
                    Select(shown, found, includes, excludes, inputs, skipped, raw);
                }
                else
                {
                    inputs.Add(shown);
                    raw[shown] = bytes;
                }
            }
            else
            {
                // Kept in its place: reading it fails, which makes it a result with ESF0009 among the others.
                inputs.Add(path);
                missing.Add(path);
            }
        }

        return new Discovery(inputs, skipped, missing, raw);

        // How many times the same lossy path was given before: the arguments that read the same, in their order.
        int Occurrence(string path)
        {
            var before = lossy.GetValueOrDefault(path);
            lossy[path] = before + 1;
            return before;
        }
    }

    /// <summary>
    /// One path of the corpus's walk of <paramref name="directory"/> as a path relative to it, with <c>/</c> as the
    /// globs are written; a subfolder that cannot be listed comes back in its place (ending with <c>/</c>) to be
    /// reported as an unreadable input, whatever the globs say — unless it only could not be listed because its
    /// name is not UTF-8, when its files are listed by their bytes.
    /// </summary>
    private static void Found(string directory, string path, byte[]? bytes, List<(string Relative, byte[]? Bytes)> found)
    {
        var unreadable = Path.EndsInDirectorySeparator(path);
        var file = Slashed(Path.GetRelativePath(directory, Path.TrimEndingDirectorySeparator(path)));
        if (bytes is not null)
        {
            file = Path.GetRelativePath(directory, RawNames.Show(bytes));
            if (unreadable && RawNames.IsFolder(bytes))
            {
                found.AddRange(RawNames.Walk(bytes).Select(f => (file + "/" + f.Relative, (byte[]?)f.Bytes)));
                return;
            }
        }

        found.Add((unreadable ? file + "/" : file, unreadable ? null : bytes));
    }

    /// <summary>A relative path with <c>/</c> between names, as globs are written: on Windows its <c>\</c> replaced; elsewhere <c>\</c> is part of a name.</summary>
    private static string Slashed(string path) => Path.DirectorySeparatorChar == '/' ? path : path.Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>The files found under <paramref name="directory"/> as inputs, in ordinal order, or as skipped files with the reason.</summary>
    private static void Select(string directory, List<(string Relative, byte[]? Bytes)> found, IReadOnlyList<string> includes, IReadOnlyList<string> excludes, List<string> inputs, List<SkippedFile> skipped, Dictionary<string, byte[]> raw)
    {
        found.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        var relative = found.Select(f => f.Relative).ToList();
        var unreadable = relative.Where(f => f.EndsWith('/')).ToHashSet(StringComparer.Ordinal);
        var included = Match(directory, relative, includes.Count > 0 ? includes : ["**/*"]);
        var excluded = excludes.Count > 0 ? Match(directory, relative, excludes) : [];
        foreach (var (file, bytes) in found)
        {
            var source = Path.Join(directory, file.Replace('/', Path.DirectorySeparatorChar));
            if (bytes is not null)
            {
                raw[source] = bytes;
            }

            if (unreadable.Contains(file))
            {
                inputs.Add(source);
            }
            else if (excluded.Contains(file))
            {
                skipped.Add(new SkippedFile(source, "matches --exclude"));
            }
            else if (!included.Contains(file))
            {
                skipped.Add(new SkippedFile(source, "matches no --include"));
            }
            else if (includes.Count == 0 && !PageExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            {
                skipped.Add(new SkippedFile(source, "not a .txt, .text, .htm or .html file"));
            }
            else
            {
                inputs.Add(source);
            }
        }
    }

    /// <summary>The relative paths that match any of the globs, compared ignoring case as Windows and macOS folders do.</summary>
    private static HashSet<string> Match(string directory, List<string> relative, IReadOnlyList<string> globs)
    {
        var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
        matcher.AddIncludePatterns(globs);
        return matcher.Match(directory, relative).Files.Select(f => f.Path).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
