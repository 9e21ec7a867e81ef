using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace Esf.Projects.Fields;

/// <summary>
/// Parses a Swedish date range such as <c>2012-02-01 till 2014-09-30</c> into a NodaTime
/// <see cref="DateInterval"/>, whose end is inclusive, as "till" means on these pages.
/// </summary>
/// <remarks>
/// <para>Dates: ISO <c>YYYY-MM-DD</c>, or Swedish long dates <c>1 februari 2012</c> (month names and the
/// abbreviations <c>jan</c>…<c>dec</c>, case-insensitive). The first long date may omit its year when the second
/// has one (<c>1 februari till 30 september 2014</c>); it then takes the second date's year, or the year before
/// when that would put it after the end.</para>
/// <para>Separators: <c>till</c>, <c>t.o.m.</c>, en dash, em dash, minus sign or hyphen, with or without spaces —
/// including the glued <c>2016-08-01-2019-03-31</c> found on real pages.</para>
/// <para>Impossible dates (<c>2014-02-30</c>) and reversed ranges are failures with a position; the day is checked
/// against the month before a <see cref="LocalDate"/> is built, so no exception escapes. Years 1 to 9999.</para>
/// <para><see cref="DateInterval"/> is NodaTime's type, so this class cannot make it <see cref="ISpanParsable{TSelf}"/>;
/// use <see cref="Parse(ReadOnlySpan{char})"/>, <see cref="TryParse(ReadOnlySpan{char}, out LocalDate, out LocalDate)"/>
/// and <see cref="Format"/> directly. UTF-8 overloads run the same parser over a stack buffer; their indexes count bytes.</para>
/// </remarks>
public static class SwedishDateRange
{
    private static readonly string[] MonthNames =
    [
        "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december",
    ];

    private static readonly (string Abbreviation, int Month)[] MonthAbbreviations =
    [
        ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sept", 9), ("sep", 9), ("okt", 10), ("nov", 11), ("dec", 12),
    ];

    /// <summary>The year of a long date written without one.</summary>
    private const int NoYear = -1;

    private static readonly string[] WordSeparators = ["till", "t.o.m.", "t.o.m"];

    /// <summary>Parses a date range, reporting why and where it was rejected.</summary>
    /// <param name="text">The range as written; surrounding white space is ignored.</param>
    /// <returns>The inclusive interval, or the failure with its index in <paramref name="text"/>.</returns>
    public static FieldParseResult<DateInterval> Parse(ReadOnlySpan<char> text)
    {
        var error = ParseCore(text, out var start, out var end, out var index);
        return error == FieldParseError.None
            ? FieldParseResult<DateInterval>.ForValue(new DateInterval(start, end))
            : FieldParseResult<DateInterval>.ForError(error, index);
    }

    /// <summary>Parses a date range into an interval.</summary>
    /// <param name="text">The range as written.</param>
    /// <param name="interval">The inclusive interval, or <see langword="null"/> when rejected.</param>
    /// <returns>Whether <paramref name="text"/> is an accepted range.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out DateInterval? interval)
    {
        var error = ParseCore(text, out var start, out var end, out _);
        interval = error == FieldParseError.None ? new DateInterval(start, end) : null;
        return interval is not null;
    }

    /// <summary>Parses a date range into its two dates without allocating.</summary>
    /// <param name="text">The range as written.</param>
    /// <param name="start">The first day, or <c>default</c> when rejected.</param>
    /// <param name="end">The last day (inclusive), or <c>default</c> when rejected.</param>
    /// <returns>Whether <paramref name="text"/> is an accepted range.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out LocalDate start, out LocalDate end) =>
        ParseCore(text, out start, out end, out _) == FieldParseError.None;

    /// <summary>Parses a date range from UTF-8 bytes, exactly as <see cref="Parse(ReadOnlySpan{char})"/> parses text.</summary>
    /// <param name="utf8">The range as UTF-8 (the en dash is <c>E2 80 93</c>, <c>ä</c> in <c>mä</c>… month names two bytes).</param>
    /// <returns>The inclusive interval, or the failure with its <em>byte</em> index.</returns>
    public static FieldParseResult<DateInterval> Parse(ReadOnlySpan<byte> utf8)
    {
        var error = Utf8Input.Parse(utf8, CoreParser, out var dates, out var index);
        return error == FieldParseError.None
            ? FieldParseResult<DateInterval>.ForValue(new DateInterval(dates.Start, dates.End))
            : FieldParseResult<DateInterval>.ForError(error, index);
    }

    /// <summary>Parses a date range from UTF-8 bytes into its two dates without allocating.</summary>
    /// <param name="utf8">The range as UTF-8.</param>
    /// <param name="start">The first day, or <c>default</c> when rejected.</param>
    /// <param name="end">The last day (inclusive), or <c>default</c> when rejected.</param>
    /// <returns>Whether <paramref name="utf8"/> is an accepted range.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out LocalDate start, out LocalDate end)
    {
        var ok = Utf8Input.Parse(utf8, CoreParser, out var dates, out _) == FieldParseError.None;
        (start, end) = dates;
        return ok;
    }

    /// <summary>Formats a range as the project bank writes it: <c>2012-02-01 till 2014-09-30</c>, or in long form
    /// <c>1 februari 2012 till 30 september 2014</c>.</summary>
    /// <param name="interval">The inclusive interval.</param>
    /// <param name="style">ISO (default) or Swedish long dates.</param>
    /// <returns>Text that <see cref="Parse(ReadOnlySpan{char})"/> reads back to an equal interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="interval"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A date lies outside the years 1 to 9999, which the text format cannot carry.</exception>
    public static string Format(DateInterval interval, SwedishDateStyle style = SwedishDateStyle.Iso)
    {
        ArgumentNullException.ThrowIfNull(interval);
        Span<char> buffer = stackalloc char[MaxFormattedLength];
        if (!TryFormat(interval, buffer, out var written, style))
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "Only dates in the years 1 to 9999 can be written.");
        }

        return buffer[..written].ToString();
    }

    /// <summary>Formats a range into a buffer without allocating.</summary>
    /// <param name="interval">The inclusive interval.</param>
    /// <param name="destination">Where to write; 48 characters always suffice.</param>
    /// <param name="charsWritten">The number of characters written, or 0.</param>
    /// <param name="style">ISO (default) or Swedish long dates.</param>
    /// <returns>Whether the text fitted; <see langword="false"/> also when a year lies outside 1 to 9999.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="interval"/> is <see langword="null"/>.</exception>
    public static bool TryFormat(DateInterval interval, Span<char> destination, out int charsWritten, SwedishDateStyle style = SwedishDateStyle.Iso)
    {
        ArgumentNullException.ThrowIfNull(interval);
        charsWritten = 0;
        var w = 0;
        if (!TryWriteDate(interval.Start, destination, ref w, style) || !TryAppend(" till ", destination, ref w) || !TryWriteDate(interval.End, destination, ref w, style))
        {
            return false;
        }

        charsWritten = w;
        return true;
    }

    /// <summary>The longest range <see cref="TryFormat"/> writes: two long dates (<c>30 september 2014</c>) and <c> till </c>.</summary>
    private const int MaxFormattedLength = 48;

    private static readonly SpanParser<(LocalDate Start, LocalDate End)> CoreParser = (ReadOnlySpan<char> text, out (LocalDate Start, LocalDate End) dates, out int errorIndex) =>
    {
        var error = ParseCore(text, out var start, out var end, out errorIndex);
        dates = (start, end);
        return error;
    };

    private static bool TryWriteDate(LocalDate date, Span<char> destination, ref int w, SwedishDateStyle style)
    {
        if (date.Year is < 1 or > 9999)
        {
            return false;
        }

        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (style == SwedishDateStyle.Long)
        {
            return date.Day.TryFormat(destination[w..], out var dayLength, default, invariant)
                && (w += dayLength) > 0
                && TryAppend(" ", destination, ref w)
                && TryAppend(MonthNames[date.Month - 1], destination, ref w)
                && TryAppend(" ", destination, ref w)
                && date.Year.TryFormat(destination[w..], out var yearLength, "D4", invariant)
                && (w += yearLength) > 0;
        }

        if (destination.Length - w < 10)
        {
            return false;
        }

        date.Year.TryFormat(destination[w..], out _, "D4", invariant);
        destination[w + 4] = '-';
        date.Month.TryFormat(destination[(w + 5)..], out _, "D2", invariant);
        destination[w + 7] = '-';
        date.Day.TryFormat(destination[(w + 8)..], out _, "D2", invariant);
        w += 10;
        return true;
    }

    private static bool TryAppend(ReadOnlySpan<char> text, Span<char> destination, ref int w)
    {
        if (!text.TryCopyTo(destination[w..]))
        {
            return false;
        }

        w += text.Length;
        return true;
    }

    internal static FieldParseError ParseCore(ReadOnlySpan<char> text, out LocalDate start, out LocalDate end, out int errorIndex)
    {
        if (TryParseCommon(text, out start, out end))
        {
            errorIndex = -1;
            return FieldParseError.None;
        }

        return ParseGeneral(text, out start, out end, out errorIndex);
    }

    /// <summary>
    /// The shape of nearly every period on a page — <c>2012-02-01 till 2014-09-30</c>, or with <c>-</c>, <c>–</c>,
    /// <c> - </c>, <c> – </c> between — read by position. Anything else (or anything wrong) returns
    /// <see langword="false"/> and goes to <see cref="ParseGeneral"/>, which is the definition; a test checks the two agree.
    /// </summary>
    internal static bool TryParseCommon(ReadOnlySpan<char> text, out LocalDate start, out LocalDate end)
    {
        start = default;
        end = default;
        if (text.Length < 21 || !TryReadIso(text, out var y1, out var m1, out var d1))
        {
            return false;
        }

        var gap = text.Length - 20;
        var separator = text.Slice(10, gap);
        if (!(separator is " till " or "-" or "\u2013" or " \u2013 " or " - ") || !TryReadIso(text[(10 + gap)..], out var y2, out var m2, out var d2))
        {
            return false;
        }

        if (!IsValid(y1, m1, d1) || !IsValid(y2, m2, d2) || (((y2 << 9) | (m2 << 5) | d2) < ((y1 << 9) | (m1 << 5) | d1)))
        {
            return false;
        }

        start = new LocalDate(y1, m1, d1);
        end = new LocalDate(y2, m2, d2);
        return true;
    }

    /// <summary>Reads <c>YYYY-MM-DD</c> at the start of <paramref name="text"/>, without checking the day against the month.</summary>
    private static bool TryReadIso(ReadOnlySpan<char> text, out int year, out int month, out int day)
    {
        year = month = day = 0;
        if (text.Length < 10 || text[4] != '-' || text[7] != '-')
        {
            return false;
        }

        var y0 = (uint)(text[0] - '0');
        var y1 = (uint)(text[1] - '0');
        var y2 = (uint)(text[2] - '0');
        var y3 = (uint)(text[3] - '0');
        var mo0 = (uint)(text[5] - '0');
        var mo1 = (uint)(text[6] - '0');
        var da0 = (uint)(text[8] - '0');
        var da1 = (uint)(text[9] - '0');
        if (y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || mo0 > 9 || mo1 > 9 || da0 > 9 || da1 > 9)
        {
            return false;
        }

        year = (int)((y0 * 1000) + (y1 * 100) + (y2 * 10) + y3);
        month = (int)((mo0 * 10) + mo1);
        day = (int)((da0 * 10) + da1);
        return true;
    }

    /// <summary>The parser proper, for every accepted form and every rejection.</summary>
    internal static FieldParseError ParseGeneral(ReadOnlySpan<char> text, out LocalDate start, out LocalDate end, out int errorIndex)
    {
        start = default;
        end = default;
        var i = TextChars.SkipSpaces(text, 0);
        if (i == text.Length)
        {
            errorIndex = 0;
            return FieldParseError.Empty;
        }

        var firstStart = i;
        var error = ReadDate(text, ref i, out var y1, out var m1, out var d1, out errorIndex);
        if (error != FieldParseError.None)
        {
            return error;
        }

        if (!SkipSeparator(text, ref i))
        {
            errorIndex = i;
            return FieldParseError.MissingRangeSeparator;
        }

        var secondStart = i;
        error = ReadDate(text, ref i, out var y2, out var m2, out var d2, out errorIndex);
        if (error != FieldParseError.None)
        {
            return error;
        }

        i = TextChars.SkipSpaces(text, i);
        if (i < text.Length)
        {
            errorIndex = i;
            return FieldParseError.UnexpectedCharacter;
        }

        if (y2 == NoYear)
        {
            errorIndex = secondStart;
            return FieldParseError.InvalidDate;
        }

        if (!IsValid(y2, m2, d2))
        {
            errorIndex = secondStart;
            return FieldParseError.ImpossibleDate;
        }

        if (y1 == NoYear)
        {
            y1 = (m1, d1).CompareTo((m2, d2)) <= 0 ? y2 : y2 - 1;
        }

        if (!IsValid(y1, m1, d1))
        {
            errorIndex = firstStart;
            return FieldParseError.ImpossibleDate;
        }

        start = new LocalDate(y1, m1, d1);
        end = new LocalDate(y2, m2, d2);
        if (end < start)
        {
            errorIndex = secondStart;
            start = default;
            end = default;
            return FieldParseError.ReversedRange;
        }

        errorIndex = -1;
        return FieldParseError.None;
    }

    /// <summary>Parses one date, ISO or Swedish long form.</summary>
    internal static FieldParseResult<LocalDate> ParseDate(ReadOnlySpan<char> text)
    {
        var i = TextChars.SkipSpaces(text, 0);
        if (i == text.Length)
        {
            return FieldParseResult<LocalDate>.ForError(FieldParseError.Empty, 0);
        }

        var dateStart = i;
        var error = ReadDate(text, ref i, out var y, out var m, out var d, out var index);
        if (error != FieldParseError.None)
        {
            return FieldParseResult<LocalDate>.ForError(error, index);
        }

        i = TextChars.SkipSpaces(text, i);
        if (i < text.Length)
        {
            return FieldParseResult<LocalDate>.ForError(FieldParseError.UnexpectedCharacter, i);
        }

        if (y == NoYear)
        {
            return FieldParseResult<LocalDate>.ForError(FieldParseError.InvalidDate, dateStart);
        }

        return IsValid(y, m, d)
            ? FieldParseResult<LocalDate>.ForValue(new LocalDate(y, m, d))
            : FieldParseResult<LocalDate>.ForError(FieldParseError.ImpossibleDate, dateStart);
    }

    private static bool IsValid(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    /// <summary>Reads an ISO or long date at <paramref name="i"/>; <see cref="NoYear"/> means "not written" (long form only). Validity is checked by the caller.</summary>
    private static FieldParseError ReadDate(ReadOnlySpan<char> text, ref int i, out int year, out int month, out int day, out int errorIndex)
    {
        year = month = day = 0;
        errorIndex = i;
        var digits = CountDigits(text, i);
        if (digits == 4)
        {
            if (i + 10 > text.Length || text[i + 4] != '-' || CountDigits(text, i + 5) != 2 || text[i + 7] != '-' || CountDigits(text, i + 8) != 2)
            {
                return FieldParseError.InvalidDate;
            }

            year = ReadNumber(text.Slice(i, 4));
            month = ReadNumber(text.Slice(i + 5, 2));
            day = ReadNumber(text.Slice(i + 8, 2));
            i += 10;
            return FieldParseError.None;
        }

        if (digits is 1 or 2)
        {
            day = ReadNumber(text.Slice(i, digits));
            year = NoYear;
            var j = i + digits;
            if (j < text.Length && text[j] == '.')
            {
                j++;
            }

            var afterSpace = TextChars.SkipSpaces(text, j);
            if (afterSpace == j || !TryReadMonth(text[afterSpace..], out month, out var monthLength))
            {
                return FieldParseError.InvalidDate;
            }

            j = afterSpace + monthLength;
            var yearStart = TextChars.SkipSpaces(text, j);
            if (yearStart > j && CountDigits(text, yearStart) == 4)
            {
                year = ReadNumber(text.Slice(yearStart, 4));
                j = yearStart + 4;
            }

            i = j;
            return FieldParseError.None;
        }

        return FieldParseError.InvalidDate;
    }

    private static bool TryReadMonth(ReadOnlySpan<char> text, out int month, out int length)
    {
        for (var m = 0; m < MonthNames.Length; m++)
        {
            length = TextChars.MatchWord(text, MonthNames[m]);
            if (length > 0)
            {
                month = m + 1;
                return true;
            }
        }

        foreach (var (abbreviation, number) in MonthAbbreviations)
        {
            length = TextChars.MatchWord(text, abbreviation);
            if (length > 0)
            {
                if (length < text.Length && text[length] == '.')
                {
                    length++;
                }

                month = number;
                return true;
            }
        }

        month = 0;
        length = 0;
        return false;
    }

    private static bool SkipSeparator(ReadOnlySpan<char> text, ref int i)
    {
        var j = TextChars.SkipSpaces(text, i);
        if (j < text.Length && text[j] is '-' or '\u2013' or '\u2014' or '\u2212' or '\u2010' or '\u2011')
        {
            i = TextChars.SkipSpaces(text, j + 1);
            return true;
        }

        if (j == i && i > 0 && !char.IsPunctuation(text[i - 1]) && char.IsLetterOrDigit(text[i - 1]))
        {
            // A word separator needs space before it ("2014till" is not a range).
            return false;
        }

        foreach (var word in WordSeparators)
        {
            var length = TextChars.MatchWord(text[j..], word);
            if (length > 0)
            {
                var k = j + length;
                i = TextChars.SkipSpaces(text, k);
                if (length == 4 && i > k && TextChars.MatchWord(text[i..], "och med") is > 0 and var ochMed)
                {
                    // "till och med": the long form of "till"
                    k = i + ochMed;
                    i = TextChars.SkipSpaces(text, k);
                }

                return i > k || k == text.Length || word[^1] == '.';
            }
        }

        return false;
    }

    private static int CountDigits(ReadOnlySpan<char> text, int index)
    {
        var count = 0;
        while (index + count < text.Length && char.IsAsciiDigit(text[index + count]))
        {
            count++;
        }

        return count;
    }

    private static int ReadNumber(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            value = (value * 10) + (c - '0');
        }

        return value;
    }
}

/// <summary>How <see cref="SwedishDateRange.Format"/> writes the dates.</summary>
public enum SwedishDateStyle
{
    /// <summary><c>2012-02-01</c> — the project bank's form.</summary>
    Iso = 0,

    /// <summary><c>1 februari 2012</c>: day without leading zero, lower-case month name, four-digit year.</summary>
    Long,
}
