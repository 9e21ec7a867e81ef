using System.Text;

namespace Esf.Projects.Tests.Hostile;

/// <summary>
/// Pathological page shapes — each makes a page of about <c>n</c> characters from one troublesome pattern. Shared
/// by <c>PathologicalInputTests</c> (counted work and memory) and the pathological benchmark (time per character
/// against normal pages), so both measure the same inputs.
/// </summary>
internal static class PathologicalShapes
{
    public static readonly Dictionary<string, Func<int, string>> Makers = new()
    {
        ["bullets"] = n => "Titel\nProjektägare: A\n\nKommun\n\n" + Repeat("• Lund\n", n),
        ["blank lines"] = n => "Titel\nProjektägare: A\n" + Repeat("\n", n),
        ["one line without a newline"] = n => Repeat("abc def ", n),
        ["a header value of digits"] = n => "Titel\nBeviljat ESF-stöd: " + Repeat("1", n) + " kr\n",
        ["headings"] = n => "Titel\nProjektägare: A\n\n" + Repeat("Rubrik\n\n", n),
        ["one-word paragraphs"] = n => "Titel\nProjektägare: A\n\nBakgrund\n\n" + Repeat("ord.\n\n", n),
        ["header rows"] = n => "Titel\n" + Repeat("Projektägare: A\n", n),
        ["unknown header rows"] = n => "Titel\nProjektägare: A\n" + Repeat("Etikett: v\n", n),
        ["labels alone"] = n => "Titel\n" + Repeat("Projektägare\n", n),
        ["CR-only paragraph"] = n => "Titel\rProjektägare: A\r\rBakgrund\r\r" + Repeat("ord ord ord.\r", n),
        ["list items without markers"] = n => "Titel\nProjektägare: A\n\nKommun\n\n" + Repeat("Lund\n", n),
        ["near-miss municipality names"] = n => "Titel\nProjektägare: A\n\nKommun\n\n" + Repeat("• Lundd\n", n),
        ["distinct near-miss municipality names"] = n => "Titel\nProjektägare: A\n\nKommun\n\n" + Distinct("• Lund", n),
        ["continuation lines in a prose list"] = n => "Titel\nProjektägare: A\n\nBakgrund\n\n• Punkt\n" + Repeat("  fortsätter\n", n),
        ["continuation lines in co-financiers"] = n => "Titel\nProjektägare: A\n\nMedfinansiärer\n\n• Kommunen\n" + Repeat("  fortsätter\n", n),
        ["continuation lines in partners"] = n => "Titel\nProjektägare: A\n\nSamarbetspartners\n\n• Företaget\n" + Repeat("  fortsätter\n", n),
        ["continuation lines in municipalities"] = n => "Titel\nProjektägare: A\n\nKommun\n\n• Lund\n" + Repeat("  fortsätter\n", n),
        ["unplaced header text"] = n => "Titel\nProjektägare: A\n" + Repeat("text utan etikett i huvudet\n", n),
        ["unknown labels, each different"] = n => "Titel\nProjektägare: A\n" + Distinct("Etikett", n, ": v"),
        ["project numbers, each different"] = n => "Titel\nProjektägare: A\n" + Distinct("Projektnummer: 2012-", n),
        ["labels glued to a word in a glued header"] = n => "Titel\nProjektägareA\nProjektperiod2012\n" + Repeat("Regionförbundet x\nProjektägareB\n", n),
    };

    /// <summary><paramref name="chars"/> characters of lines <c>prefix + letters + suffix</c>, no two alike.</summary>
    private static string Distinct(string prefix, int chars, string suffix = "")
    {
        var builder = new StringBuilder(chars + 64);
        for (var i = 0; builder.Length < chars; i++)
        {
            builder.Append(prefix);
            for (var rest = i; ; rest /= 26)
            {
                builder.Append((char)('a' + (rest % 26)));
                if (rest < 26)
                {
                    break;
                }
            }

            builder.Append(suffix).Append('\n');
        }

        return builder.ToString();
    }

    private static string Repeat(string unit, int chars)
    {
        var builder = new StringBuilder(chars + unit.Length);
        while (builder.Length < chars)
        {
            builder.Append(unit);
        }

        return builder.ToString();
    }
}
