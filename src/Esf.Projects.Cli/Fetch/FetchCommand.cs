using System.CommandLine;

namespace Esf.Projects.Cli.Fetch;

/// <summary>The <c>esf fetch</c> command: its options, and the settings they make (docs/fetch.md documents each).</summary>
internal sealed class FetchCommand
{
    public const string Usage = "Usage: esf fetch [NUMBER|URL]... [--numbers-from FILE] [--range FROM..TO] --output DIR";

    private readonly Argument<string[]> _numbers = new("NUMBER")
    {
        Description = "A project number (2019/00446, 22-044-S07) or the address of a project page (…?dnr=2019/00446).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<string?> _from = new("--numbers-from") { Description = "A file of numbers or addresses, one per line ('#' starts a comment)." };
    private readonly Option<string?> _range = new("--range") { Description = "Numbers of one form from FROM to TO: 2015/00001..2015/01200, or 22-001-S01..22-060-S12 (the middle and the last numbers both walked)." };
    private readonly Option<string?> _output = new("--output", "-o") { Description = "The folder the pages are saved in, as <number>.html, with the record of every fetch in fetch.jsonl. Created if need be." };
    private readonly Option<string> _template = new("--url-template") { Description = "The address of a page; {number} is the number, escaped as the site writes it.", DefaultValueFactory = _ => FetchSettings.DefaultTemplate };
    private readonly Option<int> _concurrency = new("--concurrency") { Description = "Requests in flight at most (1–16).", DefaultValueFactory = _ => 2 };
    private readonly Option<double> _rate = new("--rate") { Description = "Requests started per second at most; a robots.txt Crawl-delay that asks for fewer wins.", DefaultValueFactory = _ => 1 };
    private readonly Option<int> _stopAfterMissing = new("--stop-after-missing") { Description = "With --range: stop after this many missing numbers in a row.", DefaultValueFactory = _ => 50 };
    private readonly Option<bool> _refresh = new("--refresh") { Description = "Ask for every page again without conditions, and rewrite it." };
    private readonly Option<string?> _contact = new("--contact") { Description = "An e-mail address or web page where the site's operators can reach you; sent in the User-Agent." };
    private readonly Option<double> _timeout = new("--timeout") { Description = "Seconds one attempt may take, from the request to the page's last byte.", DefaultValueFactory = _ => 30 };
    private readonly Option<bool> _quiet = new("--quiet", "-q") { Description = "No progress, no failure lines and no summary on standard error." };

    private FetchCommand()
    {
        Command = new Command("fetch", "Fetch project pages from the ESF project bank into a folder, politely and resumably.")
        {
            _numbers, _from, _range, _output, _template, _concurrency, _rate, _stopAfterMissing, _refresh, _contact, _timeout, _quiet,
        };
    }

    public Command Command { get; }

    public static FetchCommand Create() => new();

    /// <summary>The settings of the command line, or <see langword="null"/> and the usage error.</summary>
    public FetchSettings? Read(ParseResult result, out string? error)
    {
        error = null;
        if (result.GetValue(_output) is not { Length: > 0 } folder)
        {
            error = "esf fetch needs --output DIR, the folder the pages are saved in.";
            return null;
        }

        if (File.Exists(folder))
        {
            error = $"--output {folder} is a file; esf fetch saves pages in a folder.";
            return null;
        }

        var numbers = new List<string>();
        foreach (var given in result.GetValue(_numbers) ?? [])
        {
            if (ProjectNumbers.Read(given) is not { } number)
            {
                error = $"'{given}' is neither a project number (2019/00446, 22-044-S07) nor the address of a project page.";
                return null;
            }

            numbers.Add(number);
        }

        if (result.GetValue(_from) is { } file)
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error = $"--numbers-from {file} cannot be read: {e.Message}";
                return null;
            }

            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                var hash = line.IndexOf('#', StringComparison.Ordinal);
                var text = (hash >= 0 ? line[..hash] : line).Trim();
                if (text.Length == 0)
                {
                    continue;
                }

                if (ProjectNumbers.Read(text) is not { } number)
                {
                    error = $"{file}({i + 1}): '{text}' is neither a project number nor the address of a project page.";
                    return null;
                }

                numbers.Add(number);
            }
        }

        var isRange = false;
        if (result.GetValue(_range) is { } range)
        {
            if (ProjectNumbers.Range(range, out error) is not { } walked)
            {
                return null;
            }

            if (walked.Count > 1_000_000)
            {
                error = $"--range {range} holds {walked.Count} numbers; split it (at most 1 000 000).";
                return null;
            }

            numbers.AddRange(walked);
            isRange = true;
        }

        if (numbers.Count == 0)
        {
            error = "no numbers: give project numbers or addresses, --numbers-from FILE or --range FROM..TO.";
            return null;
        }

        var template = result.GetValue(_template)!;
        if (!template.Contains("{number}", StringComparison.Ordinal) || !Uri.TryCreate(template.Replace("{number}", "0", StringComparison.Ordinal), UriKind.Absolute, out var probe) || probe.Scheme is not ("http" or "https"))
        {
            error = $"--url-template '{template}' is not an http or https address with {{number}} in it.";
            return null;
        }

        var concurrency = result.GetValue(_concurrency);
        var rate = result.GetValue(_rate);
        var stopAfter = result.GetValue(_stopAfterMissing);
        var timeout = result.GetValue(_timeout);
        if (concurrency is < 1 or > 16 || !(rate > 0 && rate <= 1000) || stopAfter < 1 || !(timeout >= 0.1 && timeout <= 600))
        {
            error = "--concurrency is 1–16, --rate more than 0 and at most 1000 a second, --stop-after-missing at least 1, --timeout 0.1–600 seconds.";
            return null;
        }

        return new FetchSettings
        {
            Numbers = [.. numbers.Distinct(StringComparer.Ordinal)],
            IsRange = isRange,
            Folder = folder,
            UrlTemplate = template,
            Concurrency = concurrency,
            Rate = rate,
            StopAfterMissing = stopAfter,
            Refresh = result.GetValue(_refresh),
            Contact = result.GetValue(_contact),
            Quiet = result.GetValue(_quiet),
            AttemptTimeout = TimeSpan.FromSeconds(timeout),
            RetryDelay = TimeSpan.FromSeconds(Math.Min(2, timeout / 4)),
        };
    }
}
