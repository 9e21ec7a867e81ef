using System.Globalization;
using System.Text.RegularExpressions;

namespace Esf.Projects.Benchmarks;

/// <summary>The fields a naive extraction recovers.</summary>
/// <param name="Title">The title line.</param>
/// <param name="Fields">Header label → value.</param>
/// <param name="Granted">Granted ESF support.</param>
/// <param name="Total">Total budget.</param>
/// <param name="Start">Project start.</param>
/// <param name="End">Project end.</param>
/// <param name="Sections">Heading → text.</param>
/// <param name="Municipalities">The Kommun list.</param>
public sealed record NaiveProject(string? Title, Dictionary<string, string> Fields, decimal? Granted, decimal? Total, DateOnly? Start, DateOnly? End, Dictionary<string, string> Sections, List<string> Municipalities);

/// <summary>
/// The baseline: a parser written honestly the way a competent user would without this library:
/// split into lines, a <c>[GeneratedRegex]</c> for <c>Label: value</c> / glued header rows, <c>decimal.Parse</c> after
/// removing spaces and the unit, <c>DateOnly.ParseExact</c> on the two halves of the period, paragraphs by
/// <c>string.Split</c> on blank lines, a heading being a short paragraph without a full stop. It extracts less than
/// the library (no positions, diagnostics, long dates, label-alone layouts, blocks) and is still slower.
/// </summary>
public static partial class NaiveParser
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static NaiveProject Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        string? title = null;
        var headerEnd = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var match = HeaderRow().Match(lines[i].Trim());
            if (match.Success)
            {
                fields.TryAdd(match.Groups["label"].Value, match.Groups["value"].Value.Trim());
                headerEnd = i + 1;
                if (title is null)
                {
                    for (var j = i - 1; j >= 0; j--)
                    {
                        if (lines[j].Trim().Length > 0)
                        {
                            title = lines[j].Trim();
                            break;
                        }
                    }
                }
            }
        }

        var paragraphs = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var municipalities = new List<string>();
        string? heading = null;
        foreach (var paragraph in string.Join('\n', lines[headerEnd..]).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (paragraph.Length < 80 && !paragraph.Contains('\n', StringComparison.Ordinal) && !paragraph.EndsWith('.') && !paragraph.StartsWith('•'))
            {
                heading = paragraph;
                paragraphs.TryAdd(heading, []);
                continue;
            }

            if (heading is null)
            {
                continue;
            }

            paragraphs[heading].Add(paragraph);
            if (heading == "Kommun")
            {
                municipalities.AddRange(paragraph.Split('\n').Select(l => l.Trim().TrimStart('•').Trim()).Where(l => l.Length > 0));
            }
        }

        // Joined once per heading: appending paragraph by paragraph would make a repeated heading quadratic.
        var sections = paragraphs.ToDictionary(p => p.Key, p => string.Join("\n\n", p.Value), StringComparer.Ordinal);
        DateOnly? start = null, end = null;
        if (fields.TryGetValue("Projektperiod", out var period))
        {
            var parts = period.Split(" till ");
            if (parts.Length == 2 && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var s)
                && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var e))
            {
                (start, end) = (s, e);
            }
        }

        return new NaiveProject(title, fields, Amount(fields, "Beviljat ESF-stöd"), Amount(fields, "Total projektbudget"), start, end, sections, municipalities);
    }

    private static decimal? Amount(Dictionary<string, string> fields, string label) =>
        fields.TryGetValue(label, out var value) && decimal.TryParse(value.Replace("kr", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), NumberStyles.Number, Swedish, out var amount)
            ? amount
            : null;

    [GeneratedRegex(@"^(?<label>Programområde|Projektfas|Projektägare|Kontaktperson|E-post|Telefonnummer|Beviljat ESF-stöd|Total projektbudget|Projektperiod|Region)\s*:?\s*(?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderRow();
}
