using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Esf.Projects;

/// <summary>One page of a corpus: where it came from, and its parse result or the error that kept it from being read.</summary>
/// <param name="Index">0-based position of the input in the sequence given.</param>
/// <param name="Source">The input's name (its path for files).</param>
/// <param name="Result">The parse result; <see langword="null"/> when the input could not be read.</param>
/// <param name="ReadError">Why the input could not be read (I/O, permissions); <see langword="null"/> when it was.</param>
public sealed record CorpusItem(int Index, string Source, ProjectParseResult? Result, Exception? ReadError);

/// <summary>How <see cref="ProjectCorpus"/> parses many pages.</summary>
public sealed record CorpusOptions
{
    /// <summary>The defaults: one worker per core, results in input order, 64 pages in flight, the default parser.</summary>
    public static CorpusOptions Default { get; } = new();

    /// <summary>Pages parsed at once; <see cref="Environment.ProcessorCount"/> by default.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Whether results come in input order (default) or as they finish (a little faster when page sizes vary a lot).</summary>
    public bool Ordered { get; init; } = true;

    /// <summary>
    /// The most pages read but not yet consumed (64 by default): memory stays bounded by this many pages and their
    /// results, however large the corpus, and a slow consumer slows the readers down instead of filling memory.
    /// </summary>
    public int MaxPagesInFlight { get; init; } = 64;

    /// <summary>The parser; <see cref="EsfProjectParser.Default"/> when <see langword="null"/>.</summary>
    public EsfProjectParser? Parser { get; init; }
}

/// <summary>
/// Parses many pages — a folder, a list of files, or streams — in parallel with bounded memory, as an
/// <see cref="IAsyncEnumerable{T}"/>. Cancelling the token stops reading and parsing promptly.
/// </summary>
public static class ProjectCorpus
{
    /// <summary>Parses every file matching <paramref name="searchPattern"/> under a folder, recursively, in ordinal path order.</summary>
    /// <param name="directory">The folder.</param>
    /// <param name="searchPattern">The file pattern; <c>*.txt</c> by default.</param>
    /// <param name="options">Parallelism, order, memory bound, parser.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>One item per file.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist (when enumeration starts).</exception>
    public static IAsyncEnumerable<CorpusItem> ParseDirectoryAsync(string directory, string searchPattern = "*.txt", CorpusOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(searchPattern);
        var files = Directory.EnumerateFiles(directory, searchPattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        return ParseFilesAsync(files, options, cancellationToken);
    }

    /// <summary>Parses files by path (UTF-8).</summary>
    /// <param name="paths">The files, enumerated lazily.</param>
    /// <param name="options">Parallelism, order, memory bound, parser.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>One item per path; a file that cannot be read is an item with <see cref="CorpusItem.ReadError"/>.</returns>
    public static IAsyncEnumerable<CorpusItem> ParseFilesAsync(IEnumerable<string> paths, CorpusOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return ParseAsync(paths.Select(path => (path, (Func<CancellationToken, Task<ArraySegment<byte>>>)(async ct => new ArraySegment<byte>(await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false))))), options, cancellationToken);
    }

    /// <summary>Parses pages from streams (UTF-8), each opened when its turn comes and disposed after reading.</summary>
    /// <param name="inputs">A name and a way to open each page.</param>
    /// <param name="options">Parallelism, order, memory bound, parser.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>One item per input.</returns>
    public static IAsyncEnumerable<CorpusItem> ParseStreamsAsync(IEnumerable<(string Source, Func<Stream> Open)> inputs, CorpusOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return ParseAsync(inputs.Select(i => (i.Source, (Func<CancellationToken, Task<ArraySegment<byte>>>)(async ct =>
        {
            var stream = i.Open();
            await using (stream.ConfigureAwait(false))
            {
                // A MemoryStream is parsed in place; anything else is read once into a buffer, without a final copy.
                if (stream is MemoryStream { Position: 0 } memory && memory.TryGetBuffer(out var segment))
                {
                    return segment;
                }

                var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, ct).ConfigureAwait(false);
                return new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
            }
        }))), options, cancellationToken);
    }

    private static async IAsyncEnumerable<CorpusItem> ParseAsync(
        IEnumerable<(string Source, Func<CancellationToken, Task<ArraySegment<byte>>> Read)> inputs, CorpusOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        options ??= CorpusOptions.Default;
        var parser = options.Parser ?? EsfProjectParser.Default;
        var parallelism = Math.Max(1, options.MaxDegreeOfParallelism);
        var inFlight = Math.Max(parallelism, options.MaxPagesInFlight);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = linked.Token;
        var numbered = inputs.Select((input, index) => (Index: index, input.Source, input.Read));

        async Task<CorpusItem> Work(int index, string source, Func<CancellationToken, Task<ArraySegment<byte>>> read)
        {
            ArraySegment<byte> bytes;
            try
            {
                bytes = await read(token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return new CorpusItem(index, source, null, exception);
            }

            token.ThrowIfCancellationRequested();
            return new CorpusItem(index, source, parser.Parse(bytes), null);
        }

        Task producer;
        ChannelReader<Task<CorpusItem>>? ordered = null;
        ChannelReader<CorpusItem>? unordered = null;
        if (options.Ordered)
        {
            // Pending tasks in input order; the bounded channel and the semaphore bound memory and parallelism.
            var channel = Channel.CreateBounded<Task<CorpusItem>>(new BoundedChannelOptions(inFlight) { SingleReader = true, SingleWriter = true });
            var workers = new SemaphoreSlim(parallelism);
            ordered = channel.Reader;
            producer = Task.Run(
                async () =>
                {
                    try
                    {
                        foreach (var (index, source, read) in numbered)
                        {
                            await workers.WaitAsync(token).ConfigureAwait(false);
                            var task = Task.Run(
                                async () =>
                                {
                                    try
                                    {
                                        return await Work(index, source, read).ConfigureAwait(false);
                                    }
                                    finally
                                    {
                                        workers.Release();
                                    }
                                },
                                token);
                            await channel.Writer.WriteAsync(task, token).ConfigureAwait(false);
                        }

                        channel.Writer.Complete();
                    }
                    catch (Exception exception)
                    {
                        channel.Writer.Complete(exception);
                    }
                },
                token);
        }
        else
        {
            // Finished items as they come; workers wait when the consumer falls behind.
            var channel = Channel.CreateBounded<CorpusItem>(new BoundedChannelOptions(inFlight) { SingleReader = true });
            unordered = channel.Reader;
            producer = Task.Run(
                async () =>
                {
                    try
                    {
                        await Parallel.ForEachAsync(
                            numbered,
                            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = token },
                            async (input, ct) => await channel.Writer.WriteAsync(await Work(input.Index, input.Source, input.Read).ConfigureAwait(false), ct).ConfigureAwait(false)).ConfigureAwait(false);
                        channel.Writer.Complete();
                    }
                    catch (Exception exception)
                    {
                        channel.Writer.Complete(exception);
                    }
                },
                token);
        }

        try
        {
            if (ordered is not null)
            {
                await foreach (var task in ordered.ReadAllAsync(token).ConfigureAwait(false))
                {
                    var item = await task.ConfigureAwait(false);
                    token.ThrowIfCancellationRequested();
                    yield return item;
                }
            }
            else
            {
                await foreach (var item in unordered!.ReadAllAsync(token).ConfigureAwait(false))
                {
                    token.ThrowIfCancellationRequested();
                    yield return item;
                }
            }
        }
        finally
        {
            await linked.CancelAsync().ConfigureAwait(false);
            try
            {
                await producer.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped early or cancelled: the producer's cancellation is expected.
            }
        }
    }
}
