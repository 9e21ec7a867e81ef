namespace Esf.Projects.Cli.Fetch;

/// <summary>The options of one <c>esf fetch</c> run, as read from the command line.</summary>
internal sealed record FetchSettings
{
    /// <summary>The project bank's address of a project page; <c>{number}</c> is the project number.</summary>
    public const string DefaultTemplate = "https://www.esf.se/resultat/projektbanken/projekt/?dnr={number}";

    /// <summary>The numbers to fetch, in order, each once.</summary>
    public required IReadOnlyList<string> Numbers { get; init; }

    /// <summary>Whether the numbers are a range, whose run of misses ends the run (<see cref="StopAfterMissing"/>).</summary>
    public bool IsRange { get; init; }

    public required string Folder { get; init; }

    public string UrlTemplate { get; init; } = DefaultTemplate;

    /// <summary>Requests in flight at most.</summary>
    public int Concurrency { get; init; } = 2;

    /// <summary>Requests started per second at most (a robots.txt <c>Crawl-delay</c> that asks for fewer wins).</summary>
    public double Rate { get; init; } = 1;

    public int StopAfterMissing { get; init; } = 50;

    /// <summary>Ask for every page again, without conditions, and rewrite it.</summary>
    public bool Refresh { get; init; }

    /// <summary>An address to reach the person running the tool, in the User-Agent.</summary>
    public string? Contact { get; init; }

    public bool Quiet { get; init; }

    /// <summary>The first wait before a retry; it doubles, with jitter, and a server's <c>Retry-After</c> wins.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one attempt may take, headers and body.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
