namespace Esf.Projects.Tests.Parsing;

/// <summary><see cref="ProjectCorpus"/>: parallel, bounded, ordered or not, cancellable; same results as a loop.</summary>
public class CorpusTests
{
    private static string[] CorpusFiles(int copies)
    {
        var folder = Path.Combine(Path.GetTempPath(), "esf-corpus-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        for (var i = 0; i < copies; i++)
        {
            foreach (var seed in Seeds.Names)
            {
                var path = Path.Combine(folder, $"{i:D4}_{seed}");
                File.Copy(Path.Combine(Seeds.Folder, seed), path);
                files.Add(path);
            }
        }

        return [.. files];
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Parallel_results_equal_a_sequential_loop(bool ordered)
    {
        var files = CorpusFiles(20);
        try
        {
            var options = new CorpusOptions { Ordered = ordered, MaxDegreeOfParallelism = 4, MaxPagesInFlight = 8 };
            var items = new List<CorpusItem>();
            await foreach (var item in ProjectCorpus.ParseFilesAsync(files, options))
            {
                items.Add(item);
            }

            Assert.Equal(files.Length, items.Count);
            if (ordered)
            {
                Assert.Equal(Enumerable.Range(0, files.Length), items.Select(i => i.Index));
            }

            foreach (var item in items)
            {
                Assert.Equal(files[item.Index], item.Source);
                Assert.Null(item.ReadError);
                Assert.Equal(Json.EsfJson.Serialize(ProjectParser.Parse(File.ReadAllBytes(item.Source))), Json.EsfJson.Serialize(item.Result!));
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(files[0])!, recursive: true);
        }
    }

    [Fact]
    public async Task A_directory_is_parsed_recursively_in_ordinal_order()
    {
        var sources = new List<string>();
        await foreach (var item in ProjectCorpus.ParseDirectoryAsync(Seeds.Folder))
        {
            sources.Add(Path.GetFileName(item.Source));
        }

        Assert.Equal(Seeds.Names, sources);
    }

    [Fact]
    public async Task An_unreadable_file_is_an_item_with_its_error_and_the_rest_go_on()
    {
        var items = new List<CorpusItem>();
        await foreach (var item in ProjectCorpus.ParseFilesAsync([Path.Combine(Seeds.Folder, Seeds.Names.First()), "/no/such/file.txt"]))
        {
            items.Add(item);
        }

        Assert.NotNull(items[0].Result);
        Assert.Null(items[1].Result);
        Assert.IsAssignableFrom<IOException>(items[1].ReadError);
    }

    [Fact]
    public async Task Streams_are_read_and_cancellation_stops_the_enumeration()
    {
        var inputs = Enumerable.Range(0, 10_000).Select(i => ($"page {i}", (Func<Stream>)(() => new MemoryStream(Seeds.Bytes(Seeds.Names.First())))));
        using var cancel = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in ProjectCorpus.ParseStreamsAsync(inputs, new CorpusOptions { MaxPagesInFlight = 4 }, cancel.Token))
            {
                Assert.Equal("Brytpunkt", item.Result!.Project.Title);
                if (++seen == 25)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        Assert.Equal(25, seen);
    }

    [Fact]
    public async Task Select_runs_the_selector_on_the_workers_and_keeps_the_order()
    {
        var files = CorpusFiles(8);
        var calls = 0;
        var callsAtFirstItem = -1;
        var selected = new List<(string Source, string? Title)>();
        await foreach (var item in ProjectCorpus.SelectFilesAsync(files, item => { Interlocked.Increment(ref calls); return (item.Source, item.Result!.Project.Title); }, new CorpusOptions { MaxDegreeOfParallelism = 2 }))
        {
            if (callsAtFirstItem < 0)
            {
                callsAtFirstItem = Volatile.Read(ref calls);
            }

            selected.Add(item);
        }

        Assert.Equal(files, selected.Select(s => s.Source));
        Assert.Equal(files.Select(f => ProjectParser.Parse(File.ReadAllBytes(f)).Project.Title), selected.Select(s => s.Title));

        // A worker hands over a whole chunk (16 pages with these options) after selecting every page of it, so the
        // selector has run ahead of the consumer: it runs where the page was parsed, not in the loop above.
        Assert.True(callsAtFirstItem >= 16, $"{callsAtFirstItem} selector calls before the first item");
    }

    [Fact]
    public async Task A_failure_while_parsing_one_input_is_that_inputs_item_and_the_run_goes_on()
    {
        var files = CorpusFiles(2);
        var options = new CorpusOptions { ParseBytes = (source, bytes) => source == files[3] ? throw new InvalidOperationException("handler bug") : ProjectParser.Parse(bytes.Span) };

        var items = new List<CorpusItem>();
        await foreach (var item in ProjectCorpus.ParseFilesAsync(files, options))
        {
            items.Add(item);
        }

        Assert.Equal(files, items.Select(i => i.Source));
        Assert.IsType<InvalidOperationException>(items[3].ReadError);
        Assert.Null(items[3].Result);
        Assert.All(items.Where((_, i) => i != 3), i => Assert.NotNull(i.Result));
    }

    [Fact]
    public async Task A_file_larger_than_the_input_limit_is_read_only_as_far_as_the_limit()
    {
        var folder = Directory.CreateTempSubdirectory("esf-big-").FullName;
        try
        {
            var big = Path.Combine(folder, "big.txt");
            File.WriteAllText(big, Seeds.Text("000_196cdacd7e4f6bec.txt") + new string('x', 4 << 20));
            var parser = new ProjectParserBuilder().Configure(o => o with { MaxInputLength = 20_000 }).Build();

            var before = GC.GetAllocatedBytesForCurrentThread();
            CorpusItem? item = null;
            await foreach (var i in ProjectCorpus.ParseFilesAsync([big], new CorpusOptions { Parser = parser, MaxDegreeOfParallelism = 1 }))
            {
                item = i;
            }

            Assert.Contains(item!.Result!.Diagnostics, d => d.Code == DiagnosticCodes.InputTooLong);
            Assert.Equal("Brytpunkt", item.Result.Project.Title);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void Absurd_parallelism_is_refused_when_set(int workers) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CorpusOptions { MaxDegreeOfParallelism = workers });

    [Theory]
    [InlineData(0)]
    [InlineData(int.MaxValue)]
    public void Absurd_pages_in_flight_are_refused_when_set(int pages) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CorpusOptions { MaxPagesInFlight = pages });
}
