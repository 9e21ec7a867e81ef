using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using System.Net;
using System.Net.Sockets;

namespace Esf.Projects.Tests.Fetch;

/// <summary>How the fake project bank answers one number.</summary>
internal enum Behaviour
{
    /// <summary>200 with the page, UTF-8, an ETag and Last-Modified; 304 to a request that has them.</summary>
    Page,

    /// <summary>The page in Windows-1252, said in the Content-Type header and nowhere in the page.</summary>
    Windows1252,

    /// <summary>The page gzip-compressed, when the request accepts it.</summary>
    Gzip,

    /// <summary>301 to the address of the page's target number.</summary>
    Redirect,

    /// <summary>302 to the address of the page's target number.</summary>
    Found,

    /// <summary>404.</summary>
    NotFound,

    /// <summary>200 with a page that says there is no such project.</summary>
    NotFoundPage,

    /// <summary>429 with Retry-After: 1, then the page.</summary>
    TooManyThenPage,

    /// <summary>500, then the page.</summary>
    ErrorThenPage,

    /// <summary>Headers, a little of the body, then nothing for 5 seconds, then the connection dropped.</summary>
    SlowBody,

    /// <summary>Headers and a little of the body, then the connection dropped, every time.</summary>
    Reset,

    /// <summary>Waits until <see cref="FakeProjectBank.Release"/>, then the page (to catch a run in the middle).</summary>
    Held,
}

/// <summary>One request as the server saw it.</summary>
internal sealed record ServedRequest(string Path, string? Number, string? IfNoneMatch, string? IfModifiedSince, string? UserAgent, int InFlight);

/// <summary>
/// A project bank on <see cref="HttpListener"/> (a real HTTP server on a loopback port) that serves pages and
/// misbehaves on cue, and keeps a log of every request: the tests count requests, conditions, pacing and concurrency
/// from it rather than timing the client. (HttpListener rather than Kestrel: the ASP.NET Core shared framework in the
/// test project would change which assemblies sit beside the copy of esf that other tests run as a process.)
/// </summary>
internal sealed class FakeProjectBank : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly string _root;
    private readonly Task _loop;
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;

    private FakeProjectBank(HttpListener listener, string root)
    {
        _listener = listener;
        _root = root;
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary>The pages by number: their HTML and how they are served.</summary>
    public ConcurrentDictionary<string, (string Html, Behaviour Behaviour)> Pages { get; } = new(StringComparer.Ordinal);

    /// <summary>The robots.txt served; <see langword="null"/> gives 404.</summary>
    public string? Robots { get; set; }

    /// <summary>Every request, in the order they arrived.</summary>
    public ConcurrentQueue<ServedRequest> Log { get; } = new();

    /// <summary>The most requests in flight at once.</summary>
    public int MostInFlight { get; private set; }

    public string Template => _root + "projekt/?dnr={number}";

    public static Task<FakeProjectBank> StartAsync()
    {
        // A free port: the system's choice for a socket bound to port 0, handed to the listener.
        for (var attempt = 0; ; attempt++)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            var root = $"http://127.0.0.1:{port}/";
            listener.Prefixes.Add(root);
            try
            {
                listener.Start();
                return Task.FromResult(new FakeProjectBank(listener, root));
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(context));
        }
    }

    /// <summary>Lets every <see cref="Behaviour.Held"/> request answer.</summary>
    public void Release() => _release.TrySetResult();

    /// <summary>Requests for one number.</summary>
    public List<ServedRequest> For(string number) => [.. Log.Where(r => r.Number == number)];

    private async Task ServeAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var inFlight = Interlocked.Increment(ref _inFlight);
        lock (Log)
        {
            MostInFlight = Math.Max(MostInFlight, inFlight);
        }

        try
        {
            var number = request.QueryString["dnr"];
            Log.Enqueue(new ServedRequest(request.RawUrl ?? string.Empty, number, request.Headers["If-None-Match"], request.Headers["If-Modified-Since"], request.UserAgent, inFlight));
            if (request.Url!.AbsolutePath == "/robots.txt")
            {
                if (Robots is null)
                {
                    response.StatusCode = 404;
                }
                else
                {
                    await WriteAsync(response, "text/plain", Encoding.UTF8.GetBytes(Robots));
                }

                return;
            }

            if (number is null || !Pages.TryGetValue(number, out var page))
            {
                response.StatusCode = 404;
                return;
            }

            var attempt = _attempts.AddOrUpdate(number, 1, (_, n) => n + 1);
            var bytes = Encoding.UTF8.GetBytes(page.Html);
            var etag = "\"" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))[..16] + "\"";
            switch (page.Behaviour)
            {
                case Behaviour.NotFound:
                    response.StatusCode = 404;
                    return;
                case Behaviour.NotFoundPage:
                    await WriteAsync(response, "text/html; charset=utf-8", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><h1>Projektbanken</h1><p>Projektet kunde inte hittas.</p></body></html>"));
                    return;
                case Behaviour.Redirect or Behaviour.Found:
                    response.StatusCode = page.Behaviour == Behaviour.Redirect ? 301 : 302;
                    response.RedirectLocation = "/projekt/?dnr=" + page.Html;
                    return;
                case Behaviour.TooManyThenPage when attempt == 1:
                    response.StatusCode = 429;
                    response.AddHeader("Retry-After", "1");
                    return;
                case Behaviour.ErrorThenPage when attempt == 1:
                    response.StatusCode = 500;
                    return;
                case Behaviour.Reset or Behaviour.SlowBody:
                    // The headers and the first bytes of the body, then (after a pause, for the slow one) nothing more.
                    response.ContentType = "text/html; charset=utf-8";
                    response.ContentLength64 = bytes.Length;
                    await response.OutputStream.WriteAsync(bytes.AsMemory(0, 10));
                    await response.OutputStream.FlushAsync();
                    if (page.Behaviour == Behaviour.SlowBody)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(5));
                    }

                    response.Abort();
                    return;
                case Behaviour.Held:
                    await _release.Task;
                    break;
            }

            response.AddHeader("ETag", etag);
            response.AddHeader("Last-Modified", "Tue, 01 Dec 2026 10:00:00 GMT");
            if (request.Headers["If-None-Match"] == etag)
            {
                response.StatusCode = 304;
                return;
            }

            var contentType = "text/html; charset=utf-8";
            if (page.Behaviour == Behaviour.Windows1252)
            {
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                bytes = Encoding.GetEncoding(1252).GetBytes(page.Html);
                contentType = "text/html; charset=windows-1252";
            }

            if (page.Behaviour == Behaviour.Gzip && (request.Headers["Accept-Encoding"] ?? string.Empty).Contains("gzip", StringComparison.Ordinal))
            {
                using var compressed = new MemoryStream();
                using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
                {
                    gzip.Write(bytes);
                }

                bytes = compressed.ToArray();
                response.AddHeader("Content-Encoding", "gzip");
            }

            await WriteAsync(response, contentType, bytes);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client went away.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            try
            {
                response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
            {
                // Aborted, or already closed.
            }
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, string contentType, byte[] bytes)
    {
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}

/// <summary>Project pages as a simple site serves them: the page's lines as HTML paragraphs and line breaks.</summary>
internal static class HtmlPages
{
    public static string Of(string text)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><head><title>Projekt</title></head><body>\n<p>");
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            // Only markup is escaped: å, ä and ö stay characters, so the page's encoding matters.
            html.Append(line.Length == 0 ? "</p>\n<p>" : line.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal) + "<br>\n");
        }

        return html.Append("</p></body></html>\n").ToString();
    }
}
