using System.Text;
using System.Text.Json;

namespace Esf.Projects.Cli.Fetch;

/// <summary>What one request for one number came to: its address, the answer, and what was done with it.</summary>
/// <param name="Number">The project number.</param>
/// <param name="Outcome"><c>fetched</c> (saved, new or changed), <c>unchanged</c> (304, or the same bytes), <c>missing</c> (404/410, or a page without a project), <c>disallowed</c> (robots.txt) or <c>failed</c>.</param>
/// <param name="Address">The address asked for.</param>
/// <param name="FinalAddress">The address that answered, after redirects.</param>
/// <param name="Redirects">Each address redirected from, in order.</param>
/// <param name="Status">The HTTP status of the last answer; <see langword="null"/> when there was none.</param>
/// <param name="Reason">Why it failed or is missing, for a person.</param>
/// <param name="ETag">The page's entity tag, sent back as <c>If-None-Match</c>.</param>
/// <param name="LastModified">The page's <c>Last-Modified</c>, sent back as <c>If-Modified-Since</c>.</param>
/// <param name="FetchedAt">When the answer came, ISO 8601 UTC.</param>
/// <param name="Bytes">The page's length as saved.</param>
/// <param name="ContentType">The media type the server gave.</param>
/// <param name="Charset">The charset the server gave.</param>
/// <param name="File">The page's file in the folder.</param>
/// <param name="Run">The run that made the record, to resume an interrupted run.</param>
internal sealed record FetchRecord(
    string Number, string Outcome, string Address, string? FinalAddress, IReadOnlyList<string> Redirects, int? Status, string? Reason,
    string? ETag, string? LastModified, string FetchedAt, long? Bytes, string? ContentType, string? Charset, string? File, string Run);

/// <summary>
/// The folder's record of fetches, <c>fetch.jsonl</c>: one JSON object per line, appended and flushed as each answer
/// comes, so a run that is killed keeps every record it made (a half-written last line is skipped when read). The
/// latest record of a number is its state. Beside it, <c>fetch-run.json</c> names the run in progress; it says
/// <c>"complete": true</c> once the run ends, so a run that finds it incomplete resumes it.
/// </summary>
internal sealed class FetchManifest : IDisposable
{
    public const string FileName = "fetch.jsonl";
    public const string RunFileName = "fetch-run.json";

    private readonly string _folder;
    private readonly Dictionary<string, FetchRecord> _latest;
    private FileStream? _append;

    private FetchManifest(string folder, Dictionary<string, FetchRecord> latest, int unreadable)
    {
        _folder = folder;
        _latest = latest;
        UnreadableLines = unreadable;
    }

    /// <summary>Lines that could not be read (a line cut off when a run was killed).</summary>
    public int UnreadableLines { get; }

    /// <summary>Reads the folder's manifest; an empty one when there is none.</summary>
    /// <exception cref="IOException">The manifest could not be read.</exception>
    public static FetchManifest Open(string folder)
    {
        var latest = new Dictionary<string, FetchRecord>(StringComparer.Ordinal);
        var unreadable = 0;
        var path = Path.Combine(folder, FileName);
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path, Encoding.UTF8))
            {
                if (line.Length == 0)
                {
                    continue;
                }

                if (TryRead(line) is { } record)
                {
                    latest[record.Number] = record;
                }
                else
                {
                    unreadable++;
                }
            }
        }

        return new FetchManifest(folder, latest, unreadable);
    }

    /// <summary>The latest record of a number, if any.</summary>
    public FetchRecord? Latest(string number) => _latest.GetValueOrDefault(number);

    /// <summary>Appends a record and flushes it to the system, so it survives the process.</summary>
    public void Append(FetchRecord record)
    {
        _latest[record.Number] = record;
        _append ??= new FileStream(Path.Combine(_folder, FileName), FileMode.Append, FileAccess.Write, FileShare.Read);
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, record);
        }

        buffer.WriteByte((byte)'\n');
        _append.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
        _append.Flush();
    }

    /// <summary>The run to resume: the id in <c>fetch-run.json</c> when that run did not complete; otherwise <see langword="null"/>.</summary>
    public string? IncompleteRun()
    {
        var path = Path.Combine(_folder, RunFileName);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return document.RootElement.TryGetProperty("complete", out var complete) && complete.ValueKind == JsonValueKind.False
                && document.RootElement.TryGetProperty("run", out var run) && run.GetString() is { Length: > 0 } id ? id : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes <c>fetch-run.json</c> whole (beside it, then renamed over it).</summary>
    public void MarkRun(string run, bool complete)
    {
        using var output = Output.OutputFile.For(new FileInfo(Path.Combine(_folder, RunFileName)), keepContents: false);
        File.WriteAllText(output.WritePath, $"{{\"run\":\"{run}\",\"complete\":{(complete ? "true" : "false")}}}\n");
        output.Commit();
    }

    public void Dispose() => _append?.Dispose();

    private static void Write(Utf8JsonWriter writer, FetchRecord r)
    {
        writer.WriteStartObject();
        writer.WriteString("number", r.Number);
        writer.WriteString("outcome", r.Outcome);
        writer.WriteString("address", r.Address);
        writer.WriteString("finalAddress", r.FinalAddress);
        writer.WriteStartArray("redirects");
        foreach (var redirect in r.Redirects)
        {
            writer.WriteStringValue(redirect);
        }

        writer.WriteEndArray();
        NumberOrNull(writer, "status", r.Status);

        writer.WriteString("reason", r.Reason);
        writer.WriteString("etag", r.ETag);
        writer.WriteString("lastModified", r.LastModified);
        writer.WriteString("fetchedAt", r.FetchedAt);
        NumberOrNull(writer, "bytes", r.Bytes);

        writer.WriteString("contentType", r.ContentType);
        writer.WriteString("charset", r.Charset);
        writer.WriteString("file", r.File);
        writer.WriteString("run", r.Run);
        writer.WriteEndObject();
    }

    private static void NumberOrNull(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static FetchRecord? TryRead(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var e = document.RootElement;
            string? Text(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (Text("number") is not { } number || Text("outcome") is not { } outcome || Text("address") is not { } address || Text("fetchedAt") is not { } at)
            {
                return null;
            }

            var redirects = e.TryGetProperty("redirects", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToList()
                : [];
            int? status = e.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : null;
            long? bytes = e.TryGetProperty("bytes", out var b) && b.ValueKind == JsonValueKind.Number ? b.GetInt64() : null;
            return new FetchRecord(number, outcome, address, Text("finalAddress"), redirects, status, Text("reason"), Text("etag"), Text("lastModified"), at, bytes, Text("contentType"), Text("charset"), Text("file"), Text("run") ?? string.Empty);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
