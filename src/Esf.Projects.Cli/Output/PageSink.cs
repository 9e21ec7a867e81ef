using Microsoft.Win32.SafeHandles;

namespace Esf.Projects.Cli.Output;

/// <summary>
/// Where a JSON output's finished pages go, in input order. Standard output is a buffered stream; a file
/// (<c>--output</c>) is written at the offsets its pages will have, several writes at once on the thread pool, so
/// the copy into the file is not left to the single ordered consumer while the workers wait for it.
/// </summary>
internal abstract class PageSink : IAsyncDisposable
{
    /// <summary>
    /// The sink for <c>--output</c>: a new file (replacing one of that name) written in parallel; a path that cannot
    /// seek — <c>/dev/stdout</c> on a pipe, a FIFO, a terminal — is written in order through a buffer, since writes at
    /// offsets would land there in whatever order they finish.
    /// </summary>
    /// <exception cref="IOException">The file could not be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be written.</exception>
    public static PageSink ForFile(FileInfo file)
    {
        var stream = new FileStream(file.FullName, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);
        return stream.CanSeek ? new FileSink(stream) : new StreamSink(stream, owned: true);
    }

    /// <summary>Writes <paramref name="page"/> after everything written before it and gives its buffer back to the pool.</summary>
    public abstract ValueTask WriteAsync(PooledBuffer page);

    /// <summary>Passes on what is buffered, so a reader downstream does not wait for the next page.</summary>
    public abstract ValueTask FlushAsync();

    /// <summary>Writes everything and waits until it is written; a failed write throws here at the latest.</summary>
    public abstract ValueTask CompleteAsync();

    /// <summary>Writes the bytes of <paramref name="bytes"/> (a separator, a closing bracket) like a page.</summary>
    public ValueTask WriteAsync(ReadOnlySpan<byte> bytes)
    {
        var buffer = new PooledBuffer();
        buffer.Write(bytes);
        return WriteAsync(buffer);
    }

    public abstract ValueTask DisposeAsync();
}

/// <summary>A stream, through a 64 KB buffer: one write per burst of pages, flushed whenever no next page is ready; closed when owned.</summary>
internal sealed class StreamSink(Stream stream, bool owned) : PageSink
{
    private readonly BufferedStream _buffered = new(stream, 1 << 16);

    public override async ValueTask WriteAsync(PooledBuffer page)
    {
        await _buffered.WriteAsync(page.Written).ConfigureAwait(false);
        page.Return();
    }

    public override ValueTask FlushAsync() => new(_buffered.FlushAsync());

    public override ValueTask CompleteAsync() => new(_buffered.FlushAsync());

    public override async ValueTask DisposeAsync()
    {
        if (owned)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            await stream.FlushAsync().ConfigureAwait(false);
        }
    }
}

/// <summary>
/// A file written at known offsets: pages are gathered into batches of about 256 KB, and each batch is written with
/// one vectored write at the offset that follows the previous batch, on a thread-pool thread, at most four at once
/// (so at most about a megabyte of written pages waits for the disk). Until the last write ends a later part of the
/// file may be written before an earlier one; <see cref="CompleteAsync"/> waits for all of them. The stream is only
/// the handle's owner (unbuffered, never written through); it closes the file at the end.
/// </summary>
internal sealed class FileSink(FileStream file) : PageSink
{
    private readonly SafeFileHandle _handle = file.SafeFileHandle;

    private const int BatchBytes = 256 * 1024;
    private const int MaxWritesInFlight = 4;

    private readonly Queue<Task> _writes = new();
    private List<PooledBuffer> _batch = [];
    private long _batchBytes;
    private long _offset;

    public override async ValueTask WriteAsync(PooledBuffer page)
    {
        _batch.Add(page);
        _batchBytes += page.Length;
        if (_batchBytes >= BatchBytes)
        {
            await DispatchAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Starts writing the batch gathered so far, without waiting for it (only for the oldest write beyond four).</summary>
    public override ValueTask FlushAsync() => DispatchAsync();

    public override async ValueTask CompleteAsync()
    {
        await DispatchAsync().ConfigureAwait(false);
        while (_writes.Count > 0)
        {
            await _writes.Dequeue().ConfigureAwait(false);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        // After a failed write the others still run: they end before the file is closed, and pages never dispatched go back to the pool.
        foreach (var write in _writes)
        {
            try
            {
                await write.ConfigureAwait(false);
            }
            catch (IOException)
            {
                // Already reported by CompleteAsync or WriteAsync, whichever met it first.
            }
            catch (UnauthorizedAccessException)
            {
                // As above.
            }
        }

        _writes.Clear();
        foreach (var page in _batch)
        {
            page.Return();
        }

        _batch.Clear();
        await file.DisposeAsync().ConfigureAwait(false);
    }

    private async ValueTask DispatchAsync()
    {
        if (_batch.Count == 0)
        {
            return;
        }

        var (batch, offset) = (_batch, _offset);
        _offset += _batchBytes;
        _batch = [];
        _batchBytes = 0;
        var handle = _handle;
        _writes.Enqueue(Task.Run(() => Write(handle, batch, offset)));
        while (_writes.Count > MaxWritesInFlight)
        {
            await _writes.Dequeue().ConfigureAwait(false);
        }
    }

    private static void Write(SafeFileHandle handle, List<PooledBuffer> batch, long offset)
    {
        try
        {
            var parts = new ReadOnlyMemory<byte>[batch.Count];
            for (var i = 0; i < parts.Length; i++)
            {
                parts[i] = batch[i].Written;
            }

            RandomAccess.Write(handle, parts, offset);
        }
        catch (ArgumentOutOfRangeException e)
        {
            // .NET reports EFBIG (a file-size limit, ulimit -f, or the file system's own) as an argument error.
            throw new IOException("File too large: the file would exceed the size limit of the process or the file system.", e);
        }
        finally
        {
            foreach (var page in batch)
            {
                page.Return();
            }
        }
    }
}
