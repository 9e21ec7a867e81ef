using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Esf.Projects;

/// <summary>One page of a corpus: where it came from, and its parse result or the error that kept it from being read.</summary>
/// <param name="Index">0-based position of the input in the sequence given.</param>
/// <param name="Source">The input's name (its path for files).</param>
/// <param name="Result">The parse result; <see langword="null"/> when the input could not be read.</param>
/// <param name="ReadError">Why the input could not be read (I/O, permissions, or any other failure while reading or parsing this one input); <see langword="null"/> when it was.</param>
public sealed record CorpusItem(int Index, string Source, ProjectParseResult? Result, Exception? ReadError);

/// <summary>How <see cref="ProjectCorpus"/> parses many pages.</summary>
public sealed record CorpusOptions
{
    /// <summary>The defaults: one worker per core, results in input order, 64 pages in flight, the default parser.</summary>
    public static CorpusOptions Default { get; } = new();

    /// <summary>Pages parsed at once; <see cref="Environment.ProcessorCount"/> by default; 1 to 1 024.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside 1 to 1 024 (each worker is a task and holds a page).</exception>
    public int MaxDegreeOfParallelism
    {
        get;
        init => field = value is >= 1 and <= 1024 ? value : throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), value, "Between 1 and 1 024.");
    } = Environment.ProcessorCount;

    /// <summary>Whether results come in input order (default) or as they finish (a little faster when page sizes vary a
    /// lot). Either way pages are handed to the workers in chunks of up to 16 consecutive inputs
    /// (<see cref="MaxPagesInFlight"/> ÷ 2 ÷ workers), and "as they finish" means a chunk at a time.</summary>
    public bool Ordered { get; init; } = true;

    /// <summary>
    /// The most pages read but not yet consumed (64 by default, give or take one chunk): memory stays bounded by this
    /// many pages and their results, however large the corpus, and a slow consumer slows the readers down instead of
    /// filling memory. Each file is read only as far as the parser's <see cref="ProjectParserOptions.MaxInputLength"/>
    /// can use, so a huge file costs no more than the limit. 1 to 65 536.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside 1 to 65 536.</exception>
    public int MaxPagesInFlight
    {
        get;
        init => field = value is >= 1 and <= 65_536 ? value : throw new ArgumentOutOfRangeException(nameof(MaxPagesInFlight), value, "Between 1 and 65 536.");
    } = 64;

    /// <summary>The parser; <see cref="EsfProjectParser.Default"/> when <see langword="null"/>.</summary>
    public EsfProjectParser? Parser { get; init; }

    /// <summary>
    /// How an input's bytes become a result, given the input's name — to read some inputs another way (HTML pages
    /// through <c>Esf.Projects.Html</c>, say); <see langword="null"/> (the default) parses every input as page text
    /// with <see cref="Parser"/>. Called on the worker threads, several at once.
    /// </summary>
    public Func<string, ReadOnlyMemory<byte>, ProjectParseResult>? ParseBytes { get; init; }
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
    public static IAsyncEnumerable<CorpusItem> ParseFilesAsync(IEnumerable<string> paths, CorpusOptions? options = null, CancellationToken cancellationToken = default) =>
        SelectFilesAsync(paths, static item => item, options, cancellationToken);

    /// <summary>
    /// Parses files by path and turns each item into a <typeparamref name="TResult"/> on the worker that parsed it —
    /// serialising it, building table rows — so that per-page output work runs on every core, and the consumer only
    /// receives finished results, in the same order as <see cref="ParseFilesAsync(IEnumerable{string}, CorpusOptions?, CancellationToken)"/>.
    /// </summary>
    /// <typeparam name="TResult">What the selector makes of a page.</typeparam>
    /// <param name="paths">The files, enumerated lazily.</param>
    /// <param name="selector">Runs once per item, on a worker thread, possibly on several items at once; an exception it throws ends the enumeration.</param>
    /// <param name="options">Parallelism, order, memory bound, parser.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>One result per path.</returns>
    public static IAsyncEnumerable<TResult> SelectFilesAsync<TResult>(IEnumerable<string> paths, Func<CorpusItem, TResult> selector, CorpusOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(selector);
        var limit = ByteLimit(options);
        return ParseAsync(paths.Select(path => (path, (Func<CancellationToken, Task<ArraySegment<byte>>>)(ct => ReadFileAsync(path, limit, ct)))), selector, options, cancellationToken);
    }

    /// <summary>The most bytes worth reading of one input: as many as can make the parser's input limit in any encoding, so a larger input costs the limit, and the parser reports ESF0006.</summary>
    private static long ByteLimit(CorpusOptions? options) =>
        Parsing.InputDecoder.MaxBytesFor((options?.Parser ?? EsfProjectParser.Default).Options.MaxInputLength);

    /// <summary>
    /// A file's bytes, at most <paramref name="limit"/> and one block more: a file of gigabytes, or a device that
    /// never ends, costs no more memory than the input limit allows.
    /// </summary>
    private static async Task<ArraySegment<byte>> ReadFileAsync(string path, long limit, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            // A file of known length: one array of its size (or the limit's), filled in place.
            if (stream.CanSeek && stream.Length > 0)
            {
                var bytes = new byte[Math.Min(stream.Length, limit + 1)];
                var read = await stream.ReadAtLeastAsync(bytes, bytes.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                return new ArraySegment<byte>(bytes, 0, read);
            }

            // A length the file system does not know (devices, /proc).
            return await ReadBoundedAsync(stream, limit, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A stream's bytes, block by block (the block from the pool), until its end or <paramref name="limit"/> and one block more.</summary>
    private static async Task<ArraySegment<byte>> ReadBoundedAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var block = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int count;
            while (buffer.Length <= limit && (count = await stream.ReadAsync(block, cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Write(block, 0, count);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(block);
        }

        return new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Parses pages from streams (UTF-8), each opened when its turn comes and disposed after reading.</summary>
    /// <param name="inputs">A name and a way to open each page.</param>
    /// <param name="options">Parallelism, order, memory bound, parser.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>One item per input.</returns>
    public static IAsyncEnumerable<CorpusItem> ParseStreamsAsync(IEnumerable<(string Source, Func<Stream> Open)> inputs, CorpusOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var limit = ByteLimit(options);
        return ParseAsync(inputs.Select(i => (i.Source, (Func<CancellationToken, Task<ArraySegment<byte>>>)(async ct =>
        {
            var stream = i.Open();
            await using (stream.ConfigureAwait(false))
            {
                // A MemoryStream is parsed in place; anything else is read once into a buffer, without a final copy,
                // and only as far as the input limit, as files are.
                if (stream is MemoryStream { Position: 0 } memory && memory.TryGetBuffer(out var segment))
                {
                    return segment;
                }

                return await ReadBoundedAsync(stream, limit, ct).ConfigureAwait(false);
            }
        }))), static item => item, options, cancellationToken);
    }

    private static async IAsyncEnumerable<TResult> ParseAsync<TResult>(
        IEnumerable<(string Source, Func<CancellationToken, Task<ArraySegment<byte>>> Read)> inputs, Func<CorpusItem, TResult> selector, CorpusOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        options ??= CorpusOptions.Default;
        var parser = options.Parser ?? EsfProjectParser.Default;
        var parseBytes = options.ParseBytes;
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
            catch (Exception exception) when (exception is not OperationCanceledException || !token.IsCancellationRequested)
            {
                // Whatever went wrong with this input is this input's item: the run and the other pages of its chunk go on.
                return new CorpusItem(index, source, null, exception);
            }

            token.ThrowIfCancellationRequested();
            try
            {
                return new CorpusItem(index, source, parseBytes is null ? parser.Parse(bytes) : parseBytes(source, bytes), null);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !token.IsCancellationRequested)
            {
                return new CorpusItem(index, source, null, exception);
            }
        }

        async Task<TResult[]> WorkChunk((int Index, string Source, Func<CancellationToken, Task<ArraySegment<byte>>> Read)[] chunk)
        {
            var items = new TResult[chunk.Length];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = selector(await Work(chunk[i].Index, chunk[i].Source, chunk[i].Read).ConfigureAwait(false));
            }

            return items;
        }

        // Pages go to the workers in chunks of consecutive inputs and reach the consumer a chunk at a time: one task,
        // one hand-over and one wake-up per chunk instead of per page (per page, that overhead made two cores slower
        // than one). Bounded channels and the workers' limit bound memory and parallelism: at most MaxPagesInFlight
        // pages are read and not yet consumed.
        var chunkSize = Math.Clamp(inFlight / (2 * parallelism), 1, 16);
        var chunksInFlight = new BoundedChannelOptions(Math.Max(1, (inFlight / chunkSize) - 1)) { SingleReader = true };
        var chunks = numbered.Chunk(chunkSize);

        // Ordered: each chunk's task enters the channel when it starts, in input order. Unordered: when it finishes, and
        // its worker is only released once the channel took it, so a slow consumer holds the workers back.
        var channel = Channel.CreateBounded<Task<TResult[]>>(chunksInFlight);
        var workers = new SemaphoreSlim(parallelism);
        var isOrdered = options.Ordered;
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    foreach (var chunk in chunks)
                    {
                        await workers.WaitAsync(token).ConfigureAwait(false);
                        var task = Task.Run(() => WorkChunk(chunk), token);
                        if (isOrdered)
                        {
                            _ = task.ContinueWith(_ => workers.Release(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                            await channel.Writer.WriteAsync(task, token).ConfigureAwait(false);
                        }
                        else
                        {
                            _ = task.ContinueWith(
                                async finished =>
                                {
                                    try
                                    {
                                        await channel.Writer.WriteAsync(finished, token).ConfigureAwait(false);
                                    }
                                    catch (OperationCanceledException)
                                    {
                                        // The enumeration was cancelled; nobody reads the channel any more.
                                    }
                                    finally
                                    {
                                        workers.Release();
                                    }
                                },
                                CancellationToken.None,
                                TaskContinuationOptions.ExecuteSynchronously,
                                TaskScheduler.Default);
                        }
                    }

                    // Every worker back: every chunk is in the channel.
                    for (var i = 0; i < parallelism; i++)
                    {
                        await workers.WaitAsync(token).ConfigureAwait(false);
                    }

                    channel.Writer.Complete();
                }
                catch (Exception exception)
                {
                    channel.Writer.Complete(exception);
                }
            },
            token);

        try
        {
            await foreach (var task in channel.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                foreach (var item in await task.ConfigureAwait(false))
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
