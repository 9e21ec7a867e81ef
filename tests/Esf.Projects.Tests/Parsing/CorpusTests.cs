namespace Esf.Projects.Tests.Parsing;

/// <summary><see cref="ProjectCorpus"/>: parallel, bounded, ordered or not, cancellable; same results as a loop.</summary>
public class CorpusTests
{
    /// <summary>Copies of the seeds in a new temporary folder, deleted when disposed.</summary>
    private sealed class TempCorpus : IDisposable
    {
        public TempCorpus(int copies)
        {
            Folder = Directory.CreateTempSubdirectory("esf-corpus-").FullName;
            var files = new List<string>();
            for (var i = 0; i < copies; i++)
            {
                foreach (var seed in Seeds.Names)
                {
                    var path = Path.Combine(Folder, $"{i:D4}_{seed}");
                    File.Copy(Path.Combine(Seeds.Folder, seed), path);
                    files.Add(path);
                }
            }

            Files = [.. files];
        }

        public string Folder { get; }

        public string[] Files { get; }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Parallel_results_equal_a_sequential_loop(bool ordered)
    {
        using var corpus = new TempCorpus(20);
        var files = corpus.Files;
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
        using var corpus = new TempCorpus(8);
        var files = corpus.Files;
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
        using var corpus = new TempCorpus(2);
        var files = corpus.Files;
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

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int mkfifo(string path, uint mode);

    /// <summary>A FIFO among the pages hung the run for ever: opening it for reading waits for a writer.</summary>
    [UnixFact]
    public async Task A_fifo_among_the_files_is_an_item_with_a_read_error_and_is_never_opened()
    {
        var folder = Directory.CreateTempSubdirectory("esf-fifo-").FullName;
        try
        {
            File.Copy(Seeds.Path_(Seeds.Names.First()), Path.Combine(folder, "a.txt"));
            Assert.Equal(0, mkfifo(Path.Combine(folder, "b.txt"), 0x1B6));
            File.Copy(Seeds.Path_(Seeds.Names.Last()), Path.Combine(folder, "c.txt"));

            var items = await Collect(ProjectCorpus.ParseDirectoryAsync(folder)).WaitAsync(TimeSpan.FromMinutes(1));

            Assert.Equal(["a.txt", "b.txt", "c.txt"], items.Select(i => Path.GetFileName(i.Source)));
            Assert.NotNull(items[0].Result);
            Assert.Contains("not a regular file", Assert.IsType<IOException>(items[1].ReadError).Message, StringComparison.Ordinal);
            Assert.NotNull(items[2].Result);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A device that never ends (<c>/dev/zero</c>) was read until memory ran out.</summary>
    [UnixFact]
    public async Task A_device_is_an_item_with_a_read_error_and_is_never_read()
    {
        var items = await Collect(ProjectCorpus.ParseFilesAsync(["/dev/zero", Seeds.Path_(Seeds.Names.First())])).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.IsType<IOException>(items[0].ReadError);
        Assert.NotNull(items[1].Result);
    }

    /// <summary>A link from a folder to its parent gave the same pages dozens of times, or an enumeration that never ended.</summary>
    [Fact]
    public async Task A_symbolic_link_loop_neither_repeats_pages_nor_goes_on_for_ever()
    {
        var folder = Directory.CreateTempSubdirectory("esf-loop-").FullName;
        try
        {
            var sub = Directory.CreateDirectory(Path.Combine(folder, "sub")).FullName;
            File.Copy(Seeds.Path_(Seeds.Names.First()), Path.Combine(sub, "page.txt"));
            Directory.CreateSymbolicLink(Path.Combine(sub, "loop"), folder);

            var items = await Collect(ProjectCorpus.ParseDirectoryAsync(folder)).WaitAsync(TimeSpan.FromMinutes(1));

            Assert.Equal(Path.Combine(sub, "page.txt"), Assert.Single(items).Source);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A folder that cannot be listed made ParseDirectoryAsync throw; <see cref="ProjectCorpus.FindFiles"/> lists it in its place, ending with a separator, and reading it gives the reason.</summary>
    [Fact]
    public async Task A_folder_that_cannot_be_listed_is_an_item_with_the_reason()
    {
        var gone = Path.Combine(Path.GetTempPath(), "esf-gone-" + Guid.NewGuid().ToString("N")) + Path.DirectorySeparatorChar;
        var here = Directory.CreateTempSubdirectory("esf-here-").FullName + Path.DirectorySeparatorChar;
        try
        {
            var items = await Collect(ProjectCorpus.ParseFilesAsync([gone, here]));

            Assert.IsType<DirectoryNotFoundException>(items[0].ReadError);
            Assert.Contains("is a folder, not a page", Assert.IsType<IOException>(items[1].ReadError).Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(here);
        }
    }

    /// <summary>An unreadable subfolder made ParseDirectoryAsync throw, ending the run; it is an item in its place now.</summary>
    [UnprivilegedUnixFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task An_unreadable_subfolder_is_an_item_in_its_place_and_the_rest_go_on()
    {
        var folder = Directory.CreateTempSubdirectory("esf-locked-").FullName;
        var locked = Directory.CreateDirectory(Path.Combine(folder, "b")).FullName;
        try
        {
            File.Copy(Seeds.Path_(Seeds.Names.First()), Path.Combine(folder, "a.txt"));
            File.Copy(Seeds.Path_(Seeds.Names.First()), Path.Combine(locked, "hidden.txt"));
            File.Copy(Seeds.Path_(Seeds.Names.Last()), Path.Combine(folder, "c.txt"));
            File.SetUnixFileMode(locked, UnixFileMode.None);

            var items = await Collect(ProjectCorpus.ParseDirectoryAsync(folder));

            Assert.Equal([Path.Combine(folder, "a.txt"), locked + Path.DirectorySeparatorChar, Path.Combine(folder, "c.txt")], items.Select(i => i.Source));
            Assert.IsType<UnauthorizedAccessException>(items[1].ReadError);
            Assert.NotNull(items[0].Result);
            Assert.NotNull(items[2].Result);
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Find_files_matches_the_pattern_ignoring_case_at_any_depth_in_ordinal_order()
    {
        var folder = Directory.CreateTempSubdirectory("esf-find-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "b"));
            foreach (var name in new[] { "b/x.TXT", "a.txt", "b/y.html", "B.txt" })
            {
                File.WriteAllText(Path.Combine(folder, name), "x");
            }

            var found = ProjectCorpus.FindFiles(folder, "*.txt");

            Assert.Equal(["B.txt", "a.txt", "b/x.TXT"], found.Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')));
            Assert.All(found, f => Assert.StartsWith(folder, f, StringComparison.Ordinal));
            var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), folder);
            Assert.All(ProjectCorpus.FindFiles(relative, "*.txt"), f => Assert.StartsWith(relative, f, StringComparison.Ordinal));
            Assert.Throws<DirectoryNotFoundException>(() => ProjectCorpus.FindFiles(Path.Combine(folder, "nope")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The memory bound counted pages only: 12 pages of 2 MB held 5 GB. With a byte budget smaller than any page, one chunk is out at a time.</summary>
    [Fact]
    public async Task Bytes_in_flight_are_bounded_as_well_as_pages()
    {
        using var corpus = new TempCorpus(10);
        var files = corpus.Files;
        var outstanding = 0;
        var most = 0;
        var options = new CorpusOptions
        {
            MaxDegreeOfParallelism = 2,
            MaxPagesInFlight = 8, // chunks of 2 pages
            MaxBytesInFlight = 1,
            ParseBytes = (_, bytes) =>
            {
                var now = Interlocked.Increment(ref outstanding);
                InterlockedMax(ref most, now);
                return ProjectParser.Parse(bytes.Span);
            },
        };

        var items = new List<CorpusItem>();
        await foreach (var item in ProjectCorpus.ParseFilesAsync(files, options))
        {
            items.Add(item);
            Interlocked.Decrement(ref outstanding);
        }

        Assert.Equal(files, items.Select(i => i.Source));
        Assert.All(items, i => Assert.NotNull(i.Result));
        Assert.InRange(most, 1, 2);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    [Fact]
    public void A_byte_budget_below_one_is_refused_when_set() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CorpusOptions { MaxBytesInFlight = 0 });

    private static async Task<List<CorpusItem>> Collect(IAsyncEnumerable<CorpusItem> items)
    {
        var list = new List<CorpusItem>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
