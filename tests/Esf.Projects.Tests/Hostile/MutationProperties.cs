using System.Text;
using CsCheck;
using Esf.Projects.Tests.Parsing;

namespace Esf.Projects.Tests.Hostile;

/// <summary>
/// Random mutations of the seed pages (CsCheck): deleted and duplicated ranges, random Unicode including lone
/// surrogates, NUL and a BOM mid-text, CR-only line endings, truncation. Parsing never throws, every diagnostic
/// lies inside the input, and the lines a mutation did not touch are still in the result.
/// </summary>
public class MutationProperties
{
    private static readonly string[] SeedTexts = [.. Seeds.Names.Select(Seeds.Text)];

    /// <summary>Characters that stress a text parser: separators, markers, controls, surrogate halves, BOM, combining marks.</summary>
    private static readonly Gen<char> Nasty = Gen.OneOf(
        Gen.Char,
        Gen.OneOf('\0', '\r', '\n', '\t', '\uFEFF', '\uD800', '\uDFFF', '\u00A0', '\u202F', '\u2009', '\u2013', '•', ':', '-', '0', 'Å', '\u0301', '\u200B'));

    /// <summary>A mutation: the text, and where in the result the untouched text ends before the edit and resumes after it.</summary>
    private sealed record Mutated(string Text, int EditStart, int EditEnd, string Kind);

    private static readonly Gen<Mutated> Mutations =
        from seed in Gen.Int[0, SeedTexts.Length - 1]
        from kind in Gen.Int[0, 4]
        from a in Gen.Double[0, 1]
        from b in Gen.Double[0, 1]
        from inserted in Nasty.Array[1, 40]
        from crOnly in Gen.Bool
        select Mutate(SeedTexts[seed], kind, a, b, new string(inserted), crOnly);

    private static Mutated Mutate(string text, int kind, double a, double b, string inserted, bool crOnly)
    {
        if (crOnly)
        {
            text = text.ReplaceLineEndings("\r");
        }

        var start = (int)(a * text.Length);
        var end = Math.Min(text.Length, start + (int)(b * Math.Min(2000, text.Length - start)));
        return kind switch
        {
            0 => new Mutated(text.Remove(start, end - start), start, start, "delete"),
            1 => new Mutated(text.Insert(end, text[start..end]), end, end + (end - start), "duplicate"),
            2 => new Mutated(text.Insert(start, inserted), start, start + inserted.Length, "insert"),
            3 => new Mutated(text.Remove(start, Math.Min(inserted.Length, text.Length - start)).Insert(start, inserted), start, start + inserted.Length, "replace"),
            _ => new Mutated(text[..start], start, start, "truncate"),
        };
    }

    [Fact]
    public void Mutated_pages_never_throw_keep_positions_inside_and_keep_untouched_lines() =>
        Mutations.Sample(m =>
        {
            var result = ProjectParser.Parse(m.Text);
            var lines = m.Text.ReplaceLineEndings("\n").Split('\n');
            Assert.All(result.Diagnostics, d =>
            {
                Assert.InRange(d.Line, 1, lines.Length);
                Assert.InRange(d.Column, 1, lines[d.Line - 1].Length + 1);
            });

            foreach (var line in UntouchedLines(m))
            {
                Assert.True(LosslessTests.IsKept(result.Project, line), $"{m.Kind}: lost '{line}'");
            }

            // UTF-8 cannot hold a lone surrogate: encoding turns it into U+FFFD, so compare with the same replacement.
            var utf8 = ProjectParser.Parse(Encoding.UTF8.GetBytes(m.Text));
            Assert.Equal(result.Project.Title is { } title ? Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(title)) : null, utf8.Project.Title);
        }, iter: Math.Max(1, PropertyIterationsForPages()), print: m => $"{m.Kind} at {m.EditStart}..{m.EditEnd}");

    /// <summary>The seeds and the made-up pages of the newer layouts, to mutate.</summary>
    private static readonly string[] AllLayoutTexts =
        [.. SeedTexts, .. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Layouts"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    private static readonly Gen<Mutated> LayoutMutations =
        from page in Gen.Int[0, AllLayoutTexts.Length - 1]
        from kind in Gen.Int[0, 4]
        from a in Gen.Double[0, 1]
        from b in Gen.Double[0, 1]
        from inserted in Gen.OneOf(Nasty.Array[1, 40].Select(c => new string(c)), Gen.OneOf("\nKommun\n\n• Lund\n", "\n• Lomma och\nBurlöv\n", "\nMedfinansiärer\nA\nB\n", "\n\nSamarbetspartners\n\n- X\n  fortsätter\n"))
        from crOnly in Gen.Bool
        select Mutate(AllLayoutTexts[page], kind, a, b, inserted, crOnly);

    /// <summary>
    /// The lists are read once: in every mutated page, each list section's <see cref="ListBlock"/> items, the data its
    /// handler attaches and the project's list of that kind are the same items, in the same order.
    /// </summary>
    [Fact]
    public void Every_list_section_and_the_project_list_hold_the_same_items() =>
        LayoutMutations.Sample(m =>
        {
            var project = ProjectParser.Parse(m.Text).Project;
            var byKind = new Dictionary<ListSectionKind, List<string>>();
            foreach (var section in project.Sections)
            {
                if (section.GetData<Handlers.Lists.ListSectionData>() is not { } data)
                {
                    continue;
                }

                var items = section.Blocks.OfType<ListBlock>().SelectMany(b => b.Items).Select(i => i.Text).ToList();
                Assert.Equal(items, data.Items);
                Assert.True(section.Blocks.All(b => b is ListBlock), "a list section holds only its list");
                (byKind.TryGetValue(data.Kind, out var list) ? list : byKind[data.Kind] = []).AddRange(items);
            }

            Assert.Equal(byKind.GetValueOrDefault(ListSectionKind.CoFinanciers) ?? [], project.CoFinanciers);
            Assert.Equal(byKind.GetValueOrDefault(ListSectionKind.Partners) ?? [], project.Partners);
            Assert.Equal(byKind.GetValueOrDefault(ListSectionKind.Municipalities) ?? [], project.Municipalities);
            Assert.Equal(project.Municipalities.Length, project.MunicipalityCodes.Length);
        }, iter: Math.Max(1, PropertyIterationsForPages()), print: m => $"{m.Kind} at {m.EditStart}..{m.EditEnd}");

    /// <summary>Whole lines at least one line away from the edit, trimmed and non-blank.</summary>
    private static IEnumerable<string> UntouchedLines(Mutated m)
    {
        var before = m.Text[..m.EditStart];
        var after = m.Text[Math.Min(m.Text.Length, m.EditEnd)..];
        var head = before.ReplaceLineEndings("\n").Split('\n').SkipLast(2);
        var tail = after.ReplaceLineEndings("\n").Split('\n').Skip(2);
        return head.Concat(tail).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.Contains('\uFFFD', StringComparison.Ordinal));
    }

    /// <summary>Pages cost far more than field values: a fiftieth of the field-parser iterations (2 000 in CI, 20 000 in Release).</summary>
    private static long PropertyIterationsForPages() => Properties.PropertyRuns.Iterations / 50;

    [Theory]
    [MemberData(nameof(Seeds.All), MemberType = typeof(Seeds))]
    public void Truncation_at_every_position_never_throws(string seed)
    {
        var text = Seeds.Text(seed);
        for (var length = 0; length <= text.Length; length++)
        {
            var result = ProjectParser.Parse(text.AsSpan(0, length));
            Assert.NotNull(result.Project);
        }
    }
}
