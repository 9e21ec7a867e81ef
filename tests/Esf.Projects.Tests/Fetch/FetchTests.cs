using System.Diagnostics;
using System.Text.Json.Nodes;
using Esf.Projects.Cli.Fetch;
using Esf.Projects.Tests.Cli;

namespace Esf.Projects.Tests.Fetch;

/// <summary>
/// <c>esf fetch</c> against a fake project bank on Kestrel that serves pages and misbehaves on cue. What the tool
/// did is read from the folder, the manifest and the server's own log of requests — counts, conditions, pacing and
/// concurrency — never from how long the tool took.
/// </summary>
public sealed class FetchTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Directory.CreateTempSubdirectory("esf-fetch-").FullName, "pages");
    private FakeProjectBank _bank = null!;

    public async Task InitializeAsync() => _bank = await FakeProjectBank.StartAsync();

    public async Task DisposeAsync()
    {
        await _bank.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(_folder)!, recursive: true);
    }

    private static string Seed(int i) => HtmlPages.Of(File.ReadAllText(Seeds.Path_(Seeds.Names.ElementAt(i % 5))));

    private (int Exit, string Stderr) Fetch(params string[] args)
    {
        string[] rate = args.Contains("--rate") ? [] : ["--rate", "200"];
        var (exit, _, stderr) = CliRunner.Run(null, ["fetch", "--output", _folder, "--url-template", _bank.Template, .. rate, .. args]);
        return (exit, stderr);
    }

    private List<JsonNode> Manifest() =>
        [.. File.ReadAllLines(Path.Combine(_folder, FetchManifest.FileName)).Select(line => JsonNode.Parse(line)!)];

    [Fact]
    public void Pages_are_saved_whole_in_any_encoding_compressed_or_redirected_and_misses_are_recorded_not_saved()
    {
        _bank.Pages["2019/00001"] = (Seed(0), Behaviour.Page);
        _bank.Pages["2019/00002"] = (Seed(1), Behaviour.Windows1252);
        _bank.Pages["2019/00003"] = (Seed(2), Behaviour.Gzip);
        _bank.Pages["2019/00004"] = ("2019/00005", Behaviour.Redirect);
        _bank.Pages["2019/00005"] = (Seed(3), Behaviour.Page);
        _bank.Pages["2019/00006"] = (string.Empty, Behaviour.NotFound);
        _bank.Pages["2019/00007"] = (string.Empty, Behaviour.NotFoundPage);
        _bank.Pages["2019/00008"] = ("2019/00009", Behaviour.Found);
        _bank.Pages["2019/00009"] = ("2019/00001", Behaviour.Redirect);

        var (exit, stderr) = Fetch("2019/00001", "2019/00002", "2019/00003", "2019/00004", "2019/00006", "2019/00007", "2019/00008");

        Assert.Equal(0, exit);
        Assert.EndsWith("esf: 5 fetched, 0 unchanged, 2 missing, 0 failed" + Environment.NewLine, stderr, StringComparison.Ordinal);
        Assert.Equal(
            ["2019-00001.html", "2019-00002.html", "2019-00003.html", "2019-00004.html", "2019-00008.html", FetchManifest.RunFileName, FetchManifest.FileName],
            Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var records = Manifest().ToDictionary(r => (string)r["number"]!);
        Assert.Equal(7, records.Count);
        Assert.Equal(2, records["2019/00008"]!["redirects"]!.AsArray().Count); // 302, then 301
        Assert.Equal(("fetched", "windows-1252"), ((string)records["2019/00002"]!["outcome"]!, (string?)records["2019/00002"]!["charset"]));
        Assert.Equal([_bank.Template.Replace("{number}", "2019/00004", StringComparison.Ordinal)], records["2019/00004"]!["redirects"]!.AsArray().Select(x => (string)x!));
        Assert.EndsWith("dnr=2019/00005", (string)records["2019/00004"]!["finalAddress"]!, StringComparison.Ordinal);
        Assert.Equal(("missing", 404), ((string)records["2019/00006"]!["outcome"]!, (int)records["2019/00006"]!["status"]!));
        Assert.Equal(("missing", 200), ((string)records["2019/00007"]!["outcome"]!, (int)records["2019/00007"]!["status"]!));
        Assert.All(_bank.Log.Where(r => r.Number is not null), r => Assert.StartsWith("esf/", r.UserAgent, StringComparison.Ordinal));

        // The folder parses as the pages it holds: each saved page gives the project its HTML gives.
        var (parsed, stdout, _) = CliRunner.Run(null, "parse", "--quiet", "--format", "jsonl", _folder);
        Assert.Equal(0, parsed);
        var projects = stdout.TrimEnd('\n').Split('\n').Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(5, projects.Count);
        foreach (var (file, seed) in new[] { ("2019-00001.html", 0), ("2019-00002.html", 1), ("2019-00003.html", 2), ("2019-00004.html", 3) })
        {
            var expected = Esf.Projects.Html.EsfHtml.Parse(Seed(seed)).Project;
            var project = projects.Single(p => ((string)p["source"]!).EndsWith(file, StringComparison.Ordinal))["project"]!;
            Assert.Equal(expected.Title, (string?)project["title"]);
            Assert.Equal(expected.GrantedEsfSupport?.Amount, (decimal?)project["grantedEsfSupport"]?["amount"]);
            Assert.Equal(expected.Owner, (string?)project["owner"]);
        }
    }

    [Fact]
    public void A_second_run_asks_with_the_pages_validators_and_rewrites_only_what_changed()
    {
        _bank.Pages["2019/00001"] = (Seed(0), Behaviour.Page);
        _bank.Pages["2019/00002"] = (Seed(1), Behaviour.Page);
        Assert.Equal(0, Fetch("2019/00001", "2019/00002").Exit);
        var first = File.GetLastWriteTimeUtc(Path.Combine(_folder, "2019-00001.html"));
        _bank.Pages["2019/00002"] = (Seed(2), Behaviour.Page); // changed on the site

        var (exit, stderr) = Fetch("2019/00001", "2019/00002");

        Assert.Equal(0, exit);
        Assert.EndsWith("esf: 1 fetched, 1 unchanged, 0 missing, 0 failed" + Environment.NewLine, stderr, StringComparison.Ordinal);
        var second = _bank.For("2019/00001")[^1];
        Assert.NotNull(second.IfNoneMatch);
        Assert.Equal("Tue, 01 Dec 2026 10:00:00 GMT", second.IfModifiedSince);
        Assert.Equal(first, File.GetLastWriteTimeUtc(Path.Combine(_folder, "2019-00001.html")));
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(Seed(2)), File.ReadAllBytes(Path.Combine(_folder, "2019-00002.html")));
        Assert.Equal(4, Manifest().Count); // two records per number, the latest one its state

        // --refresh asks without conditions.
        Assert.Equal(0, Fetch("--refresh", "2019/00001").Exit);
        Assert.Null(_bank.For("2019/00001")[^1].IfNoneMatch);
    }

    [Fact]
    public void Too_many_requests_and_server_errors_are_retried_and_a_reset_fails_with_its_reason_after_three_retries()
    {
        _bank.Pages["2019/00001"] = (Seed(0), Behaviour.TooManyThenPage);
        _bank.Pages["2019/00002"] = (Seed(1), Behaviour.ErrorThenPage);
        _bank.Pages["2019/00003"] = (Seed(2), Behaviour.Reset);

        var (exit, stderr) = Fetch("--timeout", "1", "2019/00001", "2019/00002", "2019/00003");

        Assert.Equal(1, exit);
        Assert.Equal((2, 2), (_bank.For("2019/00001").Count, _bank.For("2019/00002").Count));
        Assert.Equal(4, _bank.For("2019/00003").Count); // the first try and three retries
        Assert.Contains("esf: 2019/00003: failed: ", stderr, StringComparison.Ordinal);
        Assert.EndsWith("esf: 2 fetched, 0 unchanged, 0 missing, 1 failed" + Environment.NewLine, stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "2019-00003.html")));
        Assert.Empty(Directory.GetFiles(_folder, "*.esf-partial"));
    }

    [Fact]
    public void Quiet_prints_nothing_and_the_exit_code_still_says_a_number_failed()
    {
        _bank.Pages["2019/00001"] = (Seed(0), Behaviour.Reset);

        var (exit, stderr) = Fetch("--quiet", "--timeout", "0.5", "2019/00001");

        Assert.Equal((1, string.Empty), (exit, stderr));
        Assert.Equal("failed", (string)Manifest().Single()["outcome"]!);
    }

    [Fact]
    public void A_page_whose_body_stops_coming_fails_each_attempt_in_its_time()
    {
        _bank.Pages["2019/00001"] = (Seed(0), Behaviour.SlowBody);

        var (exit, stderr) = Fetch("--timeout", "0.5", "2019/00001");

        Assert.Equal(1, exit);
        Assert.Equal(4, _bank.For("2019/00001").Count);
        Assert.Contains("esf: 2019/00001: failed: no answer in time", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "2019-00001.html")));
    }

    /// <summary>A site that keeps failing is not asked again and again: once half of ten requests have failed, the rest fail at once until the break is over.</summary>
    [Fact]
    public void A_site_that_keeps_failing_opens_the_circuit()
    {
        for (var i = 1; i <= 6; i++)
        {
            _bank.Pages[$"2019/0000{i}"] = (Seed(i), Behaviour.Reset);
        }

        var (exit, stderr) = Fetch("--timeout", "1", "--concurrency", "1", "2019/00001", "2019/00002", "2019/00003", "2019/00004", "2019/00005", "2019/00006");

        Assert.Equal(1, exit);
        Assert.InRange(_bank.Log.Count(r => r.Number is not null), 8, 13); // about ten, not 6 × 4 = 24
        Assert.Contains("failed: the site failed too often; requests are paused (circuit open)", stderr, StringComparison.Ordinal);
        Assert.EndsWith("esf: 0 fetched, 0 unchanged, 0 missing, 6 failed" + Environment.NewLine, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Robots_txt_is_read_once_and_its_disallow_and_crawl_delay_are_kept()
    {
        _bank.Robots = "User-agent: *\nDisallow: /private\n\nUser-agent: esf\nDisallow: /projekt/?dnr=2019/00002\nCrawl-delay: 0.3\n";
        for (var i = 1; i <= 4; i++)
        {
            _bank.Pages[$"2019/0000{i}"] = (Seed(i), Behaviour.Page);
        }

        var run = Stopwatch.StartNew();
        var (exit, stderr) = Fetch("--concurrency", "4", "2019/00001", "2019/00002", "2019/00003", "2019/00004");
        run.Stop();

        Assert.Equal(0, exit);
        Assert.Contains("esf: 2019/00002: disallowed by robots.txt", stderr, StringComparison.Ordinal);
        Assert.Single(_bank.Log, r => r.Path == "/robots.txt");
        Assert.Empty(_bank.For("2019/00002"));
        Assert.Equal(3, _bank.Log.Count(r => r.Number is not null));

        // Three requests a crawl delay apart cannot all be made in less than two delays. (A lower bound on the whole
        // run: the server's own receive times bunch up when the machine is busy, so they cannot show the spacing.)
        Assert.True(run.Elapsed >= TimeSpan.FromSeconds(0.6), $"three requests a 0.3 s crawl delay apart took {run.Elapsed}");
    }

    [Fact]
    public void No_more_than_the_concurrency_is_in_flight_and_the_rate_is_kept()
    {
        for (var i = 1; i <= 9; i++)
        {
            _bank.Pages[$"2019/0000{i}"] = (Seed(i), Behaviour.Page);
        }

        var run = Stopwatch.StartNew();
        var (exit, _, _) = CliRunner.Run(null, ["fetch", "--output", _folder, "--url-template", _bank.Template, "--rate", "10", "--concurrency", "2", .. Enumerable.Range(1, 9).Select(i => $"2019/0000{i}")]);
        run.Stop();

        Assert.Equal(0, exit);
        Assert.True(_bank.MostInFlight <= 2, $"{_bank.MostInFlight} requests in flight");
        Assert.Equal(9, _bank.Log.Count(r => r.Number is not null));
        Assert.True(run.Elapsed >= TimeSpan.FromSeconds(0.8), $"ten requests (robots.txt and nine pages) at ten a second took {run.Elapsed}");
    }

    [Fact]
    public void A_range_of_a_thousand_numbers_stops_after_the_run_of_misses_and_records_each_number_once()
    {
        for (var i = 1; i <= 30; i++)
        {
            _bank.Pages[$"2015/{i:D5}"] = (Seed(i), Behaviour.Page);
        }

        var (exit, stderr) = Fetch("--rate", "1000", "--concurrency", "4", "--range", "2015/00001..2015/01000");

        Assert.Equal(0, exit);
        Assert.Contains("50 numbers in a row are missing (the last 2015/00080); the range stops here.", stderr, StringComparison.Ordinal);
        var numbers = Manifest().Select(r => (string)r["number"]!).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 80).Select(i => $"2015/{i:D5}"), numbers.Take(80)); // 30 pages, then 50 misses
        Assert.Equal(numbers.Order(StringComparer.Ordinal), numbers); // recorded in the walk's order
        // And those already asked for when the 80th answer was recorded: at most the four in flight and the eight
        // answers queued for recording, with the one being recorded.
        Assert.InRange(numbers.Count, 80, 93);
        Assert.Equal(30, Directory.GetFiles(_folder, "2015-*.html").Length);
    }

    [UnixFact]
    public async Task A_run_killed_in_the_middle_resumes_without_asking_again_for_what_it_had()
    {
        for (var i = 1; i <= 6; i++)
        {
            _bank.Pages[$"2019/0000{i}"] = (Seed(i), i == 4 ? Behaviour.Held : Behaviour.Page);
        }

        var numbers = Enumerable.Range(1, 6).Select(i => $"2019/0000{i}").ToArray();
        using (var process = Process.Start(EsfProcess.StartInfo(["fetch", "--output", _folder, "--url-template", _bank.Template, "--rate", "100", "--concurrency", "1", .. numbers]))!)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!File.Exists(Path.Combine(_folder, FetchManifest.FileName)) || File.ReadAllLines(Path.Combine(_folder, FetchManifest.FileName)).Length < 3)
            {
                if (process.HasExited || DateTime.UtcNow > deadline)
                {
                    process.Kill(entireProcessTree: true);
                    Assert.Fail("three pages were not fetched: " + await process.StandardError.ReadToEndAsync());
                }

                await Task.Delay(20);
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _bank.Release();
        var (exit, stderr) = Fetch("--concurrency", "1", numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5]);

        Assert.Equal(0, exit);
        Assert.Contains("esf: resuming an interrupted run: 3 number(s) already done.", stderr, StringComparison.Ordinal);
        Assert.All(numbers[..3], n => Assert.Single(_bank.For(n)));
        Assert.Equal(6, Directory.GetFiles(_folder, "2019-*.html").Length);
        Assert.Contains("\"complete\":true", File.ReadAllText(Path.Combine(_folder, FetchManifest.RunFileName)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2019/00446", "2019/00446")]
    [InlineData(" 22-044-S07 ", "22-044-S07")]
    [InlineData("https://www.esf.se/resultat/projektbanken/projekt/?dnr=2019/00446", "2019/00446")]
    [InlineData("https://www.esf.se/resultat/projektbanken/projekt/?dnr=2019%2F00446", "2019/00446")]
    [InlineData("https://www.esf.se/resultat/projektbanken/projekt/?x=1&dnr=22-044-S07", "22-044-S07")]
    [InlineData("2011-3090121", null)]
    [InlineData("https://www.esf.se/", null)]
    public void A_number_is_read_from_itself_or_from_a_project_pages_address(string text, string? number) =>
        Assert.Equal(number, ProjectNumbers.Read(text));

    [Fact]
    public void Ranges_walk_one_form_and_name_files_that_work_everywhere()
    {
        Assert.Equal(["2015/00998", "2015/00999", "2015/01000"], ProjectNumbers.Range("2015/00998..2015/01000", out _));
        Assert.Equal(["22-001-S11", "22-001-S12", "22-002-S11", "22-002-S12"], ProjectNumbers.Range("22-001-S11..22-002-S12", out _));
        Assert.Null(ProjectNumbers.Range("2015/00010..2016/00001", out var error));
        Assert.Contains("year", error, StringComparison.Ordinal);
        Assert.Null(ProjectNumbers.Range("2015/00010..22-001-S01", out _));
        Assert.Equal("2019-00446.html", ProjectNumbers.FileName("2019/00446"));
        Assert.Equal("https://www.esf.se/resultat/projektbanken/projekt/?dnr=2019/00446", ProjectNumbers.Address(FetchSettings.DefaultTemplate, "2019/00446").ToString());
    }

    [Theory]
    [InlineData("User-agent: *\nDisallow: /projekt/\n", "/projekt/?dnr=1", false)]
    [InlineData("User-agent: *\nDisallow: /projekt/\nAllow: /projekt/?dnr=\n", "/projekt/?dnr=1", true)]
    [InlineData("User-agent: other\nDisallow: /\n", "/projekt/?dnr=1", true)]
    [InlineData("User-agent: ESF\nDisallow: /*dnr=2019$\n", "/projekt/?dnr=2019", false)]
    [InlineData("User-agent: ESF\nDisallow: /*dnr=2019$\n", "/projekt/?dnr=2019/1", true)]
    [InlineData("Disallow: /\n", "/projekt/", true)]
    public void Robots_rules_are_read_as_rfc_9309_says(string robots, string path, bool allowed) =>
        Assert.Equal(allowed, RobotsTxt.Parse(robots, "esf").Allows(new Uri("https://example.org" + path)));

    [Fact]
    public void A_hostile_robots_txt_pattern_costs_linear_time()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /" + string.Concat(Enumerable.Repeat("a*", 2000)) + "b\n", "esf");
        Assert.True(robots.Allows(new Uri("https://example.org/" + new string('a', 5000))));
    }
}
