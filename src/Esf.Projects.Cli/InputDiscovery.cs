using Microsoft.Extensions.FileSystemGlobbing;

namespace Esf.Projects.Cli;

/// <summary>A file left out of a directory, and why.</summary>
internal sealed record SkippedFile(string Path, string Reason);

/// <summary>What the paths of the command line name: the inputs in order (paths that do not exist among them, in their place), the files left out, the paths that do not exist.</summary>
internal sealed record Discovery(IReadOnlyList<string> Inputs, IReadOnlyList<SkippedFile> Skipped, IReadOnlyList<string> Missing);

/// <summary>
/// Finds the pages in the paths of the command line. A file named on the command line is read whatever its name;
/// <c>-</c> is standard input. A directory gives, at any depth, every file whose extension is <c>.txt</c>,
/// <c>.text</c>, <c>.htm</c> or <c>.html</c> in any case (or, with <c>--include</c>, every file matching one of those globs), less those matching
/// an <c>--exclude</c> glob, in ordinal order of their paths, as <see cref="ProjectCorpus.FindFiles"/> walks them:
/// symbolic links to directories are not followed, so a link loop cannot repeat pages or never end, and a
/// subdirectory that cannot be read is an input in its place, reported with ESF0009 and the reason.
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
        foreach (var path in paths)
        {
            if (path == "-" || File.Exists(path))
            {
                inputs.Add(path);
            }
            else if (Directory.Exists(path))
            {
                FromDirectory(path, includes, excludes, inputs, skipped);
            }
            else
            {
                // Kept in its place: reading it fails, which makes it a result with ESF0009 among the others.
                inputs.Add(path);
                missing.Add(path);
            }
        }

        return new Discovery(inputs, skipped, missing);
    }

    private static void FromDirectory(string directory, IReadOnlyList<string> includes, IReadOnlyList<string> excludes, List<string> inputs, List<SkippedFile> skipped)
    {
        // The corpus's own walk: links to folders not followed, and a subfolder that cannot be listed comes back in
        // its place (ending with a separator) to be reported as an unreadable input, whatever the globs say.
        var relative = new List<string>();
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in ProjectCorpus.FindFiles(directory))
        {
            // Relative paths with '/', as the globs are written; the source names keep the directory as given.
            var file = Path.GetRelativePath(directory, Path.TrimEndingDirectorySeparator(path)).Replace('\\', '/');
            if (Path.EndsInDirectorySeparator(path))
            {
                file += "/";
                unreadable.Add(file);
            }

            relative.Add(file);
        }

        var included = Match(directory, relative, includes.Count > 0 ? includes : ["**/*"]);
        var excluded = excludes.Count > 0 ? Match(directory, relative, excludes) : [];
        foreach (var file in relative)
        {
            var source = Path.Join(directory, file.Replace('/', Path.DirectorySeparatorChar));
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
