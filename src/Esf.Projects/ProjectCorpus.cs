using System.Buffers;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Esf.Projects;

/// <summary>One page of a corpus: where it came from, and its parse result or the error that kept it from being read.</summary>
/// <param name="Index">0-based position of the input in the sequence given.</param>
/// <param name="Source">The input's name (its path for files).</param>
/// <param name="Result">The parse result; <see langword="null"/> when the input could not be read.</param>
/// <param name="ReadError">Why the input could not be read (I/O, permissions, or any other failure while reading or parsing this one input); <see langword="null"/> when it was.</param>
public sealed record CorpusItem(int Index, string Source, ProjectParseResult? Result, Exception? ReadError)
{
    /// <summary>0-based position of the input in the sequence given.</summary>
    public int Index { get; } = Index;

    /// <summary>The input's name (its path for files).</summary>
    public string Source { get; } = Source;

    /// <summary>The parse result; <see langword="null"/> when the input could not be read.</summary>
    public ProjectParseResult? Result { get; } = Result;

    /// <summary>Why the input could not be read (I/O, permissions, or any other failure while reading or parsing this one input); <see langword="null"/> when it was.</summary>
    public Exception? ReadError { get; } = ReadError;
}

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

    /// <summary>
    /// The most input bytes read but not yet consumed: 256 MiB by default, at least 1. Files are counted by their
    /// length before they are read (at most the input limit's worth), streams by what was read from them; a page
    /// larger than the whole budget is still read, alone. With <see cref="MaxPagesInFlight"/> this bounds memory by
    /// bytes as well as by pages: 64 pages at the default input limit (up to 16 MiB of bytes each) would otherwise be
    /// 1 GiB. A normal page's result takes about two to three times its input again (UTF-16 text and the model)
    /// until it is consumed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set below 1.</exception>
    public long MaxBytesInFlight
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxBytesInFlight), value, "At least 1.");
    } = 256L * 1024 * 1024;

    /// <summary>The parser; <see cref="EsfProjectParser.Default"/> when <see langword="null"/>.</summary>
    public EsfProjectParser? Parser { get; init; }

    /// <summary>
    /// How an input's bytes become a result, given the input's name — to read some inputs another way (HTML pages
    /// through <c>Esf.Projects.Html</c>, say); <see langword="null"/> (the default) parses every input as page text
    /// with <see cref="Parser"/>. Called on the worker threads, several at once. The bytes are valid only during the
    /// call — a file's are read into a pooled array that the next file reuses — so copy what the result must keep.
    /// </summary>
    public Func<string, ReadOnlyMemory<byte>, ProjectParseResult>? ParseBytes { get; init; }
}

/// <summary>
/// Parses many pages — a folder, a list of files, or streams — in parallel with bounded memory, as an
/// <see cref="IAsyncEnumerable{T}"/>. Cancelling the token stops reading and parsing promptly.
/// </summary>
public static class ProjectCorpus
{
    /// <summary>
    /// Parses every file matching <paramref name="searchPattern"/> under a folder, as <see cref="FindFiles"/> finds
    /// them: recursively, in ordinal path order, without following links to folders; a subfolder that cannot be read
    /// is an item with its <see cref="CorpusItem.ReadError"/> in its place.
    /// </summary>
    /// <param name="directory">The folder.</param>
    /// <param name="searchPattern">The file pattern, matched ignoring case; <c>*.txt</c> by default.</param>
    /// <param name="options">Parallelism, order, memory bound, parser.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>One item per file.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist (when enumeration starts).</exception>
    public static IAsyncEnumerable<CorpusItem> ParseDirectoryAsync(string directory, string searchPattern = "*.txt", CorpusOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(searchPattern);
        var files = new DeferredFiles(directory, searchPattern);
        return ParseFilesAsync(files, options, cancellationToken);
    }

    /// <summary>The files of a folder, listed when enumeration starts (so a missing folder throws there, as documented).</summary>
    private sealed class DeferredFiles(string directory, string searchPattern) : IEnumerable<string>
    {
        public IEnumerator<string> GetEnumerator() => FindFiles(directory, searchPattern).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>
    /// The files under a folder that match a pattern, at any depth, in ordinal order of their paths — the walk
    /// <see cref="ParseDirectoryAsync"/> makes, for callers that filter the files themselves before
    /// <see cref="ParseFilesAsync"/>. Links to folders are not followed, so a link loop can neither repeat pages nor
    /// go on forever; links to files are listed. A subfolder that cannot be listed (permissions, a vanished folder)
    /// is listed itself in its place, ending with a directory separator, whatever the pattern: reading it as a page
    /// fails with the reason it could not be listed, so it becomes an item with a read error instead of silently
    /// missing.
    /// </summary>
    /// <param name="directory">The folder.</param>
    /// <param name="searchPattern">The file-name pattern (<c>*</c> any characters, <c>?</c> one), matched ignoring case, so <c>*.txt</c> finds <c>PAGE.TXT</c> on every system.</param>
    /// <returns>The paths of the files (and of the unreadable subfolders), starting with <paramref name="directory"/> as given, relative or not.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static IReadOnlyList<string> FindFiles(string directory, string searchPattern = "*")
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(searchPattern);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Could not find a part of the path '{Path.GetFullPath(directory)}'.");
        }

        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0 };
        var found = new List<string>();
        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.TryPop(out var folder))
        {
            try
            {
                var entries = new System.IO.Enumeration.FileSystemEnumerable<(string Path, bool Folder, bool Link)>(
                    folder, (ref entry) => (entry.ToSpecifiedFullPath(), entry.IsDirectory, entry.IsDirectory && (entry.Attributes & FileAttributes.ReparsePoint) != 0), options);
                // (A file's attributes are not asked for: on Unix they cost a stat per file, and only folders' matter.)
                foreach (var (path, isFolder, isLink) in entries)
                {
                    if (!isFolder)
                    {
                        if (System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(searchPattern, Path.GetFileName(path.AsSpan()), ignoreCase: true))
                        {
                            found.Add(path);
                        }
                    }
                    else if (!isLink)
                    {
                        pending.Push(path);
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                found.Add(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar);
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
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

        // The length is read (without opening the file) as the producer hands the file out: it counts towards
        // MaxBytesInFlight before the file is read, and a length of 0 keeps FIFOs and devices from being opened.
        return ParseAsync(
            paths.Select(path =>
            {
                var length = LengthOf(path);
                var pooled = length is > 0 and <= PooledReadBytes;
                return new Input(path, ct => ReadFileAsync(path, length, limit, pooled, ct), Math.Clamp(length, 0, limit + 1), pooled);
            }),
            selector,
            options,
            cancellationToken);
    }

    /// <summary>A file's length as the file system states it, without opening it; -1 when it cannot say (no such file, a folder, no permission).</summary>
    private static long LengthOf(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists ? info.Length : -1;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            return -1;
        }
    }

    /// <summary>The most bytes worth reading of one input (<see cref="ProjectParserOptions.MaxInputBytes"/>), so a larger input costs the limit, and the parser reports ESF0006.</summary>
    private static long ByteLimit(CorpusOptions? options) => (options?.Parser ?? EsfProjectParser.Default).Options.MaxInputBytes;

    /// <summary>
    /// A file's bytes, at most <paramref name="limit"/> and one more: a file of gigabytes, or a device that
    /// never ends, costs no more memory than the input limit allows. A file whose stated length is 0 is not opened:
    /// FIFOs, sockets and devices all state 0, and opening a FIFO blocks until someone writes to it (for ever, in a
    /// folder of pages) while a device may never end; .NET offers no file type to tell them from an empty file,
    /// which has no page to read either.
    /// </summary>
    /// <remarks>With <paramref name="pooled"/> the array is rented from <see cref="ArrayPool{T}.Shared"/> (it may be
    /// longer than the segment) and the worker gives it back once the page is parsed: a page's bytes are only decoded,
    /// never kept, and renting saves a quarter of what the pipeline allocates per page.</remarks>
    private static async Task<ArraySegment<byte>> ReadFileAsync(string path, long length, long limit, bool pooled, CancellationToken cancellationToken)
    {
        if (length == 0)
        {
            throw new IOException($"The file '{path}' is empty, or is not a regular file (a FIFO, socket or device), so it was not opened.");
        }

        if (Path.EndsInDirectorySeparator(path))
        {
            ThrowUnlistable(path);
        }

        if (length > 0)
        {
            // The length stated before opening: one array of its size (or the limit's), filled in place by
            // positioned reads on the worker's own thread. A FileStream costs three more system calls per file
            // (another fstat, a hint, an unlock), and on a virtual machine's file system a page's system calls
            // cost more than parsing it.
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var size = (int)Math.Min(length, limit + 1);
            var bytes = pooled ? ArrayPool<byte>.Shared.Rent(size) : new byte[size];
            var read = 0;
            int count;
            try
            {
                while (read < size && (count = RandomAccess.Read(handle, bytes.AsSpan(read, size - read), read)) > 0)
                {
                    read += count;
                }
            }
            catch when (pooled)
            {
                ArrayPool<byte>.Shared.Return(bytes);
                throw;
            }

            return new ArraySegment<byte>(bytes, 0, read);
        }

        // A length the file system could not state beforehand: read as a stream, up to the limit.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            return await Parsing.InputDecoder.ReadBoundedAsync(stream, limit, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A folder given as a file (as <see cref="FindFiles"/> lists one it could not list): the reason it cannot be listed.</summary>
    private static void ThrowUnlistable(string path)
    {
        using (var entries = Directory.EnumerateFileSystemEntries(path).GetEnumerator())
        {
            entries.MoveNext();
        }

        throw new IOException($"'{path}' is a folder, not a page.");
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
        return ParseAsync(inputs.Select(i => new Input(i.Source, async ct =>
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

                return await Parsing.InputDecoder.ReadBoundedAsync(stream, limit, ct).ConfigureAwait(false);
            }
        }, 0)), static item => item, options, cancellationToken);
    }

    /// <summary>One input: its name, how to read it, the bytes it is expected to hold (0 when unknown before reading), and
    /// whether <paramref name="Read"/> gives an array rented from <see cref="ArrayPool{T}.Shared"/>, which the worker returns after parsing.</summary>
    private readonly record struct Input(string Source, Func<CancellationToken, Task<ArraySegment<byte>>> Read, long Expected, bool Pooled = false);

    /// <summary>Files up to this size are read into pooled arrays (every real page); larger ones get an array of their own, so the pool never holds on to a hostile file's megabytes.</summary>
    private const long PooledReadBytes = 1 << 20;

    /// <summary>A chunk's results and the input bytes it holds in the budget until it is consumed.</summary>
    private readonly record struct Finished<TResult>(TResult[] Items, long Bytes);

    private static async IAsyncEnumerable<TResult> ParseAsync<TResult>(
        IEnumerable<Input> inputs, Func<CorpusItem, TResult> selector, CorpusOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        options ??= CorpusOptions.Default;
        var parser = options.Parser ?? EsfProjectParser.Default;
        var parseBytes = options.ParseBytes;
        var parallelism = Math.Max(1, options.MaxDegreeOfParallelism);
        var inFlight = Math.Max(parallelism, options.MaxPagesInFlight);
        var budget = new ByteBudget(options.MaxBytesInFlight);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = linked.Token;
        var numbered = inputs.Select((input, index) => (Index: index, Input: input));

        async Task<(CorpusItem Item, long Bytes)> Work(int index, Input input)
        {
            ArraySegment<byte> bytes;
            try
            {
                bytes = await input.Read(token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !token.IsCancellationRequested)
            {
                // Whatever went wrong with this input is this input's item: the run and the other pages of its chunk go on.
                return (new CorpusItem(index, input.Source, null, exception), input.Expected);
            }

            // More than expected (a stream, a file that grew): counted now, without waiting, so the producer waits instead.
            var extra = Math.Max(0, bytes.Count - input.Expected);
            budget.Charge(extra);
            token.ThrowIfCancellationRequested();
            try
            {
                return (new CorpusItem(index, input.Source, parseBytes is null ? parser.Parse(bytes) : parseBytes(input.Source, bytes), null), input.Expected + extra);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !token.IsCancellationRequested)
            {
                return (new CorpusItem(index, input.Source, null, exception), input.Expected + extra);
            }
            finally
            {
                if (input.Pooled && bytes.Array is { Length: > 0 } rented)
                {
                    ArrayPool<byte>.Shared.Return(rented);
                }
            }
        }

        async Task<Finished<TResult>> WorkChunk((int Index, Input Input)[] chunk)
        {
            var items = new TResult[chunk.Length];
            var bytes = 0L;
            for (var i = 0; i < items.Length; i++)
            {
                var (item, held) = await Work(chunk[i].Index, chunk[i].Input).ConfigureAwait(false);
                bytes += held;
                items[i] = selector(item);
            }

            return new Finished<TResult>(items, bytes);
        }

        // Pages go to the workers in chunks of consecutive inputs and reach the consumer a chunk at a time: one task,
        // one hand-over and one wake-up per chunk instead of per page (per page, that overhead made two cores slower
        // than one). Bounded channels and the workers' limit bound memory and parallelism: at most MaxPagesInFlight
        // pages are read and not yet consumed. The byte budget is taken by the producer, in input order, before a
        // chunk is handed out, and given back when the consumer has taken the chunk: taken in order, it cannot
        // deadlock the ordered consumer waiting on an earlier chunk.
        var chunkSize = Math.Clamp(inFlight / (2 * parallelism), 1, 16);
        var chunksInFlight = new BoundedChannelOptions(Math.Max(1, (inFlight / chunkSize) - 1)) { SingleReader = true };
        var chunks = numbered.Chunk(chunkSize);

        // Ordered: each chunk's task enters the channel when it starts, in input order. Unordered: when it finishes, and
        // its worker is only released once the channel took it, so a slow consumer holds the workers back.
        var channel = Channel.CreateBounded<Task<Finished<TResult>>>(chunksInFlight);
        var workers = new SemaphoreSlim(parallelism);
        var isOrdered = options.Ordered;
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    foreach (var chunk in chunks)
                    {
                        var expected = 0L;
                        foreach (var (_, input) in chunk)
                        {
                            expected += input.Expected;
                        }

                        await budget.AcquireAsync(expected, token).ConfigureAwait(false);
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
                var finished = await task.ConfigureAwait(false);
                foreach (var item in finished.Items)
                {
                    token.ThrowIfCancellationRequested();
                    yield return item;
                }

                budget.Release(finished.Bytes);
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

    /// <summary>
    /// Input bytes read and not yet consumed, against <see cref="CorpusOptions.MaxBytesInFlight"/>. One waiter (the
    /// producer); anything may give back. Whatever is asked is granted when nothing is held, so a page larger than
    /// the whole budget still goes through, alone.
    /// </summary>
    private sealed class ByteBudget(long capacity)
    {
        private readonly Lock _gate = new();
        private long _held;
        private TaskCompletionSource? _released;

        public async ValueTask AcquireAsync(long bytes, CancellationToken cancellationToken)
        {
            while (true)
            {
                Task released;
                lock (_gate)
                {
                    if (_held == 0 || _held + bytes <= capacity)
                    {
                        _held += bytes;
                        return;
                    }

                    _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    released = _released.Task;
                }

                await released.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        public void Charge(long bytes)
        {
            if (bytes > 0)
            {
                lock (_gate)
                {
                    _held += bytes;
                }
            }
        }

        public void Release(long bytes)
        {
            TaskCompletionSource? released;
            lock (_gate)
            {
                _held -= bytes;
                released = _released;
                _released = null;
            }

            released?.TrySetResult();
        }
    }
}
