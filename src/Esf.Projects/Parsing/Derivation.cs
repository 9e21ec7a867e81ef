using System.Collections.Immutable;
using Esf.Projects.Diagnostics;
using Esf.Projects.Geography;
using Esf.Projects.Handlers.Lists;
using Esf.Projects.Model;

namespace Esf.Projects.Parsing;

/// <summary>What follows from the page's values: municipality codes, ESF region, programme period, derived figures.</summary>
internal static class Derivation
{
    public static EsfProject Apply(EsfProject project, DiagnosticBag diagnostics)
    {
        // One copy of the project at the end: nothing derived here reads another derived value except the region check.
        var (codes, resolved) = ResolveMunicipalities(project, diagnostics);
        var region = ResolveRegion(project, resolved, diagnostics);
        return project with
        {
            MunicipalityCodes = codes,
            ResolvedMunicipalities = resolved,
            EsfRegion = region,
            Programme = InferProgramme(project),
            Figures = Figures(project, diagnostics),
        };
    }

    private static (ImmutableArray<string?> Codes, ImmutableArray<Municipality> Resolved) ResolveMunicipalities(EsfProject project, DiagnosticBag diagnostics)
    {
        ImmutableArray<SourcePosition>? positions = null; // only needed to place a diagnostic
        var codes = ImmutableArray.CreateBuilder<string?>(project.Municipalities.Length);
        var resolved = ImmutableArray.CreateBuilder<Municipality>(project.Municipalities.Length);
        for (var i = 0; i < project.Municipalities.Length; i++)
        {
            var name = project.Municipalities[i];
            if (SwedishMunicipalities.TryMatch(name, out var municipality))
            {
                codes.Add(municipality.Code);
                resolved.Add(municipality);
            }
            else
            {
                codes.Add(null);
                positions ??= MunicipalityPositions(project);
                var position = i < positions.Value.Length ? positions.Value[i] : new SourcePosition(1, 1);
                diagnostics.Add(DiagnosticCodes.UnknownMunicipality, position, DiagnosticMessages.UnknownMunicipality(name, SwedishMunicipalities.Suggest(name).Select(m => m.Name)));
            }
        }

        return (codes.MoveToImmutable(), resolved.DrainToImmutable());
    }

    /// <summary>Where each municipality name stands: its list item, or its section's heading when the section is not a plain list.</summary>
    private static ImmutableArray<SourcePosition> MunicipalityPositions(EsfProject project)
    {
        var positions = ImmutableArray.CreateBuilder<SourcePosition>();
        foreach (var section in project.Sections)
        {
            if (section.GetData<ListSectionData>() is not { Kind: ListSectionKind.Municipalities } list)
            {
                continue;
            }

            var items = section.Blocks.OfType<ListBlock>().SelectMany(b => b.Items).ToList();
            positions.AddRange(items.Count == list.Items.Length ? items.Select(i => i.Position) : Enumerable.Repeat(section.Position, list.Items.Length));
        }

        return positions.ToImmutable();
    }

    private static EsfRegion? ResolveRegion(EsfProject project, ImmutableArray<Municipality> resolved, DiagnosticBag diagnostics)
    {
        if (project.Region is not { } text)
        {
            return project.EsfRegion;
        }

        var position = project.Fields.FirstOrDefault(f => f.Kind == HeaderFieldKind.Region)?.ValuePosition ?? new SourcePosition(1, 1);
        if (!SwedishMunicipalities.TryParseRegion(text, out var region))
        {
            diagnostics.Add(DiagnosticCodes.UnknownRegion, position, DiagnosticMessages.UnknownRegion(text));
            return project.EsfRegion;
        }

        if (region != EsfRegion.National && !resolved.IsEmpty && !Lists(resolved, region))
        {
            var listed = resolved.Select(m => m.Region).Distinct().Order();
            diagnostics.Add(DiagnosticCodes.RegionMismatch, position, DiagnosticMessages.RegionMismatch(text, string.Join(", ", listed.Select(SwedishMunicipalities.RegionName))));
        }

        return region;
    }

    private static bool Lists(ImmutableArray<Municipality> resolved, EsfRegion region)
    {
        foreach (var municipality in resolved)
        {
            if (municipality.Region == region)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The rules are documented in the README ("What is inferred"); the first that applies wins.</summary>
    private static ProgrammeInfo? InferProgramme(EsfProject project)
    {
        var area = project.ProgramArea;
        if (area?.Code is { Length: 1 } letter && char.IsAsciiLetterUpper(letter[0]) && letter[0] <= 'F')
        {
            return new ProgrammeInfo(ProgrammePeriod.Period2021To2027, InferenceConfidence.High, "programme area letter " + letter, letter);
        }

        if (area is not null)
        {
            var name = area.Name.Trim();
            if (name.Equals("Ökat arbetskraftsutbud", StringComparison.OrdinalIgnoreCase))
            {
                return Info(ProgrammePeriod.Period2007To2013, InferenceConfidence.High, "programme area name 'Ökat arbetskraftsutbud' (2007–2013 only)", area);
            }

            if (name.Equals("Ökade övergångar till arbete", StringComparison.OrdinalIgnoreCase) || name.Equals("Sysselsättningsinitiativet för unga", StringComparison.OrdinalIgnoreCase))
            {
                return Info(ProgrammePeriod.Period2014To2020, InferenceConfidence.High, $"programme area name '{name}' (2014–2020 only)", area);
            }
        }

        if (project.ProjectNumber is { Length: >= 5 } number && number[4] == '/' && int.TryParse(number.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
        {
            var period = year >= 2021 ? ProgrammePeriod.Period2021To2027 : year >= 2014 ? ProgrammePeriod.Period2014To2020 : ProgrammePeriod.Period2007To2013;
            var confidence = year is 2021 or 2022 ? InferenceConfidence.Medium : InferenceConfidence.High;
            return Info(period, confidence, "project number " + number + (confidence == InferenceConfidence.Medium ? " (2021–2022 numbers also include 2014–2020 REACT-EU projects)" : string.Empty), area);
        }

        if (project.Period is { } dates)
        {
            var start = dates.Start.Year;
            var period = start <= 2014 ? ProgrammePeriod.Period2007To2013 : start <= 2022 ? ProgrammePeriod.Period2014To2020 : ProgrammePeriod.Period2021To2027;
            return Info(period, InferenceConfidence.Low, $"project start {dates.Start.Year} (periods overlap in time)", area);
        }

        return null;
    }

    private static ProgrammeInfo Info(ProgrammePeriod period, InferenceConfidence confidence, string basis, ProgramArea? area) =>
        new(period, confidence, basis, area is null ? null : AreaName(period, area));

    private static string? AreaName(ProgrammePeriod period, ProgramArea area) => (period, area.Number) switch
    {
        (ProgrammePeriod.Period2007To2013, 1) => "Kompetensförsörjning",
        (ProgrammePeriod.Period2007To2013, 2) => "Ökat arbetskraftsutbud",
        (ProgrammePeriod.Period2014To2020, 1) => "Kompetensförsörjning",
        (ProgrammePeriod.Period2014To2020, 2) => "Ökade övergångar till arbete",
        (ProgrammePeriod.Period2014To2020, 3) => "Sysselsättningsinitiativet för unga",
        (ProgrammePeriod.Period2021To2027, _) when area.Code is { Length: 1 } letter => letter,
        _ => null,
    };

    private static DerivedFigures Figures(EsfProject project, DiagnosticBag diagnostics)
    {
        decimal? share = null;
        if (project.GrantedEsfSupport is { } granted && project.TotalBudget is { } total && total.Amount > 0 && granted.Currency == total.Currency)
        {
            share = Math.Round(granted.Amount / total.Amount * 100m, 2, MidpointRounding.AwayFromZero);
            if (project.EuCofinancingRate is { } stated && Math.Abs(stated - share.Value) > 1m)
            {
                var position = project.Fields.FirstOrDefault(f => f.Kind == HeaderFieldKind.EuCofinancingRate)?.ValuePosition ?? new SourcePosition(1, 1);
                diagnostics.Add(DiagnosticCodes.CofinancingRateMismatch, position, DiagnosticMessages.CofinancingRateMismatch(stated, share.Value));
            }
        }

        int? days = null, months = null;
        if (project.Period is { } period)
        {
            days = period.Length;
            months = NodaTime.Period.Between(period.Start, period.End.PlusDays(1), NodaTime.PeriodUnits.Months).Months;
        }

        decimal? perParticipant = project.GrantedEsfSupport is { } support && project.PlannedParticipants is > 0 and var planned
            ? Math.Round(support.Amount / planned, 0, MidpointRounding.AwayFromZero)
            : null;
        return new DerivedFigures(share, project.EuCofinancingRate, days, months, perParticipant);
    }
}
