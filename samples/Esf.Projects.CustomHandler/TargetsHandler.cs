using System.Collections.Immutable;
using System.Globalization;
using Esf.Projects.Fields;
using Esf.Projects.Handlers;

namespace Esf.Projects.CustomHandler;

/// <summary>A quantified target: <c>Att 30 % av deltagarna ska gå vidare till anställning</c>.</summary>
/// <param name="Percent">The share, 30 for 30 %.</param>
/// <param name="Who">Whom it is about, such as <c>deltagarna</c>.</param>
/// <param name="Outcome">What should happen, such as <c>gå vidare till anställning eller studier</c>.</param>
public sealed record Target(decimal Percent, string Who, string Outcome);

/// <summary>The quantified targets of a <c>Målsättning</c> section.</summary>
/// <param name="Items">The targets in page order.</param>
public sealed record Targets(ImmutableArray<Target> Items);

/// <summary>Reads <c>Att N % av X ska Y</c> lines of the <c>Målsättning</c> and <c>Mål</c> sections.</summary>
public sealed class TargetsHandler() : SectionHandler<Targets>(HeadingMatcher.IgnoreCase("Målsättning", "Mål"))
{
    /// <inheritdoc />
    public override Targets? Handle(SectionContext context)
    {
        var targets = ImmutableArray.CreateBuilder<Target>();
        for (var i = 0; i < context.LineCount; i++)
        {
            var line = context.GetLine(i);
            if (ListMarker.TryRead(line, out _, out var start))
            {
                line = line[start..];
            }

            var percent = line.IndexOf('%');
            if (!line.StartsWith("Att ", StringComparison.OrdinalIgnoreCase) || percent < 0)
            {
                continue;
            }

            if (!decimal.TryParse(line[4..percent].Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                context.Report(DiagnosticSeverity.Info, "TGT001", "A target's percentage is not a number.", context.GetLinePosition(i));
                continue;
            }

            var rest = line[(percent + 1)..].Trim();
            if (rest.StartsWith("av ", StringComparison.OrdinalIgnoreCase))
            {
                rest = rest[3..];
            }

            var verb = rest.IndexOf(" ska ", StringComparison.Ordinal);
            var split = verb >= 0 ? verb : rest.IndexOf(' ');
            var who = split > 0 ? rest[..split] : rest;
            var outcome = split > 0 ? rest[(split + (verb >= 0 ? 5 : 1))..].TrimEnd('.') : [];
            targets.Add(new Target(value, who.ToString(), outcome.ToString()));
        }

        return targets.Count == 0 ? null : new Targets(targets.DrainToImmutable());
    }
}
