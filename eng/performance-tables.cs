// Rewrites the tables of one document (docs/performance.md, docs/contributing/performance.md) from BenchmarkDotNet's
// CSV reports and the scripts' own tables.
//
//   dotnet run eng/performance-tables.cs -- <artifacts/benchmarks> <docs/performance.md>
//
// Each table sits between `<!-- table:NAME -->` and `<!-- /table -->`; a table whose run is missing is left as it
// is, so one suite can be re-run alone. eng/benchmarks.sh runs the suites and then this.
#:property InvariantGlobalization=true
#:property NoWarn=$(NoWarn);CA1305;CA1307;CA1310;CA1311;CA1304
using System.Globalization;
using System.Text;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: dotnet run eng/performance-tables.cs -- <benchmark artifacts> <performance.md>");
    return 2;
}

var artifacts = args[0];
var document = args[1];
var seeds = Path.Combine(FindRoot(Path.GetDirectoryName(Path.GetFullPath(document))!), "seeds");
var text = File.ReadAllText(document);

// The repository's root: the nearest folder above the document that holds seeds/.
static string FindRoot(string folder)
{
    for (var current = folder; current is not null; current = Path.GetDirectoryName(current))
    {
        if (Directory.Exists(Path.Combine(current, "seeds")))
        {
            return current;
        }
    }

    return folder;
}


var tables = new Dictionary<string, Func<string?>>
{
    ["pages"] = () => Pages(Run("pages")),
    ["allocation"] = () => Allocation(Run("pages")),
    ["before-after"] = () => BeforeAfter(Run("pages-baseline"), Run("pages-current")),
    ["fields"] = () => Simple(Run("fields"), FieldNames, pagesPerOperation: null),
    ["scaling"] = () => Simple(Run("scaling"), ScalingNames, pagesPerOperation: null),
    ["corpus"] = () => Simple(Run("corpus"), CorpusNames, pagesPerOperation: 10_000),
    ["pipeline"] = () => Pipeline(Run("pipeline")),
    ["pathological"] = () => Pathological(Run("pathological")),
    ["html"] = () => Html(Run("html")),
    ["ab"] = () => File.Exists(Path.Combine(artifacts, "ab", "table.md")) ? File.ReadAllText(Path.Combine(artifacts, "ab", "table.md")) : null,
    ["cli"] = () => File.Exists(Path.Combine(artifacts, "cli", "table.md")) ? File.ReadAllText(Path.Combine(artifacts, "cli", "table.md")) : null,
    ["pipeline-scaling"] = () => File.Exists(Path.Combine(artifacts, "pipeline-scaling", "table.md")) ? File.ReadAllText(Path.Combine(artifacts, "pipeline-scaling", "table.md")) : null,
};

foreach (var (name, make) in tables)
{
    var open = $"<!-- table:{name} -->";
    var start = text.IndexOf(open, StringComparison.Ordinal);
    if (start < 0)
    {
        continue;
    }

    var end = text.IndexOf("<!-- /table -->", start, StringComparison.Ordinal);
    if (end < 0)
    {
        Console.Error.WriteLine($"{document}: {open} has no <!-- /table -->");
        return 1;
    }

    var table = make();
    if (table is null)
    {
        Console.WriteLine($"{name}: no results, left as it was");
        continue;
    }

    text = string.Concat(text.AsSpan(0, start + open.Length), "\n", table, text.AsSpan(end));
    Console.WriteLine($"{name}: rewritten");
}

File.WriteAllText(document, text);
return 0;

RunResult? Run(string name)
{
    var folder = Path.Combine(artifacts, name);
    var csv = Directory.Exists(Path.Combine(folder, "results"))
        ? Directory.GetFiles(Path.Combine(folder, "results"), "*-report.csv").SingleOrDefault()
        : null;
    if (csv is null)
    {
        return null;
    }

    var info = File.Exists(Path.Combine(folder, "run.txt"))
        ? File.ReadAllLines(Path.Combine(folder, "run.txt")).Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1])
        : [];
    var lines = File.ReadAllLines(csv);
    var header = SplitCsv(lines[0]);
    var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l =>
    {
        var cells = SplitCsv(l);
        return header.Zip(cells).ToDictionary(p => p.First, p => p.Second);
    }).ToList();
    return new RunResult(rows, info.GetValueOrDefault("commit", "?"), info.GetValueOrDefault("date", "?"));
}

string? Pages(RunResult? run)
{
    if (run is null)
    {
        return null;
    }

    var columns = new (string Method, string Title)[]
    {
        ("Floor_DecodeAndCountLines", "Floor"),
        ("ParseUtf8", "`Parse(utf8)`"),
        ("ParseString", "`Parse(string)`"),
        ("ParseStringThenReadAllText", "`Parse(string)`, then read every `Text`"),
        ("ParseStringCrlf", "`Parse(string)`, CRLF copy of the page"),
        ("NaiveRegexAndSplit", "naive `[GeneratedRegex]` + `Split` (from UTF-8)"),
    };
    var sb = new StringBuilder();
    sb.Append("| Seed (UTF-8 size) | ").AppendJoin(" | ", columns.Select(c => c.Title)).Append(" |\n");
    sb.Append("|---|").Append(string.Concat(columns.Select(_ => "---:|"))).Append('\n');
    foreach (var seed in run.Seeds())
    {
        sb.Append($"| {seed} ({Kilobytes(SeedSize(seed))}) |");
        foreach (var (method, _) in columns)
        {
            var row = run.Find(method, seed);
            sb.Append(row is null ? " — |" : $" {Time(row["Mean"])} ({row["Ratio"]}) |");
        }

        sb.Append('\n');
    }

    return sb.Append(Provenance(run)).ToString();
}

string? Allocation(RunResult? run)
{
    if (run is null)
    {
        return null;
    }

    var columns = new (string Method, string Title)[]
    {
        ("ParseString", "`Parse(string)` (texts stay slices of the page)"),
        ("ParseStringThenReadAllText", "`Parse(string)`, then read every `Text`"),
        ("ParseUtf8", "`Parse(utf8)` (includes the decoded page)"),
        ("NaiveRegexAndSplit", "naive"),
    };
    var sb = new StringBuilder();
    sb.Append("| Seed | Page as UTF-16 (what the floor allocates) | ").AppendJoin(" | ", columns.Select(c => c.Title)).Append(" |\n");
    sb.Append("|---|---:|").Append(string.Concat(columns.Select(_ => "---:|"))).Append('\n');
    foreach (var seed in run.Seeds())
    {
        var floor = run.Find("Floor_DecodeAndCountLines", seed);
        sb.Append($"| {seed} | {floor?["Allocated"] ?? "—"} |");
        foreach (var (method, _) in columns)
        {
            var row = run.Find(method, seed);
            sb.Append(row is null ? " — |" : $" {row["Allocated"]} ({row["Alloc Ratio"]}×) |");
        }

        sb.Append('\n');
    }

    return sb.Append(Provenance(run)).ToString();
}

string? BeforeAfter(RunResult? before, RunResult? after)
{
    if (before is null || after is null)
    {
        return null;
    }

    var sb = new StringBuilder();
    sb.Append($"| Seed | Floor ({before.Commit}) | `Parse(string)` ({before.Commit}) | Floor ({after.Commit}) | `Parse(string)` ({after.Commit}) | Time, {after.Commit} over {before.Commit} | Ratio to floor, {after.Commit} over {before.Commit} | Allocated ({before.Commit} → {after.Commit}) |\n");
    sb.Append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    foreach (var seed in after.Seeds())
    {
        var (f0, p0, f1, p1) = (before.Find("Floor_DecodeAndCountLines", seed), before.Find("ParseString", seed), after.Find("Floor_DecodeAndCountLines", seed), after.Find("ParseString", seed));
        if (f0 is null || p0 is null || f1 is null || p1 is null)
        {
            continue;
        }

        var time = Nanoseconds(p1["Mean"]) / Nanoseconds(p0["Mean"]);
        var ratio = double.Parse(p1["Ratio"], CultureInfo.InvariantCulture) / double.Parse(p0["Ratio"], CultureInfo.InvariantCulture);
        sb.Append($"| {seed} | {Time(f0["Mean"])} | {Time(p0["Mean"])} ({p0["Ratio"]}) | {Time(f1["Mean"])} | {Time(p1["Mean"])} ({p1["Ratio"]}) | {time.ToString("0.00", CultureInfo.InvariantCulture)} | {ratio.ToString("0.00", CultureInfo.InvariantCulture)} | {p0["Allocated"]} → {p1["Allocated"]} ({p1["Alloc Ratio"]}× the page) |\n");
    }

    return sb.Append($"\n_Two runs made one after the other: {before.Commit} and {after.Commit}, {after.Date}._\n").ToString();
}

string? Simple(RunResult? run, IReadOnlyDictionary<string, string> names, int? pagesPerOperation)
{
    if (run is null)
    {
        return null;
    }

    var hasMedian = run.Rows.Count > 0 && run.Rows[0].ContainsKey("Median");
    var sb = new StringBuilder();
    sb.Append("| Method | Mean |").Append(hasMedian ? " Median |" : "").Append(" Ratio | Allocated |").Append(pagesPerOperation is null ? "" : " Pages/s |").Append('\n');
    sb.Append("|---|---:|").Append(hasMedian ? "---:|" : "").Append("---:|---:|").Append(pagesPerOperation is null ? "" : "---:|").Append('\n');
    foreach (var row in run.Rows)
    {
        var name = names.GetValueOrDefault(row["Method"], $"`{row["Method"]}`");
        sb.Append($"| {name} | {Time(row["Mean"])} |");
        if (hasMedian)
        {
            sb.Append($" {Time(row["Median"])} |");
        }

        sb.Append($" {(row.GetValueOrDefault("Ratio") is { Length: > 0 } r && r != "?" ? r : "—")} | {row["Allocated"]} |");
        if (pagesPerOperation is int pages)
        {
            sb.Append($" {(pages / (Nanoseconds(row["Mean"]) / 1e9)).ToString("#,0", CultureInfo.InvariantCulture).Replace(',', ' ')} |");
        }

        sb.Append('\n');
    }

    return sb.Append(Provenance(run)).ToString();
}

string? Pipeline(RunResult? run)
{
    if (run is null)
    {
        return null;
    }

    var jobs = run.Rows.Select(r => r["Jobs"]).Distinct().OrderBy(j => int.Parse(j, CultureInfo.InvariantCulture)).ToList();
    var sb = new StringBuilder();
    // No speed-up column: the cases are measured a minute apart, so their ratio carries the machine's drift;
    // eng/pipeline-scaling.sh measures the scaling with the two taking turns.
    sb.Append("| Output | ").AppendJoin(" | ", jobs.Select(j => j == "1" ? "1 worker" : $"{j} workers")).Append(" | Allocated |\n");
    sb.Append("|---|").Append(string.Concat(jobs.Select(_ => "---:|"))).Append("---:|\n");
    foreach (var group in run.Rows.GroupBy(r => r["Case"]))
    {
        var byJobs = group.ToDictionary(r => r["Jobs"]);
        sb.Append($"| `{group.Key}` |");
        foreach (var j in jobs)
        {
            sb.Append(byJobs.TryGetValue(j, out var row) ? $" {Time(row["Mean"])} |" : " — |");
        }

        sb.Append($" {byJobs[jobs[^1]]["Allocated"]} |\n");
    }

    return sb.Append(Provenance(run)).ToString();
}

// Each operation parses 0.5 M characters (one pathological page, or seed pages to the same length): time per
// character relative to normal pages, and allocation relative to the input's UTF-16 size (1 MB).
string? Pathological(RunResult? run)
{
    if (run is null)
    {
        return null;
    }

    var normal = Nanoseconds(run.Rows.Single(r => r["Shape"] == "normal pages")["Mean"]);
    var sb = new StringBuilder();
    sb.Append("| Shape (0.5 M characters) | Time | × normal pages | Allocated | × UTF-16 size |\n");
    sb.Append("|---|---:|---:|---:|---:|\n");
    foreach (var row in run.Rows)
    {
        var allocated = Bytes(row["Allocated"]);
        sb.Append($"| {row["Shape"]} | {Time(row["Mean"])} | {(Nanoseconds(row["Mean"]) / normal).ToString("0.00", CultureInfo.InvariantCulture)} | {row["Allocated"]} | {(allocated / 1_000_000.0).ToString("0.0", CultureInfo.InvariantCulture)} |\n");
    }

    return sb.Append(Provenance(run)).ToString();
}

// HTML shapes parsed whole: time and allocation per page, with the page's size.
string? Html(RunResult? run)
{
    if (run is null)
    {
        return null;
    }

    var sb = new StringBuilder();
    sb.Append("| Shape | Units | Whole parse | AngleSharp's tree alone | Allocated (whole) |\n");
    sb.Append("|---|---:|---:|---:|---:|\n");
    foreach (var row in run.Rows.Where(r => r["Method"] == "Parse"))
    {
        var units = row["Shape"] == "sibling br" ? "1 000 000" : "200 000";
        var tree = run.Rows.FirstOrDefault(r => r["Method"] == "Tree" && r["Shape"] == row["Shape"]);
        sb.Append($"| {row["Shape"]} | {units} | {Time(row["Mean"])} | {(tree is null ? "" : Time(tree["Mean"]))} | {row["Allocated"]} |\n");
    }

    return sb.Append(Provenance(run)).ToString();
}

static double Bytes(string value)
{
    var parts = value.Replace(",", "", StringComparison.Ordinal).Split(' ', 2);
    var number = double.Parse(parts[0], CultureInfo.InvariantCulture);
    return parts.Length < 2 ? number : parts[1] switch
    {
        "B" => number,
        "KB" => number * 1024,
        "MB" => number * 1024 * 1024,
        "GB" => number * 1024 * 1024 * 1024,
        _ => throw new FormatException($"unknown size unit in '{value}'"),
    };
}

static string Provenance(RunResult run) => $"\n_Run at {run.Commit}, {run.Date}._\n";

string SeedSize(string prefix) =>
    Directory.GetFiles(seeds, prefix + "_*.txt").Select(f => new FileInfo(f).Length).DefaultIfEmpty(0).First().ToString(CultureInfo.InvariantCulture);

static string Kilobytes(string bytes) =>
    (long.Parse(bytes, CultureInfo.InvariantCulture) / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " KB";

static double Nanoseconds(string value)
{
    var parts = value.Replace(",", "", StringComparison.Ordinal).Split(' ', 2);
    var number = double.Parse(parts[0], CultureInfo.InvariantCulture);
    return parts.Length < 2 ? number : parts[1] switch
    {
        "ns" => number,
        "μs" or "us" or "µs" => number * 1e3,
        "ms" => number * 1e6,
        "s" => number * 1e9,
        _ => throw new FormatException($"unknown time unit in '{value}'"),
    };
}

static string Time(string value)
{
    var ns = Nanoseconds(value);
    return ns switch
    {
        < 1e3 => (ns).ToString("0.0", CultureInfo.InvariantCulture) + " ns",
        < 1e6 => (ns / 1e3).ToString("0.00", CultureInfo.InvariantCulture) + " µs",
        _ => (ns / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " ms",
    };
}

static List<string> SplitCsv(string line)
{
    var cells = new List<string>();
    var cell = new StringBuilder();
    var quoted = false;
    for (var i = 0; i < line.Length; i++)
    {
        var c = line[i];
        if (quoted)
        {
            if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = false;
            }
            else
            {
                cell.Append(c);
            }
        }
        else if (c == '"')
        {
            quoted = true;
        }
        else if (c == ',')
        {
            cells.Add(cell.ToString());
            cell.Clear();
        }
        else
        {
            cell.Append(c);
        }
    }

    cells.Add(cell.ToString());
    return cells;
}

partial class Program
{
    static readonly Dictionary<string, string> FieldNames = new()
    {
        ["Amount_DecimalParse_svSE"] = "Amount: `decimal.Parse(s.Replace(…), sv-SE)` (baseline)",
        ["Amount_GeneratedRegex"] = "Amount: `[GeneratedRegex]` + `decimal.Parse`",
        ["Amount_SwedishAmount"] = "**Amount: `SwedishAmount.TryParse` (string)**",
        ["Amount_SwedishAmount_Utf8"] = "Amount: `SwedishAmount.TryParse` (UTF-8)",
        ["DateRange_DateOnlyParseExact"] = "Date range: `Split` + `DateOnly.ParseExact` (baseline)",
        ["DateRange_LocalDatePatternIso"] = "Date range: `Split` + NodaTime `LocalDatePattern.Iso`",
        ["DateRange_GeneratedRegex"] = "Date range: `[GeneratedRegex]` + `DateOnly.ParseExact`",
        ["DateRange_SwedishDateRange"] = "**Date range: `SwedishDateRange.TryParse` (string)**",
        ["DateRange_SwedishDateRange_Utf8"] = "Date range: `SwedishDateRange.TryParse` (UTF-8)",
        ["Phone_SwedishPhoneNumber"] = "Phone: `SwedishPhoneNumber.TryParse`",
        ["Format_SwedishAmount"] = "Format: `SwedishAmount.TryFormat`",
    };

    static readonly Dictionary<string, string> ScalingNames = new()
    {
        ["Page10KB"] = "`Parse(string)`, seed 004 (10 KB; baseline)",
        ["Page4MB"] = "`Parse(string)`, seed 004's content repeated to 4 MB",
        ["Naive10KB"] = "naive, 10 KB (control)",
        ["Naive4MB"] = "naive, 4 MB (control)",
    };

    static readonly Dictionary<string, string> CorpusNames = new()
    {
        ["SingleThreadedLoop"] = "single-threaded loop of `Parse(utf8)` (baseline)",
        ["ProjectCorpusOrdered"] = "`ProjectCorpus`, ordered",
        ["ProjectCorpusUnordered"] = "`ProjectCorpus`, unordered",
    };
}

sealed record RunResult(List<Dictionary<string, string>> Rows, string Commit, string Date)
{
    /// <summary>The seeds' three-digit prefixes, in file order (BenchmarkDotNet shortens long parameter values).</summary>
    public IEnumerable<string> Seeds() => Rows.Select(r => r.GetValueOrDefault("Seed", "")[..Math.Min(3, r.GetValueOrDefault("Seed", "").Length)]).Distinct().Order(StringComparer.Ordinal);

    public Dictionary<string, string>? Find(string method, string seed) =>
        Rows.FirstOrDefault(r => r["Method"] == method && r.GetValueOrDefault("Seed", "").StartsWith(seed, StringComparison.Ordinal));
}
