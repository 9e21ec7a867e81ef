using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Esf.Projects.Cli;
using Esf.Projects.Json;

namespace Esf.Projects.Tests.Hostile;

/// <summary>
/// A page's result depends on the page alone: parsed after any other pages, in any order, on one thread or on many
/// sharing one parser, it equals the result of parsing it alone in a fresh process (where no pooled buffer has been
/// used before). The pages are the seeds, the layout examples, the real pages, HTML renderings of some of them and
/// small pathological shapes, so every kind of pooled state (line tables, lists, header rows) is reused across kinds.
/// </summary>
public sealed class OrderIndependenceTests : IClassFixture<OrderIndependenceTests.Corpus>
{
    private readonly Corpus _corpus;

    public OrderIndependenceTests(Corpus corpus) => _corpus = corpus;

    [Fact]
    public void A_paragraph_under_an_unknown_heading_stays_prose_after_a_list_section_at_the_same_line()
    {
        const string list = "Titel\nProjektägare: A\n\nSamarbetspartners\n\n• X\n• Y\n";
        const string prose = "Titel\nProjektägare: A\n\nOkänd rubrik\n\nEtt stycke text här.\n";
        var alone = ProjectParser.Parse(prose);
        for (var i = 0; i < 5; i++)
        {
            ProjectParser.Parse(list);
        }

        var after = ProjectParser.Parse(prose);

        Assert.Empty(after.Project.Partners);
        Assert.DoesNotContain(after.Diagnostics, d => d.Code == DiagnosticCodes.ListItemWithoutMarker);
        Assert.IsType<ParagraphBlock>(Assert.Single(after.Project.Sections[0].Blocks));
        Assert.Equal(alone.Project, after.Project);
        Assert.Equal<Diagnostic>(alone.Diagnostics, after.Diagnostics);
    }

    [Fact]
    public void Every_page_parsed_in_random_order_on_one_thread_equals_the_page_parsed_alone_in_a_fresh_process()
    {
        var random = new Random(20261206);
        var mismatches = new List<string>();
        for (var i = 0; i < 5_000; i++)
        {
            var page = _corpus.Pages[random.Next(_corpus.Pages.Count)];
            if (_corpus.Json(page) != _corpus.Expected[page])
            {
                mismatches.Add($"parse {i}: {Path.GetFileName(page)}");
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Every_page_parsed_on_sixteen_threads_sharing_one_parser_equals_the_page_parsed_alone_in_a_fresh_process()
    {
        var mismatches = new ConcurrentBag<string>();
        var threads = Enumerable.Range(0, 16).Select(t => new Thread(() =>
        {
            var random = new Random(t);
            for (var i = 0; i < 320; i++)
            {
                var page = _corpus.Pages[random.Next(_corpus.Pages.Count)];
                if (_corpus.Json(page) != _corpus.Expected[page])
                {
                    mismatches.Add($"thread {t}, parse {i}: {Path.GetFileName(page)}");
                }
            }
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        Assert.Empty(mismatches);
    }

    /// <summary>The pages in a temporary folder, and each one's JSON Lines output from <c>esf</c> run on it alone.</summary>
    public sealed class Corpus : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("esf-order-").FullName;

        public Corpus()
        {
            var pages = new List<(string Name, byte[] Bytes)>();
            foreach (var file in Seeds.Names.Select(Seeds.Path_)
                .Concat(Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Layouts"), "*.txt"))
                .Concat(RealPages.Files))
            {
                pages.Add((Path.GetFileName(file), File.ReadAllBytes(file)));
            }

            foreach (var (name, bytes) in pages.Where((_, i) => i % 3 == 0).ToList())
            {
                pages.Add((Path.ChangeExtension(name, ".html"), AsHtml(Encoding.UTF8.GetString(bytes))));
            }

            foreach (var (shape, make) in PathologicalShapes.Makers)
            {
                pages.Add(($"shape-{pages.Count}.txt", Encoding.UTF8.GetBytes(make(3_000))));
            }

            pages.Add(("list-at-line-4.txt", "Titel\nProjektägare: A\n\nSamarbetspartners\n\n• X\n• Y\n"u8.ToArray()));
            pages.Add(("prose-at-line-4.txt", "Titel\nProjektägare: A\n\nOkänd rubrik\n\nEtt stycke text här.\n"u8.ToArray()));

            var paths = new List<string>();
            foreach (var (name, bytes) in pages)
            {
                var path = Path.Combine(_folder, $"{paths.Count:D3}-{name}");
                File.WriteAllBytes(path, bytes);
                paths.Add(path);
            }

            Pages = paths;
            var expected = new ConcurrentDictionary<string, string>();
            Parallel.ForEach(paths, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, path => expected[path] = ParseAloneInFreshProcess(path));
            Expected = expected;
        }

        public IReadOnlyList<string> Pages { get; }

        public IReadOnlyDictionary<string, string> Expected { get; }

        /// <summary>The page as the tool reads it (HTML or text), as the tool writes it in JSON Lines.</summary>
        public string Json(string path) => EsfJson.Serialize(ParseRun.ParseBytes(path, File.ReadAllBytes(path), EsfProjectParser.Default), path, indented: false);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private static string ParseAloneInFreshProcess(string path)
        {
            var (exit, stdout, _) = Cli.EsfProcess.Run("parse", "--quiet", "--format", "jsonl", path);
            Assert.True(exit is 0 or 1, $"esf exited {exit} on {path}");
            return stdout.TrimEnd('\n');
        }

        /// <summary>The page's lines as HTML paragraphs and line breaks, as a simple site would serve them.</summary>
        private static byte[] AsHtml(string text)
        {
            var html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Projekt</title></head><body>\n<p>");
            foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
            {
                html.Append(line.Length == 0 ? "</p>\n<p>" : WebUtility.HtmlEncode(line) + "<br>\n");
            }

            return Encoding.UTF8.GetBytes(html.Append("</p></body></html>\n").ToString());
        }
    }
}
