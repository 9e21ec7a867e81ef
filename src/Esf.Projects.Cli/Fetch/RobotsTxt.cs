using System.Globalization;

namespace Esf.Projects.Cli.Fetch;

/// <summary>
/// A site's <c>robots.txt</c> as RFC 9309 reads it, for one user agent: the group that names the agent (the
/// longest <c>User-agent</c> token that the agent's name starts with, ignoring case), else the <c>*</c> group; in it,
/// the longest matching <c>Allow</c> or <c>Disallow</c> path wins (<c>Allow</c> on a tie), with <c>*</c> for any
/// characters and <c>$</c> for the end. <c>Crawl-delay</c>, which the RFC leaves out but many sites set, is read as
/// seconds between requests.
/// </summary>
internal sealed class RobotsTxt
{
    private readonly List<(string Path, bool Allow)> _rules;

    private RobotsTxt(List<(string Path, bool Allow)> rules, TimeSpan? crawlDelay)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
    }

    /// <summary>No rules: every path may be fetched (a site without robots.txt, or one that answers 4xx).</summary>
    public static RobotsTxt AllowAll { get; } = new([], null);

    /// <summary>Nothing may be fetched: RFC 9309's reading of a robots.txt that cannot be had (5xx, no answer).</summary>
    public static RobotsTxt DisallowAll { get; } = new([("/", false)], null);

    /// <summary>The delay the site asks for between requests, if it asks.</summary>
    public TimeSpan? CrawlDelay { get; }

    /// <summary>Reads the rules for <paramref name="agent"/> (the product token, such as <c>esf</c>).</summary>
    public static RobotsTxt Parse(string text, string agent)
    {
        // Groups: one or more User-agent lines, then their rules. A rule before any User-agent line belongs to none.
        var groups = new List<(List<string> Agents, List<(string, bool)> Rules, TimeSpan? Delay)>();
        (List<string> Agents, List<(string, bool)> Rules, TimeSpan? Delay)? current = null;
        var lastWasAgent = false;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash];
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                if (!lastWasAgent || current is null)
                {
                    current = ([], [], null);
                    groups.Add(current.Value);
                }

                current.Value.Agents.Add(value.ToLowerInvariant());
                lastWasAgent = true;
                continue;
            }

            lastWasAgent = false;
            if (current is not { } group)
            {
                continue;
            }

            switch (key)
            {
                case "allow" when value.Length > 0:
                    group.Rules.Add((value, true));
                    break;
                case "disallow" when value.Length > 0:
                    group.Rules.Add((value, false));
                    break;
                case "crawl-delay" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds < 86_400:
                    var index = groups.FindIndex(g => ReferenceEquals(g.Agents, group.Agents));
                    groups[index] = (group.Agents, group.Rules, TimeSpan.FromSeconds(seconds));
                    current = groups[index];
                    break;
            }
        }

        var name = agent.ToLowerInvariant();
        var best = groups
            .Select(g => (Group: g, Match: g.Agents.Where(a => a != "*" && name.StartsWith(a, StringComparison.Ordinal)).Select(a => a.Length).DefaultIfEmpty(-1).Max()))
            .Where(x => x.Match >= 0)
            .OrderByDescending(x => x.Match)
            .Select(x => x.Group)
            .ToList();
        var chosen = best.Count > 0 ? best : groups.Where(g => g.Agents.Contains("*")).ToList();

        // Several groups for the same agent are one group (RFC 9309, 2.2.1).
        return new RobotsTxt([.. chosen.SelectMany(g => g.Rules)], chosen.Select(g => g.Delay).FirstOrDefault(d => d is not null));
    }

    /// <summary>Whether the path and query of an address may be fetched.</summary>
    public bool Allows(Uri address)
    {
        var path = address.PathAndQuery;
        var length = -1;
        var allowed = true;
        foreach (var (rule, allow) in _rules)
        {
            if (Matches(rule, path) && (rule.Length > length || (rule.Length == length && allow)))
            {
                length = rule.Length;
                allowed = allow;
            }
        }

        return allowed;
    }

    /// <summary>
    /// A rule against a path: a prefix, where <c>*</c> is any characters and a final <c>$</c> the end of the path.
    /// A prefix is the rule followed by <c>*</c>, matched whole by the greedy wildcard match, which backtracks only to
    /// the last <c>*</c>: linear in the path for each star, so a hostile robots.txt cannot make it slow.
    /// </summary>
    private static bool Matches(string rule, string path)
    {
        var pattern = rule.EndsWith('$') ? rule[..^1] : rule + "*";
        int p = 0, s = 0, star = -1, mark = 0;
        while (s < path.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = s;
            }
            else if (p < pattern.Length && pattern[p] == path[s])
            {
                p++;
                s++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                s = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
