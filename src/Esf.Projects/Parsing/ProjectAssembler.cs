using System.Collections.Frozen;
using System.Collections.Immutable;
using Esf.Projects.Fields;
using Esf.Projects.Handlers;
using Esf.Projects.Parsing.Layouts;
using Esf.Projects.ReferenceData;
using NodaTime;

namespace Esf.Projects.Parsing;

/// <summary>
/// Turns the frame and the body into the project, once: the header rows become fields (each value read by its field
/// definition and kept with its positions), the cross-field rules run once over the collected values (start ≤ end,
/// granted ≤ total, rate against share, region against municipalities and NUTS-2, project numbers against each
/// other), what follows from them is derived, and <see cref="EsfProject"/> is constructed a single time.
/// </summary>
internal sealed class ProjectAssembler(PageLines page, DiagnosticBag diagnostics)
{
    private readonly ParserConfiguration _config = page.Config;
    private readonly ProjectParts _parts = new();

    /// <summary>The first row of each built-in field, by slot: where its value came from. Rented for the one parse.</summary>
    private HeaderField?[] _rowOf = [];

    public EsfProject Assemble(PageFrame frame, BodyResult body)
    {
        _rowOf = System.Buffers.ArrayPool<HeaderField?>.Shared.Rent(EsfHeaderFields.All.Length);
        try
        {
            return AssembleCore(frame, body);
        }
        finally
        {
            Array.Clear(_rowOf);
            System.Buffers.ArrayPool<HeaderField?>.Shared.Return(_rowOf);
            _rowOf = [];
        }
    }

    private EsfProject AssembleCore(PageFrame frame, BodyResult body)
    {
        _parts.Layout = frame.Layout;
        _parts.LayoutName = frame.LayoutName;
        _parts.Notice = JoinParagraphs(frame.NoticeLines);
        ReadRows(frame);
        if (frame.UnplacedLines.Count > 0)
        {
            var unplaced = ImmutableArray.CreateBuilder<string>(frame.UnplacedLines.Count);
            foreach (var line in frame.UnplacedLines)
            {
                var text = page.Source.ContentString(page.Lines[line]);
                unplaced.Add(text);
                diagnostics.Add(DiagnosticCodes.UnplacedText, page.Lines[line].ContentPosition, text);
            }

            _parts.UnplacedText = unplaced.MoveToImmutable();
        }

        var titleNumber = ReadTitle(frame);
        var numbers = ReadProjectNumbers(frame, titleNumber);
        _parts.Contact = ReadContact();
        _parts.Period = ReadPeriod();
        CheckGrantedWithinTotal();

        _parts.Sections = body.Sections;
        _parts.CoFinanciers = body.CoFinanciers;
        _parts.Partners = body.Partners;
        _parts.Municipalities = body.Municipalities;
        var resolved = ResolveMunicipalities(body);
        _parts.EsfRegion = ResolveRegion(resolved);
        _parts.Programme = InferProgramme(numbers);
        _parts.InterventionType = Value(EsfHeaderFields.InterventionType) is { } code
            ? new InterventionType(code, _parts.Programme?.Period is { } period ? EsfProgrammes.FindInterventionField(period, code)?.NameEnglish : null)
            : null;
        _parts.Figures = Figures();
        return new EsfProject(_parts);
    }

    private T? Value<T>(HeaderFieldDefinition<T> field)
        where T : class => _parts.Values[field.Slot] as T;

    private T? StructValue<T>(HeaderFieldDefinition<T> field)
        where T : struct => _parts.Values[field.Slot] is T value ? value : null;

    /// <summary>Rows into fields: the value trimmed, empty (ESF0103) or written as missing (ESF0102) made null with the raw text kept, handlers run, the first row of each field giving its value.</summary>
    private void ReadRows(PageFrame frame)
    {
        var fields = ImmutableArray.CreateBuilder<HeaderField>(frame.Rows.Count);
        ImmutableArray<HeaderField>.Builder? extras = null;
        var seenSlots = 0UL; // built-in fields by slot (fewer than 64); other keys in a list, rarely needed
        List<string>? seenKeys = null;
        List<KeyValuePair<HeaderFieldHandler, object>>? custom = null;
        string? previousLabel = null;
        string? previousValue = null;
        foreach (var row in frame.Rows)
        {
            var labelLine = page.Lines[row.LabelLine];
            var labelText = previousLabel = LabelText(row, labelLine, previousLabel);
            var labelPosition = labelLine.ContentPosition;
            var kind = row.Label?.Kind ?? HeaderField.UnknownKind;
            var raw = row.ValueLine < 0 ? [] : TextChars.Trim(page.Content(row.ValueLine)[Math.Min(row.ValueOffset, page.Lines[row.ValueLine].ContentLength)..]);
            // A row written like the one before shares its strings: a header repeating one row holds one copy.
            string? rawValue = raw.IsEmpty ? null : TextChars.SameOrNew(raw, previousValue);
            previousValue = rawValue ?? previousValue;
            string? value = rawValue;
            var valuePosition = labelPosition;
            if (rawValue is null)
            {
                diagnostics.Add(DiagnosticCodes.EmptyValue, labelPosition, labelText);
            }
            else
            {
                var valueLine = page.Lines[row.ValueLine];
                valuePosition = valueLine.PositionOf(valueLine.ContentStart + row.ValueOffset + TextChars.SkipSpaces(page.Content(row.ValueLine)[row.ValueOffset..], 0));
                if (ParserConfiguration.IsOneOf(raw, _config.MissingWords))
                {
                    diagnostics.Add(DiagnosticCodes.ValueWrittenAsMissing, valuePosition, labelText, rawValue);
                    value = null;
                }
            }

            if (row.Label is null)
            {
                diagnostics.Add(DiagnosticCodes.UnknownLabel, labelPosition, labelText);
            }

            var duplicate = kind != HeaderField.UnknownKind && !FirstOfKind(row.Label!, kind, ref seenSlots, ref seenKeys);
            if (duplicate)
            {
                diagnostics.Add(DiagnosticCodes.DuplicateField, labelPosition, labelText);
            }

            var field = new HeaderField(labelText, kind, value, labelPosition, valuePosition, rawValue);
            if (!duplicate && value is not null && row.Label is { Fields.Length: > 0 } label)
            {
                field = field.WithData(RunHandlers(label.Fields, field, ref custom));
            }

            fields.Add(field);
            if (duplicate || kind == HeaderField.UnknownKind)
            {
                // Sized for every row left, so a header of unknown rows fills it exactly and is not copied.
                (extras ??= ImmutableArray.CreateBuilder<HeaderField>(frame.Rows.Count - fields.Count + 1)).Add(field);
            }
        }

        _parts.Fields = fields.MoveToImmutable();
        _parts.ExtraFields = extras is null ? [] : extras.DrainToImmutable();
        _parts.CustomValues = custom is null ? [] : [.. custom];
    }

    /// <summary>The label as written, without a trailing colon: the label's own string when the page spells it so (the usual case, no copy), else the previous row's when it is the same.</summary>
    private string LabelText(HeaderRow row, TextLine labelLine, string? previous)
    {
        var written = TextChars.Trim(page.Source.Text.AsSpan(labelLine.ContentStart, row.LabelLength)).TrimEnd(':');
        written = TextChars.Trim(written);
        return row.Label is { } label && written.SequenceEqual(label.Text) ? label.Text : TextChars.SameOrNew(written, previous);
    }

    /// <summary>Whether this is the first row of its field.</summary>
    private static bool FirstOfKind(LabelDefinition label, string kind, ref ulong seenSlots, ref List<string>? seenKeys)
    {
        if (label.KindSlot is >= 0 and < 64)
        {
            var bit = 1UL << label.KindSlot;
            var first = (seenSlots & bit) == 0;
            seenSlots |= bit;
            return first;
        }

        seenKeys ??= [];
        if (seenKeys.Contains(kind))
        {
            return false;
        }

        seenKeys.Add(kind);
        return true;
    }

    /// <summary>
    /// Runs every field that claims the row, in order; a throwing handler becomes ESF0303. A built-in field's result
    /// becomes the project's value (read through its typed property); the results of other handlers are attached to
    /// the row (<see cref="HeaderField.Data"/>).
    /// </summary>
    private ImmutableArray<object> RunHandlers(HeaderFieldHandler[] handlers, in HeaderField field, ref List<KeyValuePair<HeaderFieldHandler, object>>? custom)
    {
        ImmutableArray<object>.Builder? results = null;
        foreach (var handler in handlers)
        {
            object? result;
            try
            {
                result = handler.HandleField(new HeaderFieldContext(field, diagnostics, _config));
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                diagnostics.Add(DiagnosticCodes.HandlerFailed, field.ValuePosition, "Header field", HandlerFailure.SafeName(handler), field.Label, exception.GetType().Name, HandlerFailure.SafeMessage(exception));
                continue;
            }

            if (result is null)
            {
                continue;
            }

            if (handler.BuiltInSlot >= 0)
            {
                _parts.Values[handler.BuiltInSlot] = result;
                _rowOf[handler.BuiltInSlot] = field;
                continue;
            }

            custom ??= [];
            if (!Holds(custom, handler))
            {
                custom.Add(new(handler, result));
            }

            (results ??= ImmutableArray.CreateBuilder<object>()).Add(result);
        }

        return results is null ? [] : results.DrainToImmutable();
    }

    /// <summary>Whether a handler already has its first result. A loop, not <c>Exists</c> with a lambda: a lambda capturing the loop's handler costs an object for every handler of every row, whether or not it runs.</summary>
    private static bool Holds(List<KeyValuePair<HeaderFieldHandler, object>> custom, HeaderFieldHandler handler)
    {
        foreach (var pair in custom)
        {
            if (ReferenceEquals(pair.Key, handler))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The title line without its number (or else the <c>Namn</c> field); returns the title line's number as written.</summary>
    private string? ReadTitle(PageFrame frame)
    {
        string? number = null;
        if (frame.TitleLine >= 0)
        {
            var line = page.Lines[frame.TitleLine];
            var info = page.Line(frame.TitleLine);
            if (info.Is(LineFlags.NumberedTitle))
            {
                number = page.Content(frame.TitleLine)[..info.NumberLength].ToString();
                _parts.Title = page.Content(frame.TitleLine)[info.NameStart..].ToString();
                _parts.TitlePosition = line.PositionOf(line.ContentStart + info.NameStart);
            }
            else if (Value(EsfHeaderFields.Name) is { } named && ParserConfiguration.IsOneOf(page.Content(frame.TitleLine), _config.GenericTitles))
            {
                // "Projekt" names no project: the Namn row does.
                _parts.Title = named;
                _parts.TitlePosition = _rowOf[EsfHeaderFields.Name.Slot]?.ValuePosition;
            }
            else
            {
                _parts.Title = page.Source.ContentString(line);
                _parts.TitlePosition = line.ContentPosition;
            }
        }
        else if (Value(EsfHeaderFields.Name) is { } name)
        {
            _parts.Title = name;
            _parts.TitlePosition = _rowOf[EsfHeaderFields.Name.Slot]?.ValuePosition;
        }

        if (_parts.Title is null && frame.HasHeader)
        {
            diagnostics.Add(DiagnosticCodes.NoTitle, frame.Rows.Count > 0 ? page.Lines[frame.Rows[0].LabelLine].ContentPosition : new SourcePosition(1, 1));
        }

        return number;
    }

    /// <summary>
    /// Every distinct number of the title line and the project-number fields (<c>Diarienummer</c>, <c>Projektnummer</c>:
    /// <see cref="HeaderFieldTraits.ProjectNumber"/>), in page order (ESF0216 for each that differs); the project number
    /// is <c>Projektnummer</c>, else <c>Diarienummer</c>, else the title's.
    /// Returns each distinct number as read (<see langword="null"/> where the text is no project number), from the
    /// page's table, where the layout recogniser may already have read it.
    /// </summary>
    private NumberEvidence ReadProjectNumbers(PageFrame frame, string? titleNumber)
    {
        // The numbers in page order; a set of them only past a few (a page has one to three), so a header of
        // thousands of distinct numbers stays linear and the usual page makes no set.
        ImmutableArray<string>.Builder? numbers = null;
        var evidence = default(NumberEvidence);
        HashSet<string>? seen = null;
        if (titleNumber is not null)
        {
            (numbers = ImmutableArray.CreateBuilder<string>(2)).Add(titleNumber);
            evidence.Add(page.TitleNumber(frame.TitleLine), titleNumber);
        }

        for (var i = 0; i < _parts.Fields.Length; i++)
        {
            var field = _parts.Fields[i];
            if (field.Value is { } value && frame.Rows[i].Label is { HoldsProjectNumber: true } && IsNew(numbers, ref seen, value))
            {
                if (numbers is { Count: > 0 })
                {
                    diagnostics.Add(DiagnosticCodes.ProjectNumbersDiffer, field.ValuePosition, value, numbers[0]);
                }

                (numbers ??= ImmutableArray.CreateBuilder<string>(2)).Add(value);
                evidence.Add(page.ProjectNumberAt(frame.Rows[i].ValueLine, frame.Rows[i].ValueOffset), value);
            }
        }

        _parts.ProjectNumbers = numbers is null ? [] : numbers.DrainToImmutable();
        _parts.ProjectNumber = Value(EsfHeaderFields.ProjectNumber) ?? Value(EsfHeaderFields.DiaryNumber) ?? titleNumber;
        return evidence;
    }

    /// <summary>Whether <paramref name="value"/> is not yet among <paramref name="numbers"/>: a scan while they are few, then a set made once.</summary>
    private static bool IsNew(ImmutableArray<string>.Builder? numbers, ref HashSet<string>? seen, string value)
    {
        const int ScanLimit = 8;
        if (numbers is null)
        {
            return true;
        }

        if (seen is not null)
        {
            return seen.Add(value);
        }

        for (var i = 0; i < numbers.Count; i++) // an index, not foreach: the builder's enumerator is an object
        {
            if (string.Equals(numbers[i], value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        if (numbers.Count >= ScanLimit)
        {
            seen = new HashSet<string>(numbers, StringComparer.Ordinal) { value };
        }

        return true;
    }

    /// <summary>What the page's distinct project numbers, read once in page order, say of its period: the first of the ESF+ form, the first of the 2014–2020 form (a year from 2014 on), and the first with an earlier year.</summary>
    private struct NumberEvidence
    {
        public string? EsfPlus;
        public string? Modern;
        public string? Earlier;

        public void Add(EsfProjectNumber? read, string text)
        {
            if (read is not { } number)
            {
                return;
            }

            if (number.Form == ProjectNumberForm.EsfPlus)
            {
                EsfPlus ??= text;
            }
            else if (number.Year is >= 2014)
            {
                Modern ??= text;
            }
            else if (number.Year is not null)
            {
                Earlier ??= text;
            }
        }
    }

    private Contact ReadContact()
    {
        var name = _rowOf[EsfHeaderFields.ContactName.Slot]?.Value;
        var email = _rowOf[EsfHeaderFields.ContactEmail.Slot]?.Value ?? FirstValue(EsfHeaderFields.ContactEmail.Key);
        var phone = _rowOf[EsfHeaderFields.ContactPhone.Slot]?.Value ?? FirstValue(EsfHeaderFields.ContactPhone.Key);
        return name is null && email is null && phone is null
            ? Contact.None
            : new Contact(name, email, phone, StructValue(EsfHeaderFields.ContactPhone), Value(EsfHeaderFields.ContactEmail));
    }

    /// <summary>The value as written of the first row of a field, read or not (a malformed e-mail address stays in the contact as written).</summary>
    private string? FirstValue(string kind)
    {
        foreach (var field in _parts.Fields)
        {
            if (field.Kind == kind)
            {
                return field.Value;
            }
        }

        return null;
    }

    /// <summary><c>Projektperiod</c>, or <c>Startdatum</c> with <c>Slutdatum</c> (ESF0205 when reversed, ESF0218 when one is missing).</summary>
    private DateInterval? ReadPeriod()
    {
        if (Value(EsfHeaderFields.Period) is { } period)
        {
            return period;
        }

        var start = StructValue(EsfHeaderFields.StartDate);
        var end = StructValue(EsfHeaderFields.EndDate);
        var startRow = _rowOf[EsfHeaderFields.StartDate.Slot].GetValueOrDefault();
        var endRow = _rowOf[EsfHeaderFields.EndDate.Slot].GetValueOrDefault();
        if (start is { } s && end is { } e)
        {
            if (e < s)
            {
                diagnostics.Add(DiagnosticCodes.ReversedPeriod, endRow.ValuePosition, startRow.Value + " – " + endRow.Value);
                return null;
            }

            return new DateInterval(s, e);
        }

        if (start is not null && !HasRow(EsfHeaderFields.Period) && FirstValue(EsfHeaderFields.EndDate.Key) is null)
        {
            diagnostics.Add(DiagnosticCodes.PartialPeriod, startRow.ValuePosition, startRow.Label, LabelOf(EsfHeaderFields.EndDate));
        }
        else if (end is not null && !HasRow(EsfHeaderFields.Period) && FirstValue(EsfHeaderFields.StartDate.Key) is null)
        {
            diagnostics.Add(DiagnosticCodes.PartialPeriod, endRow.ValuePosition, endRow.Label, LabelOf(EsfHeaderFields.StartDate));
        }

        return null;
    }

    /// <summary>Where the value of the row that gave a built-in field's value starts (called only once the field has a value).</summary>
    private SourcePosition ValuePositionOf(HeaderFieldHandler field) => _rowOf[field.BuiltInSlot].GetValueOrDefault().ValuePosition;

    private bool HasRow(HeaderFieldHandler field)
    {
        foreach (var row in _parts.Fields)
        {
            if (row.Kind == field.Key && row.Value is not null)
            {
                return true;
            }
        }

        return false;
    }

    private string LabelOf(HeaderFieldHandler field) => _config.LabelsOf(field) is [var first, ..] ? first : field.Key ?? field.Name;

    private void CheckGrantedWithinTotal()
    {
        if (StructValue(EsfHeaderFields.GrantedEsfSupport) is { } granted && StructValue(EsfHeaderFields.TotalBudget) is { } total && granted.Amount > total.Amount)
        {
            diagnostics.Add(DiagnosticCodes.GrantedExceedsTotal, ValuePositionOf(EsfHeaderFields.GrantedEsfSupport), granted.Amount, total.Amount);
        }
    }

    /// <summary>Each municipality name matched (ESF0212 with suggestions, at the item, for a name that matches none; suggestions computed once per distinct name, and only for the diagnostics kept).</summary>
    private ImmutableArray<Municipality> ResolveMunicipalities(BodyResult body)
    {
        var names = body.Municipalities;
        var codes = ImmutableArray.CreateBuilder<string?>(names.Length);
        var resolved = ImmutableArray.CreateBuilder<Municipality>(names.Length);
        Dictionary<string, string>? suggestions = null;
        string? previousName = null;
        Municipality? previous = null;
        for (var i = 0; i < names.Length; i++)
        {
            // The list shares one string among items written alike, so a repeated name is matched once.
            var name = names[i];
            var municipality = ReferenceEquals(name, previousName) ? previous : SwedishMunicipalities.TryMatch(name, out var found) ? found : null;
            (previousName, previous) = (name, municipality);
            if (municipality is not null)
            {
                codes.Add(municipality.Code);
                resolved.Add(municipality);
                continue;
            }

            codes.Add(null);

            // Suggestions only for the diagnostics kept (MaxDiagnosticsPerCode): a page of thousands of distinct
            // unknown names costs a hundred fuzzy searches, not thousands.
            var position = body.MunicipalityItems[i].Position;
            if (!diagnostics.Admit(DiagnosticCodes.UnknownMunicipality, position))
            {
                continue;
            }

            suggestions ??= new(StringComparer.Ordinal);
            if (!suggestions.TryGetValue(name, out var suggestion))
            {
                var list = string.Join(", ", SwedishMunicipalities.Suggest(name).Select(m => "'" + m.Name + "'"));
                suggestion = list.Length == 0 ? string.Empty : "; did you mean " + list + "?";
                suggestions[name] = suggestion;
            }

            diagnostics.AddAdmitted(DiagnosticCodes.UnknownMunicipality, position, name, suggestion);
        }

        _parts.MunicipalityCodes = codes.MoveToImmutable();
        var result = resolved.DrainToImmutable();
        _parts.ResolvedMunicipalities = result;
        return result;
    }

    /// <summary>The region read as an ESF region (ESF0213 when it is none), checked against the municipalities' counties (ESF0214) and the NUTS-2 area (ESF0217).</summary>
    private EsfRegion? ResolveRegion(ImmutableArray<Municipality> resolved)
    {
        if (Value(EsfHeaderFields.Region) is not { } text)
        {
            return null;
        }

        var position = ValuePositionOf(EsfHeaderFields.Region);
        if (!_config.Regions.TryMatch(text, out var region))
        {
            diagnostics.Add(DiagnosticCodes.UnknownRegion, position, text);
            return null;
        }

        if (region != EsfRegion.National && !resolved.IsEmpty && !Lists(resolved, region))
        {
            var listed = resolved.Select(m => m.Region).Distinct().Order().Select(SwedishMunicipalities.RegionName);
            diagnostics.Add(DiagnosticCodes.RegionMismatch, position, text, string.Join(", ", listed));
        }

        if (region != EsfRegion.National && Value(EsfHeaderFields.Nuts2) is { } nuts && nuts.EsfRegion != region)
        {
            diagnostics.Add(DiagnosticCodes.Nuts2RegionMismatch, ValuePositionOf(EsfHeaderFields.Nuts2), nuts.Code, nuts.Name, SwedishMunicipalities.RegionName(nuts.EsfRegion), text);
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

    /// <summary>The rules are documented in <c>docs/model.md</c> ("Programme period"); the first that applies wins.</summary>
    private ProgrammeInfo? InferProgramme(NumberEvidence numbers)
    {
        var area = Value(EsfHeaderFields.ProgramArea);
        var cci = Value(EsfHeaderFields.ProgrammeCci);
        var programme = cci is null ? null : EsfProgrammes.FindProgramme(cci);
        if (cci is not null && programme is null)
        {
            diagnostics.Add(DiagnosticCodes.UnknownProgrammeCci, ValuePositionOf(EsfHeaderFields.ProgrammeCci), cci);
        }

        var fead = IsFead(programme);
        var (period, confidence, basis) = PeriodEvidence(area, programme, numbers, fead);
        if (period is not { } p)
        {
            return null;
        }

        // The area and objective tables are the ESF programmes' (ESF+ in 2021–2027): a FEAD project's area 5 is not
        // the ESF programme's area 5 (React-EU), and the reference data holds no FEAD areas, so FEAD names none.
        var areaName = !fead && area?.Code is { } code ? EsfProgrammes.FindArea(p, area.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? code)?.Name : null;
        var objective = !fead && Value(EsfHeaderFields.SpecificObjective) is { } o ? EsfProgrammes.FindObjective(p, o)?.Name : null;
        return new ProgrammeInfo(p, confidence, basis, areaName, objective, programme?.Name);
    }

    /// <summary>
    /// Whether the project is one of the FEAD programme's: its CCI names a FEAD programme, its <c>Fond</c> row says
    /// FEAD, or — on 2014–2020 pages, which have no fund row — its title opens with the fund's name (<c>Fead - Po drom</c>),
    /// as the project bank names FEAD projects.
    /// </summary>
    private bool IsFead(EsfProgramme? programme)
    {
        if (programme is not null)
        {
            return programme.Funds.Contains("FEAD") && !programme.Funds.Contains("ESF");
        }

        if (StructValue(EsfHeaderFields.Fund) is { } fund)
        {
            return fund == EsfFund.Fead;
        }

        if (_parts.Title is not { } title)
        {
            return false;
        }

        foreach (var (spelling, meaning) in _config.Funds)
        {
            if (meaning == EsfFund.Fead && title.Length > spelling.Length && title.StartsWith(spelling, StringComparison.OrdinalIgnoreCase) && !char.IsLetterOrDigit(title[spelling.Length]))
            {
                return true;
            }
        }

        return false;
    }

    private (ProgrammePeriod? Period, InferenceConfidence Confidence, string Basis) PeriodEvidence(ProgramArea? area, EsfProgramme? programme, NumberEvidence numbers, bool fead)
    {
        if (programme is not null)
        {
            return (programme.Period, InferenceConfidence.High, "programme CCI " + programme.Cci);
        }

        var (esfPlus, modern, earlier) = (numbers.EsfPlus, numbers.Modern, numbers.Earlier);

        if (esfPlus is not null)
        {
            return (ProgrammePeriod.Period2021To2027, InferenceConfidence.High, "project number " + esfPlus + " (the ESF+ form NN-NNN-SNN)");
        }

        if (StructValue(EsfHeaderFields.Fund) is { } fund && fund != EsfFund.Esf)
        {
            return fund == EsfFund.EsfPlus
                ? (ProgrammePeriod.Period2021To2027, InferenceConfidence.High, "fund ESF+")
                : (ProgrammePeriod.Period2014To2020, InferenceConfidence.High, "fund FEAD (2014–2020 only)");
        }

        if (fead)
        {
            return (ProgrammePeriod.Period2014To2020, InferenceConfidence.High, "the title names the fund FEAD (2014–2020 only)");
        }

        if (area?.Code is { Length: 1 } letter && char.IsAsciiLetterUpper(letter[0]))
        {
            return (ProgrammePeriod.Period2021To2027, InferenceConfidence.High, "programme area letter " + letter);
        }

        if (area?.Name is { } areaName && UniqueAreaPeriod(areaName) is { } named)
        {
            return (named.Period, InferenceConfidence.High, $"programme area name '{named.Name}' ({Text(named.Period)} only)");
        }

        if (modern is not null)
        {
            return (ProgrammePeriod.Period2014To2020, InferenceConfidence.High, "project number " + modern + " (the 2014–2020 form YYYY/NNNNN)");
        }

        if (_parts.Period is { } started && started.Start < FirstDayOf2014To2020)
        {
            // No 2014–2020 or later programme paid for anything before 2014: an earlier start settles the period.
            return (ProgrammePeriod.Period2007To2013, InferenceConfidence.High, $"project start {Iso(started.Start)} (before 2014, when only the 2007–2013 programme ran)");
        }

        if (earlier is not null)
        {
            return (ProgrammePeriod.Period2007To2013, InferenceConfidence.Medium, "project number " + earlier + " (registered before 2014)");
        }

        if (_parts.Layout == PageLayout.ProjectBank2014To2020)
        {
            return (ProgrammePeriod.Period2014To2020, InferenceConfidence.Medium, "the 2014–2020 page layout");
        }

        if (_parts.Period is { } dates)
        {
            // From 2014 on (earlier starts returned above), the 2014–2020 and 2021–2027 programmes overlap in time.
            var start = dates.Start.Year;
            var period = start <= 2022 ? ProgrammePeriod.Period2014To2020 : ProgrammePeriod.Period2021To2027;
            return (period, InferenceConfidence.Low, $"project start {start} (periods overlap in time)");
        }

        return (null, default, string.Empty);
    }

    private static readonly LocalDate FirstDayOf2014To2020 = new(2014, 1, 1);

    private static string Iso(LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);

    /// <summary>The one period whose reference data names an area so, when only one does.</summary>
    private static EsfProgrammeArea? UniqueAreaPeriod(string name) =>
        AreasNamedInOnePeriod.TryGetValue(name.AsSpan().Trim(), out var area) ? area : null;

    /// <summary>Area names the reference data uses in one period only, with that area (looked up once per page, without a copy of the name).</summary>
    private static readonly System.Collections.Frozen.FrozenDictionary<string, EsfProgrammeArea>.AlternateLookup<ReadOnlySpan<char>> AreasNamedInOnePeriod =
        EsfProgrammes.Areas.GroupBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Select(a => a.Period).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private static string Text(ProgrammePeriod period) => ProgrammeInfo.TextOf(period);

    private DerivedFigures Figures()
    {
        decimal? share = null;
        var rate = StructValue(EsfHeaderFields.EuCofinancingRate);
        if (StructValue(EsfHeaderFields.GrantedEsfSupport) is { } granted && StructValue(EsfHeaderFields.TotalBudget) is { } total && total.Amount > 0 && granted.Currency == total.Currency)
        {
            // Not compared with the stated rate: Unionens medfinansieringsgrad is the EU's share of the programme's
            // public funding for the priority, not granted support over the project's total budget (ESF0215, retired).
            share = Percent(granted.Amount, total.Amount);
        }

        int? days = null, months = null;
        if (_parts.Period is { } period)
        {
            days = period.Length;
            months = WholeMonths(period);
        }

        decimal? perParticipant = StructValue(EsfHeaderFields.GrantedEsfSupport) is { } support && StructValue(EsfHeaderFields.PlannedParticipants) is > 0 and var planned
            ? Math.Round(support.Amount / planned, 0, MidpointRounding.AwayFromZero)
            : null;
        return share is null && rate is null && days is null && perParticipant is null ? DerivedFigures.None : new DerivedFigures(share, rate, days, months, perParticipant);
    }

    /// <summary>
    /// <paramref name="part"/> as a percentage of <paramref name="whole"/> (&gt; 0), to two decimals; <see langword="null"/>
    /// when the percentage is beyond what a <see cref="decimal"/> holds (a granted amount near <see cref="decimal.MaxValue"/>
    /// over a total of a krona). Such a page already has ESF0207 (granted above total), so no figure is the honest one.
    /// </summary>
    private static decimal? Percent(decimal part, decimal whole)
    {
        const decimal limit = decimal.MaxValue / 100m;
        // part / whole ≤ limit, asked without dividing: whole ≥ 1 cannot make the product overflow, and below 1 the
        // product is at most the limit.
        var magnitude = Math.Abs(part);
        if (whole >= 1m ? magnitude / whole > limit : magnitude > limit * whole)
        {
            return null;
        }

        return Math.Round(part / whole * 100m, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// Whole calendar months from the first day to the day after the last (2014-01-01 till 2014-12-31 is 12). The day
    /// after <see cref="LocalDate.MaxIsoValue"/> is outside NodaTime's range: there the months to the last day are
    /// counted, and the month that the day after would complete is added when the period starts on a first.
    /// </summary>
    private static int WholeMonths(DateInterval period)
    {
        if (period.End < LocalDate.MaxIsoValue)
        {
            return NodaTime.Period.Between(period.Start, period.End.PlusDays(1), PeriodUnits.Months).Months;
        }

        return NodaTime.Period.Between(period.Start, period.End, PeriodUnits.Months).Months + (period.Start.Day == 1 ? 1 : 0);
    }

    /// <summary>Lines joined as a section's text is: one LF between consecutive lines, a blank line where lines were apart; one string of the exact length.</summary>
    private string? JoinParagraphs(List<int> lineIndexes)
    {
        if (lineIndexes.Count == 0)
        {
            return null;
        }

        var length = 0;
        for (var i = 0; i < lineIndexes.Count; i++)
        {
            length += page.Lines[lineIndexes[i]].ContentLength + (i == 0 ? 0 : lineIndexes[i] == lineIndexes[i - 1] + 1 ? 1 : 2);
        }

        return string.Create(length, (Page: page, Lines: lineIndexes), static (destination, state) =>
        {
            var w = 0;
            for (var i = 0; i < state.Lines.Count; i++)
            {
                if (i > 0)
                {
                    destination[w++] = '\n';
                    if (state.Lines[i] != state.Lines[i - 1] + 1)
                    {
                        destination[w++] = '\n';
                    }
                }

                var content = state.Page.Content(state.Lines[i]);
                content.CopyTo(destination[w..]);
                w += content.Length;
            }
        });
    }
}
