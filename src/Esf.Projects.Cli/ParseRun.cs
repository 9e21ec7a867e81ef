using Esf.Projects.Cli.Output;
using Microsoft.Data.Sqlite;

namespace Esf.Projects.Cli;

/// <summary>
/// One <c>esf parse</c>: finds the inputs, parses them (files in parallel through <see cref="ProjectCorpus"/>,
/// standard input in its turn), writes each result in input order, prints diagnostics in compiler style and a
/// one-line summary on standard error.
/// </summary>
internal sealed class ParseRun(ParseSettings settings, Stream stdin, Stream stdout, TextWriter stderr)
{
    private int _pages;
    private int _withErrors;
    private int _withWarnings;

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var discovery = InputDiscovery.Discover(settings.Paths, settings.Includes, settings.Excludes);
        if (settings.Output is { } target && InputAmong(discovery, settings.Targets()) is { } input)
        {
            stderr.WriteLine($"esf: --output {TerminalText.Escape(target.ToString())} is also an input ({TerminalText.Escape(input)}); write the output elsewhere.");
            return CliApplication.UsageError;
        }

        foreach (var path in discovery.Missing)
        {
            // Its result (ESF0009) is in the output among the others; the run goes on.
            stderr.WriteLine($"esf: no such file or directory: {TerminalText.Escape(path)}");
        }

        if (settings.Verbose)
        {
            foreach (var skipped in discovery.Skipped)
            {
                stderr.WriteLine($"esf: skipped {TerminalText.Escape(skipped.Path)}: {TerminalText.Escape(skipped.Reason)}");
            }
        }

        var existed = settings.Output is { Exists: true };
        IStagedOutput? file = null;
        OutputWriter output;
        try
        {
            file = settings.Stage();
            output = await OutputWriter.CreateAsync(settings, file, stdout).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            file?.Dispose();
            return CannotWrite(e);
        }

        using var partial = file;
        using var progress = settings.Quiet ? null : Progress.Start(discovery.Inputs.Count, stderr);
        var diagnostics = progress is null ? stderr : progress.Writer;
        var interrupted = false;
        Exception? failure = null;
        try
        {
            interrupted = !await WritePagesAsync(discovery, output, diagnostics, progress, cancellationToken).ConfigureAwait(false);
            if (!interrupted)
            {
                await output.CompleteAsync().ConfigureAwait(false);
            }
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            failure = e;
        }

        try
        {
            // Closing flushes (a workbook's last sheets, a file's last batch): a failure there is a failed write too.
            await output.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            failure ??= interrupted ? null : e;
        }

        progress?.Dispose();
        if (failure is not null)
        {
            return CannotWrite(failure);
        }

        if (interrupted)
        {
            stderr.WriteLine(settings.Output is { } abandoned
                ? $"esf: interrupted; nothing was written ({TerminalText.Escape(abandoned.ToString())} {(existed ? "is as it was" : "was not created")})."
                : "esf: interrupted; the output on standard output is incomplete.");
            return CliApplication.Interrupted;
        }

        if (file is not null)
        {
            try
            {
                file.Commit(); // written whole: failures and interruptions returned above
            }
            catch (Exception e) when (IsWriteFailure(e))
            {
                return CannotWrite(e);
            }
        }

        if (!settings.Quiet)
        {
            foreach (var note in output.Notes)
            {
                stderr.WriteLine("esf: " + note);
            }

            stderr.WriteLine(Summary(discovery.Skipped.Count));
        }

        return _withErrors > 0 ? CliApplication.InputHasErrors : CliApplication.Success;
    }

    /// <summary>
    /// Writes every page in input order; false when <paramref name="cancellationToken"/> stopped it first. On
    /// cancellation the pages still being read or parsed are left behind (the process is about to end), so a blocked
    /// read of standard input cannot hold the interruption up.
    /// </summary>
    private async Task<bool> WritePagesAsync(Discovery inputs, OutputWriter output, TextWriter diagnostics, Progress? progress, CancellationToken cancellationToken)
    {
        var cancelled = Task.Delay(Timeout.Infinite, cancellationToken);
        var pages = Pages(inputs, output).GetAsyncEnumerator();
        while (true)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            var next = pages.MoveNextAsync();
            if (!next.IsCompleted)
            {
                // No page ready: what is written so far reaches the reader before the tool waits.
                await output.FlushAsync().ConfigureAwait(false);
                var moved = next.AsTask();
                if (await Task.WhenAny(moved, cancelled).ConfigureAwait(false) == cancelled)
                {
                    _ = moved.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default); // observed, never awaited
                    return false;
                }

                next = new ValueTask<bool>(moved);
            }

            if (!await next.ConfigureAwait(false))
            {
                await pages.DisposeAsync().ConfigureAwait(false);
                return true;
            }

            var page = pages.Current;
            Count(page);
            if (page.Diagnostics is { } text)
            {
                diagnostics.Write(text);
            }

            progress?.Advance(page.Source);
            await output.WriteAsync(page.Output).ConfigureAwait(false);
        }
    }

    /// <summary>The one line for a failed write (exit 3): the output named, standard output's as "the output".</summary>
    private int CannotWrite(Exception e)
    {
        stderr.WriteLine($"esf: cannot write {TerminalText.Escape(settings.Output?.ToString() ?? "the output")}: {TerminalText.Escape(e.Message)}");
        return CliApplication.OutputFailed;
    }

    private static bool IsWriteFailure(Exception e) => e is IOException or UnauthorizedAccessException or SqliteException;

    /// <summary>
    /// The first input that is one of the files the run would replace — the same path in full, or a link to it —
    /// or <see langword="null"/>. Only files that exist can be inputs, so a run to a new output checks nothing, and
    /// each input is resolved once however many files the output has.
    /// </summary>
    private static string? InputAmong(Discovery discovery, IEnumerable<string> targets)
    {
        var comparer = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var existing = targets.Where(File.Exists).Select(OutputFile.Resolve).ToHashSet(comparer);
        return existing.Count == 0 ? null : discovery.Inputs.FirstOrDefault(input => input != "-" && existing.Contains(OutputFile.Resolve(Path.GetFullPath(input))));
    }

    private void Count(Page page)
    {
        _pages++;
        if (page.HasErrors)
        {
            _withErrors++;
        }
        else if (page.HasWarnings)
        {
            _withWarnings++;
        }
    }

    /// <summary>The page's diagnostics for standard error, one compiler-style line each, at or above --min-severity; <see langword="null"/> when none is printed.</summary>
    private string? Report(string source, ProjectParseResult result)
    {
        var text = new System.Text.StringBuilder();
        if (settings.Verbose && _setAside.TryGetValue(result, out var chrome))
        {
            _setAside.Remove(result);
            foreach (var element in (System.Collections.Immutable.ImmutableArray<Html.HtmlSetAside>)chrome)
            {
                text.Append("esf: ").Append(TerminalText.Escape(source)).Append(System.Globalization.CultureInfo.InvariantCulture, $"({element.Position.Line},{element.Position.Column}): set aside {TerminalText.Escape(element.Element)} as site chrome ({TerminalText.Escape(element.Reason)})").Append(Environment.NewLine);
            }
        }

        if (settings.Quiet || result.Diagnostics.IsEmpty)
        {
            return text.Length == 0 ? null : text.ToString();
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            if (diagnostic.Severity >= settings.MinSeverity)
            {
                text.Append(TerminalText.Escape(source)).Append(TerminalText.Escape(diagnostic.ToString())).Append(Environment.NewLine);
            }
        }

        return text.Length == 0 ? null : text.ToString();
    }

    /// <summary>The closing line: <c>esf: 5 pages, 1 with errors, 2 with warnings; 3 files skipped (--verbose lists them)</c>.</summary>
    private string Summary(int skipped)
    {
        var line = $"esf: {Plural(_pages, "page")}, {_withErrors} with errors, {_withWarnings} with warnings";
        if (skipped > 0)
        {
            line += $"; {Plural(skipped, "file")} skipped" + (settings.Verbose ? "" : " (--verbose lists them)");
        }

        return line;
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    /// <summary>
    /// A page as the consumer receives it: whether it has errors or warnings, its lines for standard error and its
    /// output, all made on the worker. It holds no reference to the parse result, so the result (the decoded page
    /// and its model) is garbage as soon as the output is prepared, not kept alive by every page in flight.
    /// </summary>
    private sealed record Page(string Source, bool HasErrors, bool HasWarnings, string? Diagnostics, object Output);

    /// <summary>
    /// The inputs parsed in input order: runs of files in parallel through <see cref="ProjectCorpus"/> (bounded
    /// memory, all cores), each page's output and diagnostics prepared on the worker that parsed it; standard input
    /// in its turn, as is a file opened by the bytes of its name. A file that cannot be read becomes ESF0009 and counts as an error.
    /// </summary>
    private async IAsyncEnumerable<Page> Pages(Discovery discovery, OutputWriter output)
    {
        var inputs = discovery.Inputs;
        var parser = settings.Parser;
        var options = new CorpusOptions { Parser = parser, MaxDegreeOfParallelism = settings.Jobs, ParseBytes = (source, bytes) => ParseBytes(source, bytes.Span, parser, settings.Verbose ? _setAside : null) };
        Page Prepare(string source, ProjectParseResult result) => new(
            source,
            result.HasErrors,
            result.HasWarnings,
            Report(source, result),
            output.Prepare(source, result));

        var start = 0;
        while (start < inputs.Count)
        {
            if (IsStream(inputs[start], out var open))
            {
                // Read as the corpus reads any stream: only as far as the input limit can use, so endless input ends.
                await foreach (var item in ProjectCorpus.ParseStreamsAsync([(inputs[start], open)], options).ConfigureAwait(false))
                {
                    yield return Prepare(item.Source, item.Result ?? Unreadable(item));
                }

                start++;
                continue;
            }

            var end = start;
            while (end < inputs.Count && !IsStream(inputs[end], out _))
            {
                end++;
            }

            var files = inputs.Skip(start).Take(end - start);
            await foreach (var page in ProjectCorpus.SelectFilesAsync(files, item => Prepare(item.Source, item.Result ?? Unreadable(item)), options).ConfigureAwait(false))
            {
                yield return page;
            }

            start = end;
        }

        // Standard input, and a file whose name is not UTF-8, are streams: the corpus's files are opened by name.
        bool IsStream(string input, out Func<Stream> open)
        {
            if (input == "-")
            {
                open = () => new KeptOpen(stdin);
                return true;
            }

            if (discovery.RawPaths.TryGetValue(input, out var bytes))
            {
                open = () => RawNames.Open(bytes);
                return true;
            }

            open = null!;
            return false;
        }
    }

    /// <summary>
    /// An input as page text, or as HTML through Esf.Projects.Html when its name ends <c>.htm</c> or <c>.html</c> or
    /// its bytes begin like an HTML document (<c>&lt;!DOCTYPE html</c>, <c>&lt;html</c>): a saved page named
    /// <c>.txt</c> is read right, and diagnostics point into the HTML.
    /// </summary>
    internal static ProjectParseResult ParseBytes(string source, ReadOnlySpan<byte> bytes, EsfProjectParser parser) => ParseBytes(source, bytes, parser, null);

    /// <summary>As <see cref="ParseBytes(string, ReadOnlySpan{byte}, EsfProjectParser)"/>; with <paramref name="setAside"/>, an HTML page's site chrome is remembered by its result for <c>--verbose</c>.</summary>
    private static ProjectParseResult ParseBytes(string source, ReadOnlySpan<byte> bytes, EsfProjectParser parser, System.Runtime.CompilerServices.ConditionalWeakTable<ProjectParseResult, object>? setAside)
    {
        if (!InputDiscovery.IsHtmlName(source) && !Html.EsfHtml.LooksLikeHtml(bytes[..Math.Min(bytes.Length, 1024)]))
        {
            return parser.Parse(bytes);
        }

        var result = Html.EsfHtml.Parse(bytes, parser, out var chrome);
        if (setAside is not null && !chrome.IsEmpty)
        {
            setAside.AddOrUpdate(result, chrome);
        }

        return result;
    }

    /// <summary>For <c>--verbose</c>: what each HTML page's renderer set aside as site chrome, by its result, until the page's lines are made.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<ProjectParseResult, object> _setAside = [];

    /// <summary>Standard input as the corpus sees a stream it may dispose: disposing it leaves the process's stream open.</summary>
    private sealed class KeptOpen(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static ProjectParseResult Unreadable(CorpusItem item) =>
        ProjectParseResult.ForUnreadableInput(item.ReadError?.Message ?? "unknown error");
}
