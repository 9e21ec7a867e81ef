using System.Collections.Immutable;
using System.Globalization;
using Esf.Projects.Fields;
using Esf.Projects.Parsing;
using Esf.Projects.ReferenceData;
using NodaTime;

namespace Esf.Projects.Handlers;

/// <summary>
/// The header fields of the project bank's pages, each defined once: key, Swedish and English labels, and how its
/// value is read (with the diagnostics for values that cannot be). A new builder holds all of them, in this order,
/// in <see cref="ProjectParserBuilder.HeaderFields"/>; <see cref="EsfProject"/>'s typed properties read their values.
/// </summary>
/// <remarks>
/// The Swedish labels are those of real pages in the three layouts (<c>docs/layouts.md</c>); some Swedish pages use
/// an English label (<c>Name</c>), which is therefore Swedish here. The English labels are an assumption, as for
/// <see cref="Vocabulary"/>. Remove a definition from the builder and its label becomes unknown; its property is then
/// always <see langword="null"/>.
/// </remarks>
public static class EsfHeaderFields
{
    // First: static initialisers run in textual order, and every definition below takes the next slot.
    private static int _nextSlot;

    /// <summary><c>Programområde</c>: the programme area, code and name as written (<c>2 Ökat arbetskraftsutbud</c>, <c>1.1</c>, <c>B</c>).</summary>
    public static HeaderFieldDefinition<ProgramArea> ProgramArea { get; } = Define<ProgramArea>("programArea", new(["Programområde"], ["Programme area", "Program area"]), ValueReaders.ProgramArea);

    /// <summary><c>Projektfas</c>: the phase, with its kind from <see cref="Vocabulary.Phases"/>.</summary>
    public static HeaderFieldDefinition<ProjectPhase> Phase { get; } = Define<ProjectPhase>("phase", new(["Projektfas"], ["Project phase"]), ValueReaders.Phase);

    /// <summary><c>Projektägare</c>: the owner as written.</summary>
    public static HeaderFieldDefinition<string> Owner { get; } = Define<string>("owner", new(["Projektägare"], ["Project owner"]), ValueReaders.Text);

    /// <summary><c>Projektägare organisationsnummer</c>, <c>Projektägare org.nr.</c>: the owner's organisation number, check digit verified (ESF0219).</summary>
    public static HeaderFieldDefinition<SwedishOrganisationNumber> OrganisationNumber { get; } = Define<SwedishOrganisationNumber>(
        "ownerOrganisationNumber", new(["Projektägare organisationsnummer", "Projektägare org.nr.", "Projektägare org.nr", "Projektägare orgnr"], ["Project owner organisation number", "Project owner org. no."]), ValueReaders.OrganisationNumber);

    /// <summary><c>Kontaktperson</c>: the contact's name (<see cref="EsfProject.Contact"/>).</summary>
    public static HeaderFieldDefinition<string> ContactName { get; } = Define<string>("contactName", new(["Kontaktperson"], ["Contact person"]), ValueReaders.Text);

    /// <summary><c>E-post</c>, <c>E-postadress</c>: the contact's e-mail address, checked (ESF0210).</summary>
    public static HeaderFieldDefinition<EmailAddress> ContactEmail { get; } = Define<EmailAddress>("contactEmail", new(["E-postadress", "E-post"], ["E-mail", "Email"]), ValueReaders.Email, HeaderFieldTraits.GluedLowerCaseEmail);

    /// <summary><c>Telefonnummer</c>: the contact's phone number, normalised when Swedish (ESF0211).</summary>
    public static HeaderFieldDefinition<SwedishPhoneNumber> ContactPhone { get; } = Define<SwedishPhoneNumber>("contactPhone", new(["Telefonnummer"], ["Telephone number", "Phone number"]), ValueReaders.Phone);

    /// <summary><c>Beviljat ESF-stöd</c>: the granted support, in SEK to the öre.</summary>
    public static HeaderFieldDefinition<Money> GrantedEsfSupport { get; } = Define<Money>("grantedEsfSupport", new(["Beviljat ESF-stöd"], ["Granted ESF support"]), ValueReaders.Amount);

    /// <summary><c>Total projektbudget</c>: the total budget, in SEK to the öre.</summary>
    public static HeaderFieldDefinition<Money> TotalBudget { get; } = Define<Money>("totalBudget", new(["Total projektbudget"], ["Total project budget"]), ValueReaders.Amount);

    /// <summary><c>Projektperiod</c>: the period, both dates included.</summary>
    public static HeaderFieldDefinition<DateInterval> Period { get; } = Define<DateInterval>("period", new(["Projektperiod"], ["Project period"]), ValueReaders.Period);

    /// <summary><c>Region</c>: the ESF region as written (<see cref="EsfProject.EsfRegion"/> is its meaning).</summary>
    public static HeaderFieldDefinition<string> Region { get; } = Define<string>("region", new(["Region"], ["Region"]), ValueReaders.Text, HeaderFieldTraits.LabelMayStartValue);

    /// <summary><c>Projektnummer</c>: a project number as written.</summary>
    public static HeaderFieldDefinition<string> ProjectNumber { get; } = Define<string>("projectNumber", new(["Projektnummer"], ["Project number"]), ValueReaders.Text, HeaderFieldTraits.ProjectNumber);

    /// <summary><c>Utlysning</c>: the call for proposals as written.</summary>
    public static HeaderFieldDefinition<string> CallNumber { get; } = Define<string>("callNumber", new(["Utlysning"], ["Call for proposals"]), ValueReaders.Text);

    /// <summary><c>Planerat antal deltagare</c>, <c>Antal deltagare</c>: the planned number of participants.</summary>
    public static HeaderFieldDefinition<int> PlannedParticipants { get; } = Define<int>("plannedParticipants", new(["Planerat antal deltagare", "Antal deltagare"], ["Planned number of participants", "Number of participants"]), ValueReaders.Count);

    /// <summary><c>Specifikt mål</c>: the specific objective as written (<c>2.1</c>, <c>B1A</c>).</summary>
    public static HeaderFieldDefinition<string> SpecificObjective { get; } = Define<string>("specificObjective", new(["Specifikt mål"], ["Specific objective"]), ValueReaders.Text);

    /// <summary><c>Unionens medfinansieringsgrad</c>: the EU co-financing rate in percent.</summary>
    public static HeaderFieldDefinition<decimal> EuCofinancingRate { get; } = Define<decimal>("euCofinancingRate", new(["Unionens medfinansieringsgrad"], ["EU co-financing rate", "Union co-financing rate"]), ValueReaders.Percentage);

    /// <summary><c>Diarienummer</c>: the case number, a project number as written (<see cref="EsfProject.ProjectNumbers"/>).</summary>
    public static HeaderFieldDefinition<string> DiaryNumber { get; } = Define<string>("diaryNumber", new(["Diarienummer"], ["Case number"]), ValueReaders.Text, HeaderFieldTraits.ProjectNumber);

    /// <summary><c>Namn</c> (or <c>Name</c>, as some Swedish pages write it): the project's name, the title when the page has no title line.</summary>
    public static HeaderFieldDefinition<string> Name { get; } = Define<string>("name", new(["Namn", "Name"], ["Project name"]), ValueReaders.Text);

    /// <summary><c>Startdatum</c>: the first day of the period (<see cref="EsfProject.Period"/> when there is no <c>Projektperiod</c>).</summary>
    public static HeaderFieldDefinition<LocalDate> StartDate { get; } = Define<LocalDate>("startDate", new(["Startdatum"], ["Start date"]), ValueReaders.Date);

    /// <summary><c>Slutdatum</c>: the last day of the period.</summary>
    public static HeaderFieldDefinition<LocalDate> EndDate { get; } = Define<LocalDate>("endDate", new(["Slutdatum"], ["End date"]), ValueReaders.Date);

    /// <summary><c>Land som berörs</c>: the country concerned, as written.</summary>
    public static HeaderFieldDefinition<string> Country { get; } = Define<string>("country", new(["Land som berörs"], ["Country concerned"]), ValueReaders.Text);

    /// <summary><c>Berörd fond</c>, <c>Fond</c>: the fund, from <see cref="Vocabulary.Funds"/> (ESF0223 for another).</summary>
    public static HeaderFieldDefinition<EsfFund> Fund { get; } = Define<EsfFund>("fund", new(["Berörd fond", "Fond"], ["Fund concerned", "Fund"]), ValueReaders.Fund);

    /// <summary><c>Program CCI</c>: the programme's CCI code as written (<c>2021SE05SFPR</c>).</summary>
    public static HeaderFieldDefinition<string> ProgrammeCci { get; } = Define<string>("programmeCci", new(["Program CCI", "Programmets CCI"], ["Programme CCI"]), ValueReaders.Text);

    /// <summary><c>NUTS-2 kod</c>: the NUTS-2 area, from <c>data/nuts2-sweden.tsv</c>, or <see cref="Nuts2Regions.WholeCountry"/> for the <c>SE0</c> of nationwide projects (ESF0220 for any other code).</summary>
    public static HeaderFieldDefinition<Nuts2Region> Nuts2 { get; } = Define<Nuts2Region>("nuts2", new(["NUTS-2 kod", "NUTS 2 kod", "NUTS-2-kod"], ["NUTS-2 code", "NUTS 2 code"]), ValueReaders.Nuts2);

    /// <summary><c>Interventionstyp</c>: the intervention type's code as written; its name comes from the reference data once the programme period is known.</summary>
    public static HeaderFieldDefinition<string> InterventionType { get; } = Define<string>("interventionType", new(["Interventionstyp"], ["Intervention type", "Type of intervention"]), ValueReaders.Text);

    /// <summary><c>Sekundärtema - Motverka barnfattigdom</c>: whether fighting child poverty is a secondary theme (<c>Ja</c>/<c>Nej</c>).</summary>
    public static HeaderFieldDefinition<bool> ChildPovertyTheme { get; } = Define<bool>("childPovertyTheme", new(["Sekundärtema - Motverka barnfattigdom", "Sekundärtema – Motverka barnfattigdom", "Sekundärtema: Motverka barnfattigdom"], ["Secondary theme - Combating child poverty"]), ValueReaders.YesNo);

    /// <summary><c>Insats av strategisk betydelse</c>: whether the project is of strategic importance (<c>Ja</c>/<c>Nej</c>).</summary>
    public static HeaderFieldDefinition<bool> StrategicImportance { get; } = Define<bool>("strategicImportance", new(["Insats av strategisk betydelse"], ["Operation of strategic importance"]), ValueReaders.YesNo);

    /// <summary><c>Stödmottagare postnr</c>: the beneficiary's postal code as written.</summary>
    public static HeaderFieldDefinition<string> BeneficiaryPostalCode { get; } = Define<string>("beneficiaryPostalCode", new(["Stödmottagare postnr", "Stödmottagarens postnr", "Stödmottagare postnummer"], ["Beneficiary postal code"]), ValueReaders.Text);

    /// <summary><c>Stödmottagare ort</c>: the beneficiary's town as written.</summary>
    public static HeaderFieldDefinition<string> BeneficiaryTown { get; } = Define<string>("beneficiaryTown", new(["Stödmottagare ort", "Stödmottagarens ort"], ["Beneficiary town"]), ValueReaders.Text);

    /// <summary><c>Stödmottagarens address</c> (so spelt on the pages): the beneficiary's address as written.</summary>
    public static HeaderFieldDefinition<string> BeneficiaryAddress { get; } = Define<string>("beneficiaryAddress", new(["Stödmottagarens address", "Stödmottagarens adress", "Stödmottagare adress"], ["Beneficiary address"]), ValueReaders.Text);

    /// <summary><c>Total Kostnader</c>: the total costs, in SEK to the öre.</summary>
    public static HeaderFieldDefinition<Money> TotalCosts { get; } = Define<Money>("totalCosts", new(["Total Kostnader"], ["Total costs"]), ValueReaders.Amount);

    /// <summary><c>Utvärderingsrapporter</c>: the evaluation reports as written.</summary>
    public static HeaderFieldDefinition<string> EvaluationReports { get; } = Define<string>("evaluationReports", new(["Utvärderingsrapporter"], ["Evaluation reports"]), ValueReaders.Text);

    /// <summary>Every built-in field, in the order a new builder holds them (the order of their slots).</summary>
    public static ImmutableArray<HeaderFieldHandler> All { get; } =
    [
        ProgramArea, Phase, Owner, OrganisationNumber, ContactName, ContactEmail, ContactPhone, GrantedEsfSupport, TotalBudget, Period,
        Region, ProjectNumber, CallNumber, PlannedParticipants, SpecificObjective, EuCofinancingRate, DiaryNumber, Name, StartDate, EndDate,
        Country, Fund, ProgrammeCci, Nuts2, InterventionType, ChildPovertyTheme, StrategicImportance, BeneficiaryPostalCode,
        BeneficiaryTown, BeneficiaryAddress, TotalCosts, EvaluationReports,
    ];

    /// <summary>
    /// The fields whose values the model folds into a fact of its own — the contact, the period, the project number
    /// and title, the intervention type — so JSON and the tables write them there (and read them back from their
    /// rows) rather than as members and columns of their own.
    /// </summary>
    internal static ImmutableArray<HeaderFieldHandler> InDerivedFacts { get; } =
    [
        ContactName, ContactEmail, ContactPhone, Period, StartDate, EndDate, DiaryNumber, ProjectNumber, Name, InterventionType,
    ];

    private static HeaderFieldDefinition<T> Define<T>(string key, Term labels, HeaderFieldReader<T> reader, HeaderFieldTraits traits = HeaderFieldTraits.None)
        where T : notnull => new(key, labels, reader, traits, _nextSlot++);
}

/// <summary>The value readers of the built-in fields: each turns a non-empty value into its type or reports why not.</summary>
internal static class ValueReaders
{
    public static bool Text(HeaderFieldContext context, out string value)
    {
        value = context.Field.Value!;
        return true;
    }

    public static bool Amount(HeaderFieldContext context, out Money value)
    {
        var result = SwedishAmount.Parse(context.Value);
        value = result.Value;
        if (result.Success)
        {
            return true;
        }

        var code = result.Error == FieldParseError.Overflow ? DiagnosticCodes.AmountOverflow : DiagnosticCodes.InvalidAmount;
        context.ReportAt(code, result.ErrorIndex, context.Field.Label, context.Field.Value, FieldErrorMessages.Reason(result.Error));
        return false;
    }

    public static bool Period(HeaderFieldContext context, out DateInterval value)
    {
        var result = SwedishDateRange.Parse(context.Value);
        value = result.Value!;
        if (result.Success)
        {
            return true;
        }

        var text = context.Field.Value;
        switch (result.Error)
        {
            case FieldParseError.ImpossibleDate:
                context.ReportAt(DiagnosticCodes.ImpossibleDate, result.ErrorIndex, text);
                break;
            case FieldParseError.ReversedRange:
                context.ReportAt(DiagnosticCodes.ReversedPeriod, result.ErrorIndex, text);
                break;
            default:
                context.ReportAt(DiagnosticCodes.InvalidPeriod, result.ErrorIndex, text, FieldErrorMessages.Reason(result.Error));
                break;
        }

        return false;
    }

    public static bool Date(HeaderFieldContext context, out LocalDate value)
    {
        var result = SwedishDateRange.ParseDate(context.Value);
        value = result.Value;
        if (result.Success)
        {
            return true;
        }

        if (result.Error == FieldParseError.ImpossibleDate)
        {
            context.ReportAt(DiagnosticCodes.ImpossibleDate, result.ErrorIndex, context.Field.Value);
        }
        else
        {
            context.ReportAt(DiagnosticCodes.InvalidDate, result.ErrorIndex, context.Field.Label, context.Field.Value, FieldErrorMessages.Reason(result.Error));
        }

        return false;
    }

    public static bool Email(HeaderFieldContext context, out EmailAddress value)
    {
        if (EmailAddress.TryParse(context.Field.Value!, out var address))
        {
            value = address;
            return true;
        }

        value = null!;
        context.ReportAt(DiagnosticCodes.InvalidEmail, 0, context.Field.Value);
        return false;
    }

    public static bool Phone(HeaderFieldContext context, out SwedishPhoneNumber value)
    {
        var result = SwedishPhoneNumber.Parse(context.Value);
        value = result.Value;
        if (result.Success)
        {
            return true;
        }

        context.ReportAt(DiagnosticCodes.InvalidPhone, result.ErrorIndex, context.Field.Value, FieldErrorMessages.Reason(result.Error));
        return false;
    }

    public static bool OrganisationNumber(HeaderFieldContext context, out SwedishOrganisationNumber value)
    {
        var result = SwedishOrganisationNumber.Parse(context.Value);
        value = result.Value;
        if (result.Success)
        {
            return true;
        }

        context.ReportAt(DiagnosticCodes.InvalidOrganisationNumber, result.ErrorIndex, context.Field.Value, FieldErrorMessages.Reason(result.Error));
        return false;
    }

    public static bool Count(HeaderFieldContext context, out int value)
    {
        long count = 0;
        var digits = 0;
        foreach (var c in context.Value)
        {
            if (char.IsAsciiDigit(c))
            {
                count = (count * 10) + (c - '0');
                digits++;
                if (count > int.MaxValue)
                {
                    digits = 0;
                    break;
                }
            }
            else if (!TextChars.IsGroupSeparator(c))
            {
                digits = 0;
                break;
            }
        }

        value = (int)count;
        if (digits > 0)
        {
            return true;
        }

        context.ReportAt(DiagnosticCodes.InvalidNumber, 0, context.Field.Label, context.Field.Value);
        return false;
    }

    public static bool Percentage(HeaderFieldContext context, out decimal value)
    {
        var text = TextChars.Trim(context.Value);
        if (text.EndsWith('%'))
        {
            text = TextChars.Trim(text[..^1]);
        }

        if (SwedishAmount.ParseCore(text, out var rate, out _) == FieldParseError.None && !text.ContainsAnyExcept("0123456789, \u00A0\u202F\u2009") && rate.Amount is >= 0 and <= 100)
        {
            value = rate.Amount;
            return true;
        }

        value = 0;
        context.ReportAt(DiagnosticCodes.InvalidPercentage, 0, context.Field.Label, context.Field.Value);
        return false;
    }

    public static bool YesNo(HeaderFieldContext context, out bool value)
    {
        var config = context.Configuration;
        var text = TextChars.Trim(context.Value);
        if (ParserConfiguration.IsOneOf(text, config.YesWords))
        {
            value = true;
            return true;
        }

        value = false;
        if (ParserConfiguration.IsOneOf(text, config.NoWords))
        {
            return true;
        }

        context.ReportAt(DiagnosticCodes.InvalidYesNo, 0, context.Field.Label, context.Field.Value);
        return false;
    }

    public static bool Fund(HeaderFieldContext context, out EsfFund value)
    {
        if (ParserConfiguration.TryMatch(context.Value, context.Configuration.Funds, out value))
        {
            return true;
        }

        context.ReportAt(DiagnosticCodes.UnknownFund, 0, context.Field.Value);
        return false;
    }

    public static bool Nuts2(HeaderFieldContext context, out Nuts2Region value)
    {
        if (Nuts2Regions.Find(context.Field.Value!) is { } region)
        {
            value = region;
            return true;
        }

        value = null!;
        context.ReportAt(DiagnosticCodes.UnknownNuts2Code, 0, context.Field.Value);
        return false;
    }

    public static bool Phase(HeaderFieldContext context, out ProjectPhase value)
    {
        value = new ProjectPhase(context.Field.Value!, ParserConfiguration.TryMatch(context.Value, context.Configuration.Phases, out var kind) ? kind : ProjectPhaseKind.Other);
        return true;
    }

    /// <summary>
    /// <c>2 Ökat arbetskraftsutbud</c>, <c>1.1 Kompetensförsörjning</c>, <c>C: …</c>, a letter <c>A</c>–<c>F</c> alone,
    /// or a name alone (ESF0206). A value that repeats the label (<c>Programområde 2 …</c>) is read without it.
    /// </summary>
    public static bool ProgramArea(HeaderFieldContext context, out ProgramArea value)
    {
        var full = context.Field.Value!;
        var text = full.AsSpan();
        foreach (var label in context.Configuration.LabelsOf(EsfHeaderFields.ProgramArea))
        {
            if (TextChars.StartsWithIgnoreCase(text, label))
            {
                text = TextChars.Trim(text[label.Length..]);
                break;
            }
        }

        var i = 0;
        string? code = null;
        int? number = null;
        if (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || (text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))))
            {
                i++;
            }

            code = text[..i].ToString();
            var dot = code.IndexOf('.', StringComparison.Ordinal);
            var integerPart = dot < 0 ? code.AsSpan() : code.AsSpan(0, dot);
            number = integerPart.Length <= 9 ? int.Parse(integerPart, NumberStyles.None, CultureInfo.InvariantCulture) : null;
        }
        else if (text.Length >= 1 && text[0] is >= 'A' and <= 'F' && (text.Length == 1 || TextChars.IsSpace(text[1]) || text[1] is ':' or '.' or ')'))
        {
            code = text[..1].ToString();
            i = 1;
        }

        if (code is not null)
        {
            var nameStart = i;
            while (nameStart < text.Length && (TextChars.IsSpace(text[nameStart]) || text[nameStart] is '-' or '\u2013' or ':' or '.' or ')'))
            {
                nameStart++;
            }

            var name = text[nameStart..];
            value = new ProgramArea(code, number, name.IsEmpty ? null : name.ToString());
            return true;
        }

        context.ReportAt(DiagnosticCodes.ProgramAreaWithoutNumber, 0, full);
        value = new ProgramArea(null, null, text.IsEmpty ? full : text.ToString());
        return true;
    }
}
