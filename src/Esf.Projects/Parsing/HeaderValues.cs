using Esf.Projects.Diagnostics;
using Esf.Projects.Fields;
using Esf.Projects.Model;

namespace Esf.Projects.Parsing;

/// <summary>Turns the raw header rows into the project's typed properties, with value diagnostics.</summary>
internal static class HeaderValues
{
    public static EsfProject Apply(EsfProject project, List<HeaderField> fields, DiagnosticBag diagnostics)
    {
        var seen = 0UL; // one bit per HeaderFieldKind (fewer than 64)
        var extras = new List<HeaderField>();
        string? contactName = null, email = null, phone = null;
        SwedishPhoneNumber? phoneNumber = null;
        EmailAddress? emailAddress = null;
        HeaderField? grantedField = null;

        // Values are gathered first and applied in one 'with' at the end: a copy of the project per field would cost
        // more than the fields themselves.
        var programArea = project.ProgramArea;
        var phase = project.Phase;
        var owner = project.Owner;
        var granted = project.GrantedEsfSupport;
        var total = project.TotalBudget;
        var period = project.Period;
        var region = project.Region;
        var projectNumber = project.ProjectNumber;
        var callNumber = project.CallNumber;
        var participants = project.PlannedParticipants;
        var objective = project.SpecificObjective;
        var rate = project.EuCofinancingRate;
        foreach (var field in fields)
        {
            if (field.Kind == HeaderFieldKind.Unknown)
            {
                extras.Add(field);
                continue;
            }

            var bit = field.Kind is >= 0 and < (HeaderFieldKind)64 ? 1UL << (int)field.Kind : 0;
            var duplicate = bit != 0 && (seen & bit) != 0;
            seen |= bit;
            if (duplicate)
            {
                diagnostics.Add(DiagnosticCodes.DuplicateField, field.LabelPosition, DiagnosticMessages.DuplicateField(field.Label));
                extras.Add(field);
                continue;
            }

            if (field.Value is not { } value)
            {
                continue;
            }

            switch (field.Kind)
            {
                case HeaderFieldKind.ProgramArea:
                    programArea = ParseProgramArea(field, value, diagnostics);
                    break;
                case HeaderFieldKind.Phase:
                    phase = new ProjectPhase(value, PhaseKind(value));
                    break;
                case HeaderFieldKind.Owner:
                    owner = value;
                    break;
                case HeaderFieldKind.ContactName:
                    contactName = value;
                    break;
                case HeaderFieldKind.ContactEmail:
                    email = value;
                    if (!EmailAddress.TryParse(value, out emailAddress))
                    {
                        diagnostics.Add(DiagnosticCodes.InvalidEmail, field.ValuePosition, DiagnosticMessages.InvalidEmail(value));
                    }

                    break;
                case HeaderFieldKind.ContactPhone:
                    phone = value;
                    var parsedPhone = SwedishPhoneNumber.Parse(value);
                    if (parsedPhone.Success)
                    {
                        phoneNumber = parsedPhone.Value;
                    }
                    else
                    {
                        diagnostics.Add(DiagnosticCodes.InvalidPhone, At(field, parsedPhone.ErrorIndex), DiagnosticMessages.InvalidPhone(value, parsedPhone.Error));
                    }

                    break;
                case HeaderFieldKind.GrantedEsfSupport:
                    granted = ParseAmount(field, value, diagnostics);
                    grantedField = field;
                    break;
                case HeaderFieldKind.TotalBudget:
                    total = ParseAmount(field, value, diagnostics);
                    break;
                case HeaderFieldKind.Period:
                    period = ParsePeriod(field, value, diagnostics);
                    break;
                case HeaderFieldKind.Region:
                    region = value;
                    break;
                case HeaderFieldKind.ProjectNumber:
                    projectNumber = value;
                    break;
                case HeaderFieldKind.CallNumber:
                    callNumber = value;
                    break;
                case HeaderFieldKind.PlannedParticipants:
                    participants = ParseCount(field, value, diagnostics);
                    break;
                case HeaderFieldKind.SpecificObjective:
                    objective = value;
                    break;
                case HeaderFieldKind.EuCofinancingRate:
                    rate = ParsePercentage(field, value, diagnostics);
                    break;
            }
        }

        if (granted is { } g && total is { } t && g.Amount > t.Amount && grantedField is not null)
        {
            diagnostics.Add(DiagnosticCodes.GrantedExceedsTotal, grantedField.ValuePosition, DiagnosticMessages.GrantedExceedsTotal(g.Amount, t.Amount));
        }

        return project with
        {
            ProgramArea = programArea,
            Phase = phase,
            Owner = owner,
            GrantedEsfSupport = granted,
            TotalBudget = total,
            Period = period,
            Region = region,
            ProjectNumber = projectNumber,
            CallNumber = callNumber,
            PlannedParticipants = participants,
            SpecificObjective = objective,
            EuCofinancingRate = rate,
            Contact = contactName is null && email is null && phone is null ? Contact.None : new Contact(contactName, email, phone) { PhoneNumber = phoneNumber, EmailAddress = emailAddress },
            Fields = [.. fields],
            ExtraFields = [.. extras],
        };
    }

    private static SourcePosition At(HeaderField field, int index) =>
        field.ValuePosition with { Column = field.ValuePosition.Column + Math.Max(0, index) };

    private static Money? ParseAmount(HeaderField field, string value, DiagnosticBag diagnostics)
    {
        var result = SwedishAmount.Parse(value);
        if (result.Success)
        {
            return result.Value;
        }

        var code = result.Error == FieldParseError.Overflow ? DiagnosticCodes.AmountOverflow : DiagnosticCodes.InvalidAmount;
        diagnostics.Add(code, At(field, result.ErrorIndex), DiagnosticMessages.InvalidAmount(field.Label, value, result.Error));
        return null;
    }

    private static NodaTime.DateInterval? ParsePeriod(HeaderField field, string value, DiagnosticBag diagnostics)
    {
        var result = SwedishDateRange.Parse(value);
        if (result.Success)
        {
            return result.Value;
        }

        var position = At(field, result.ErrorIndex);
        switch (result.Error)
        {
            case FieldParseError.ImpossibleDate:
                diagnostics.Add(DiagnosticCodes.ImpossibleDate, position, DiagnosticMessages.ImpossibleDate(value));
                break;
            case FieldParseError.ReversedRange:
                diagnostics.Add(DiagnosticCodes.ReversedPeriod, position, DiagnosticMessages.ReversedPeriod(value));
                break;
            default:
                diagnostics.Add(DiagnosticCodes.InvalidPeriod, position, DiagnosticMessages.InvalidPeriod(value, result.Error));
                break;
        }

        return null;
    }

    internal static ProgramArea ParseProgramArea(HeaderField field, string value, DiagnosticBag diagnostics)
    {
        var text = value.AsSpan();
        if (text.StartsWith("Programområde", StringComparison.OrdinalIgnoreCase))
        {
            text = TextChars.Trim(text["Programområde".Length..]);
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
            number = integerPart.Length <= 9 ? int.Parse(integerPart, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture) : null;
        }
        else if (text.Length >= 2 && text[0] is >= 'A' and <= 'F' && (TextChars.IsSpace(text[1]) || text[1] is ':' or '.' or ')'))
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
            return new ProgramArea(code, number, name.IsEmpty ? code : name.ToString());
        }

        diagnostics.Add(DiagnosticCodes.ProgramAreaWithoutNumber, field.ValuePosition, DiagnosticMessages.ProgramAreaWithoutNumber(value));
        return new ProgramArea(null, null, text.IsEmpty ? value : text.ToString());
    }

    private static ProjectPhaseKind PhaseKind(string value) =>
        value.Equals("Förprojektering", StringComparison.OrdinalIgnoreCase) ? ProjectPhaseKind.PreProject
        : value.Equals("Genomförande", StringComparison.OrdinalIgnoreCase) ? ProjectPhaseKind.Implementation
        : ProjectPhaseKind.Other;

    private static int? ParseCount(HeaderField field, string value, DiagnosticBag diagnostics)
    {
        var text = value.AsSpan();
        long count = 0;
        var digits = 0;
        foreach (var c in text)
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

        if (digits > 0)
        {
            return (int)count;
        }

        diagnostics.Add(DiagnosticCodes.InvalidNumber, field.ValuePosition, DiagnosticMessages.InvalidNumber(field.Label, value));
        return null;
    }

    private static decimal? ParsePercentage(HeaderField field, string value, DiagnosticBag diagnostics)
    {
        var text = TextChars.Trim(value.AsSpan());
        if (text.EndsWith("%"))
        {
            text = TextChars.Trim(text[..^1]);
        }

        if (SwedishAmount.ParseCore(text, out var rate, out _) == FieldParseError.None && !text.ContainsAnyExcept("0123456789, \u00A0\u202F\u2009") && rate.Amount is >= 0 and <= 100)
        {
            return rate.Amount;
        }

        diagnostics.Add(DiagnosticCodes.InvalidPercentage, field.ValuePosition, DiagnosticMessages.InvalidPercentage(field.Label, value));
        return null;
    }
}
