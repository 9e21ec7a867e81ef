using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Polly;

namespace Esf.Projects.Cli.Fetch;

/// <summary>
/// One <c>esf fetch</c>: asks the project bank for each number's page, politely (at most
/// <see cref="FetchSettings.Concurrency"/> requests at once and <see cref="FetchSettings.Rate"/> a second, slower
/// when robots.txt asks, nothing robots.txt disallows), through <see cref="IHttpClientFactory"/> with the standard
/// resilience handler (retries with jittered backoff on 5xx, 408 and 429 honouring <c>Retry-After</c>, timeouts per
/// attempt and in all, a circuit breaker). Each page is saved whole as <c>DIR/&lt;number&gt;.html</c> and each
/// answer recorded in <see cref="FetchManifest"/>; a second run asks with the recorded ETag and Last-Modified and
/// rewrites only pages that changed; an interrupted run resumes.
/// </summary>
internal sealed class FetchRun(FetchSettings settings, TextWriter stderr)
{
    private const string ProductToken = "esf";

    private int _fetched;
    private int _unchanged;
    private int _missing;
    private int _failed;
    private int _disallowed;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        FetchManifest manifest;
        try
        {
            Directory.CreateDirectory(settings.Folder);
            manifest = FetchManifest.Open(settings.Folder);
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            return CannotWrite(e);
        }

        using (manifest)
        {
            if (manifest.UnreadableLines > 0 && !settings.Quiet)
            {
                stderr.WriteLine($"esf: {manifest.UnreadableLines} line(s) of {FetchManifest.FileName} could not be read and were skipped (a run killed while writing one leaves it so).");
            }

            var resumed = manifest.IncompleteRun();
            var run = resumed ?? Guid.NewGuid().ToString("N");
            try
            {
                manifest.MarkRun(run, complete: false);
            }
            catch (Exception e) when (IsWriteFailure(e))
            {
                return CannotWrite(e);
            }

            // Numbers an interrupted run already settled are not asked for again; those that failed are.
            var numbers = resumed is null ? settings.Numbers
                : [.. settings.Numbers.Where(n => manifest.Latest(n) is not { } r || r.Run != resumed || r.Outcome == "failed")];
            if (resumed is not null && !settings.Quiet)
            {
                stderr.WriteLine($"esf: resuming an interrupted run: {settings.Numbers.Count - numbers.Count} number(s) already done.");
            }

            using var services = Services();
            var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(ProductToken);
            using var progress = settings.Quiet ? null : Progress.Start(numbers.Count, stderr, "Fetching pages");
            var lines = settings.Quiet ? TextWriter.Null : progress?.Writer ?? stderr;
            var fetcher = new PageFetcher(client, settings, run);
            try
            {
                await FetchAllAsync(numbers, fetcher, manifest, lines, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                progress?.Dispose();
                stderr.WriteLine($"esf: interrupted; {Summary()}. Run the same command again to resume.");
                return CliApplication.Interrupted;
            }
            catch (Exception e) when (IsWriteFailure(e))
            {
                progress?.Dispose();
                return CannotWrite(e);
            }

            progress?.Dispose();
            try
            {
                manifest.MarkRun(run, complete: true);
            }
            catch (Exception e) when (IsWriteFailure(e))
            {
                return CannotWrite(e);
            }

            if (!settings.Quiet)
            {
                stderr.WriteLine("esf: " + Summary());
            }

            return _failed > 0 ? CliApplication.InputHasErrors : CliApplication.Success;
        }
    }

    private static bool IsWriteFailure(Exception e) => e is IOException or UnauthorizedAccessException;

    /// <summary>The one line for a folder that cannot be written (exit 3).</summary>
    private int CannotWrite(Exception e)
    {
        stderr.WriteLine($"esf: cannot write in {TerminalText.Escape(settings.Folder)}: {TerminalText.Escape(e.Message)}");
        return CliApplication.OutputFailed;
    }

    private string Summary() =>
        $"{_fetched} fetched, {_unchanged} unchanged, {_missing} missing, {_failed} failed" + (_disallowed > 0 ? $", {_disallowed} disallowed by robots.txt" : string.Empty);

    /// <summary>
    /// Starts each number's request in order as the pacing allows, and records the answers in the same order; in a
    /// range, a run of <see cref="FetchSettings.StopAfterMissing"/> missing numbers in a row stops the starting of
    /// new requests (those in flight are still recorded).
    /// </summary>
    private async Task FetchAllAsync(IReadOnlyList<string> numbers, PageFetcher fetcher, FetchManifest manifest, TextWriter lines, Progress? progress, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pending = Channel.CreateBounded<Task<FetchRecord?>>(Math.Max(1, settings.Concurrency) * 2);
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    foreach (var number in numbers)
                    {
                        if (stop.IsCancellationRequested)
                        {
                            break;
                        }

                        await pending.Writer.WriteAsync(fetcher.FetchAsync(number, manifest.Latest(number), stop.Token), cancellationToken).ConfigureAwait(false);
                    }
                }
                finally
                {
                    pending.Writer.Complete();
                }
            },
            CancellationToken.None);

        var missingRun = 0;
        await foreach (var task in pending.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            var record = await task.ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (record is null)
            {
                continue; // stopped before it was asked for
            }

            manifest.Append(record);
            progress?.Advance(record.Number);
            switch (record.Outcome)
            {
                case "fetched":
                    _fetched++;
                    missingRun = 0;
                    break;
                case "unchanged":
                    _unchanged++;
                    missingRun = 0;
                    break;
                case "missing":
                    _missing++;
                    missingRun++;
                    break;
                case "disallowed":
                    _disallowed++;
                    lines.WriteLine($"esf: {record.Number}: disallowed by robots.txt ({TerminalText.Escape(record.Address)})");
                    break;
                default:
                    _failed++;
                    lines.WriteLine($"esf: {record.Number}: failed: {TerminalText.Escape(record.Reason)}");
                    break;
            }

            if (settings.IsRange && missingRun >= settings.StopAfterMissing && !stop.IsCancellationRequested)
            {
                lines.WriteLine($"esf: {missingRun} numbers in a row are missing (the last {record.Number}); the range stops here.");
                await stop.CancelAsync().ConfigureAwait(false);
            }
        }

        await producer.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>The HTTP client as the ecosystem builds one: a named client from <see cref="IHttpClientFactory"/>, decompression, no automatic redirects (they are followed and recorded here), the standard resilience pipeline.</summary>
    private ServiceProvider Services()
    {
        var services = new ServiceCollection();
        var builder = services.AddHttpClient(ProductToken, client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline times each attempt and the whole
                client.DefaultRequestHeaders.UserAgent.TryParseAdd(UserAgent(settings.Contact));
                client.DefaultRequestHeaders.Accept.ParseAdd("text/html, application/xhtml+xml;q=0.9, */*;q=0.1");
                client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv, en;q=0.5");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                AllowAutoRedirect = false,
                ConnectTimeout = settings.AttemptTimeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        builder.AddStandardResilienceHandler(options =>
            {
                options.Retry.MaxRetryAttempts = 3;
                options.Retry.BackoffType = DelayBackoffType.Exponential;
                options.Retry.UseJitter = true;
                options.Retry.Delay = settings.RetryDelay;
                options.Retry.MaxDelay = TimeSpan.FromMinutes(2); // a Retry-After longer than this ends the retries
                options.AttemptTimeout.Timeout = settings.AttemptTimeout;
                options.TotalRequestTimeout.Timeout = (settings.AttemptTimeout * 4) + (settings.RetryDelay * 16) + TimeSpan.FromMinutes(6);
                // Half of ten or more requests in a minute failing pauses requests for half a minute: a site in trouble
                // is not asked again and again.
                options.CircuitBreaker.FailureRatio = 0.5;
                options.CircuitBreaker.MinimumThroughput = 10;
                options.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMinutes(1).Ticks, (settings.AttemptTimeout * 2).Ticks));
                options.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(30);
            });

        // Added after the resilience handler, so inside it: each attempt reads its body whole.
        builder.AddHttpMessageHandler(() => new WholeBody(EsfProjectParser.Default.Options.MaxInputBytes));
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Reads each answer's body whole inside the attempt (it sits inside the resilience pipeline): a body that stops
    /// coming, a connection reset half-way or a body past the limit fails the attempt, which is then timed and
    /// retried like any other failure, instead of failing later, outside the pipeline.
    /// </summary>
    private sealed class WholeBody(long limit) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            try
            {
                await response.Content.LoadIntoBufferAsync(limit, cancellationToken).ConfigureAwait(false);
                return response;
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
    }

    /// <summary><c>esf/1.2.0 (+https://github.com/esf-projects/Esf.Projects; mailto:you@example.org)</c>: the tool, its version, where to read about it, and whom to write to.</summary>
    internal static string UserAgent(string? contact)
    {
        var comment = "+https://github.com/esf-projects/Esf.Projects" + (string.IsNullOrWhiteSpace(contact) ? string.Empty : "; " + (contact.Contains('@', StringComparison.Ordinal) && !contact.Contains(':', StringComparison.Ordinal) ? "mailto:" + contact : contact));
        return $"{ProductToken}/{CliApplication.Version} ({comment.Replace("(", "[", StringComparison.Ordinal).Replace(")", "]", StringComparison.Ordinal)})";
    }

    /// <summary>One number's request, paced, with robots.txt and redirects; made into a <see cref="FetchRecord"/>, never thrown.</summary>
    private sealed class PageFetcher(HttpClient client, FetchSettings settings, string run)
    {
        private readonly SemaphoreSlim _inFlight = new(Math.Max(1, settings.Concurrency));
        private readonly Lock _pace = new();
        private readonly Dictionary<string, Task<RobotsTxt>> _robots = new(StringComparer.OrdinalIgnoreCase);
        private long _nextStart = TimeProvider.System.GetTimestamp();

        public async Task<FetchRecord?> FetchAsync(string number, FetchRecord? previous, CancellationToken stop)
        {
            var address = ProjectNumbers.Address(settings.UrlTemplate, number);
            try
            {
                await _inFlight.WaitAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return null;
            }

            try
            {
                var robots = await RobotsAsync(address, stop).ConfigureAwait(false);
                if (!robots.Allows(address))
                {
                    return Record(number, "disallowed", address, null, [], null, "robots.txt disallows this address", previous: null);
                }

                await TurnAsync(robots, stop).ConfigureAwait(false);
                return await RequestAsync(number, address, previous, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return null;
            }
            finally
            {
                _inFlight.Release();
            }
        }

        /// <summary>Waits until this request may start: requests start at most <see cref="FetchSettings.Rate"/> a second, or one per <c>Crawl-delay</c> when that is longer.</summary>
        private async Task TurnAsync(RobotsTxt robots, CancellationToken stop)
        {
            var interval = TimeSpan.FromSeconds(1 / Math.Max(settings.Rate, 1e-6));
            if (robots.CrawlDelay is { } delay && delay > interval)
            {
                interval = delay;
            }

            long start;
            lock (_pace)
            {
                var now = TimeProvider.System.GetTimestamp();
                start = Math.Max(now, _nextStart);
                _nextStart = start + (long)(interval.TotalSeconds * TimeProvider.System.TimestampFrequency);
            }

            var wait = TimeProvider.System.GetElapsedTime(TimeProvider.System.GetTimestamp(), start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, stop).ConfigureAwait(false);
            }
        }

        /// <summary>The host's robots.txt, asked for once (RFC 9309: 4xx allows everything, no answer or 5xx allows nothing).</summary>
        private Task<RobotsTxt> RobotsAsync(Uri address, CancellationToken stop)
        {
            var key = address.GetLeftPart(UriPartial.Authority);
            lock (_robots)
            {
                if (!_robots.TryGetValue(key, out var robots))
                {
                    robots = LoadRobotsAsync(new Uri(key + "/robots.txt"), stop);
                    _robots[key] = robots;
                }

                return robots;
            }
        }

        private async Task<RobotsTxt> LoadRobotsAsync(Uri address, CancellationToken stop)
        {
            try
            {
                await TurnAsync(RobotsTxt.AllowAll, stop).ConfigureAwait(false);
                using var response = await client.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, stop).ConfigureAwait(false);
                if ((int)response.StatusCode is >= 400 and < 500)
                {
                    return RobotsTxt.AllowAll;
                }

                if (!response.IsSuccessStatusCode)
                {
                    return RobotsTxt.DisallowAll;
                }

                // The body is whole already (WholeBody); one of more than 512 KiB is not read as rules.
                var bytes = await response.Content.ReadAsByteArrayAsync(stop).ConfigureAwait(false);
                if (bytes.Length > 512 * 1024)
                {
                    return RobotsTxt.DisallowAll;
                }

                return RobotsTxt.Parse(System.Text.Encoding.UTF8.GetString(bytes), ProductToken);
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutException or IOException or Polly.CircuitBreaker.BrokenCircuitException || (e is OperationCanceledException && !stop.IsCancellationRequested))
            {
                return RobotsTxt.DisallowAll;
            }
        }

        private async Task<FetchRecord> RequestAsync(string number, Uri address, FetchRecord? previous, CancellationToken stop)
        {
            var file = Path.Combine(settings.Folder, ProjectNumbers.FileName(number));
            // Asked with the validators of the page on disk: a record that failed keeps those of the page before it.
            var conditional = !settings.Refresh && previous is { Outcome: "fetched" or "unchanged" or "failed", File: not null } && File.Exists(file) ? previous : null;
            var redirects = new List<string>();
            var current = address;
            try
            {
                for (var hop = 0; ; hop++)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, current);
                    if (conditional?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
                    {
                        request.Headers.IfNoneMatch.Add(tag);
                    }

                    if (conditional?.LastModified is { } modified && DateTimeOffset.TryParse(modified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
                    {
                        request.Headers.IfModifiedSince = since;
                    }

                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop).ConfigureAwait(false);
                    var status = (int)response.StatusCode;
                    if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
                    {
                        if (hop >= 10)
                        {
                            return Record(number, "failed", address, current, redirects, status, "more than 10 redirects", previous);
                        }

                        redirects.Add(current.ToString());
                        current = location.IsAbsoluteUri ? location : new Uri(current, location);
                        continue;
                    }

                    if (status == 304 && conditional is not null)
                    {
                        return Record(number, "unchanged", address, current, redirects, status, null, previous, conditional.ETag, conditional.LastModified, conditional.Bytes, conditional.ContentType, conditional.Charset, conditional.File);
                    }

                    if (status is 404 or 410)
                    {
                        return Record(number, "missing", address, current, redirects, status, $"HTTP {status}", previous);
                    }

                    if (!response.IsSuccessStatusCode)
                    {
                        return Record(number, "failed", address, current, redirects, status, $"HTTP {status} {response.ReasonPhrase}".TrimEnd(), previous);
                    }

                    return await SaveAsync(number, address, current, redirects, response, file, stop).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutException or IOException or Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException || (e is OperationCanceledException && !stop.IsCancellationRequested))
            {
                return Record(number, "failed", address, current, redirects, null, Reason(e), previous);
            }
        }

        /// <summary>A page that answered 200 (its body read whole inside the attempt, <see cref="WholeBody"/>): told from a page that names no project, and saved whole only when its bytes changed.</summary>
        private async Task<FetchRecord> SaveAsync(string number, Uri address, Uri final, List<string> redirects, HttpResponseMessage response, string file, CancellationToken stop)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(stop).ConfigureAwait(false);
            if (bytes.Length == 0)
            {
                return Record(number, "failed", address, final, redirects, (int)response.StatusCode, $"HTTP {(int)response.StatusCode} with an empty body", previous: null);
            }

            var contentType = response.Content.Headers.ContentType;
            var etag = response.Headers.ETag?.ToString();
            var lastModified = response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture);
            var page = Html.EsfHtml.Parse(bytes);
            if (page.Project.Fields.IsEmpty)
            {
                return Record(number, "missing", address, final, redirects, (int)response.StatusCode, "the page names no project (no header field was read)", previous: null);
            }

            var outcome = "fetched";
            if (File.Exists(file) && (await File.ReadAllBytesAsync(file, stop).ConfigureAwait(false)).AsSpan().SequenceEqual(bytes))
            {
                outcome = "unchanged";
            }
            else
            {
                using var output = Output.OutputFile.For(new FileInfo(file), keepContents: false);
                await File.WriteAllBytesAsync(output.WritePath, bytes, CancellationToken.None).ConfigureAwait(false);
                output.Commit();
            }

            return Record(number, outcome, address, final, redirects, (int)response.StatusCode, null, previous: null, etag, lastModified, bytes.Length, contentType?.MediaType, contentType?.CharSet, Path.GetFileName(file));
        }

        private static string Reason(Exception e) => e switch
        {
            Polly.CircuitBreaker.BrokenCircuitException => "the site failed too often; requests are paused (circuit open)",
            Polly.Timeout.TimeoutRejectedException => "no answer in time",
            OperationCanceledException or TimeoutException => "no answer in time",
            HttpRequestException { StatusCode: { } status } => $"HTTP {(int)status}",
            _ => e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message,
        };

        private FetchRecord Record(
            string number, string outcome, Uri address, Uri? final, List<string> redirects, int? status, string? reason, FetchRecord? previous,
            string? etag = null, string? lastModified = null, long? bytes = null, string? contentType = null, string? charset = null, string? file = null) =>
            new(number, outcome, address.ToString(), final?.ToString(), [.. redirects], status, reason,
                etag ?? (outcome == "failed" ? previous?.ETag : null), lastModified ?? (outcome == "failed" ? previous?.LastModified : null),
                DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), bytes, contentType, charset,
                file ?? (outcome == "failed" ? previous?.File : null), run);
    }
}
