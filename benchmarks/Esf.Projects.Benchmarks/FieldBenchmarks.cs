using System.Globalization;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Esf.Projects.Fields;
using NodaTime;
using NodaTime.Text;

namespace Esf.Projects.Benchmarks;

/// <summary>
/// The field parsers on the seeds' own values, against what a user would otherwise write. Each category's baseline is
/// the framework call a competent user reaches for first, so the Ratio column reads as "this library's cost per
/// unit of the usual way".
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public partial class FieldBenchmarks
{
    // Instance fields, not constants: the JIT folds parsing of a constant string down to nothing (seen: 1.5 ns).
    private readonly string Amount = "3\u00A0493\u00A0248 kr";
    private readonly string Period = "2012-02-01 till 2014-09-30";
    private readonly string Phone = "0709-318 008";
    private readonly byte[] AmountUtf8 = System.Text.Encoding.UTF8.GetBytes("3\u00A0493\u00A0248 kr");
    private readonly byte[] PeriodUtf8 = System.Text.Encoding.UTF8.GetBytes("2012-02-01 till 2014-09-30");
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    private static readonly string[] TillSeparator = [" till "];

    /// <summary>The usual way: strip the unit and the no-break spaces, then <c>decimal.Parse</c> with sv-SE.</summary>
    /// <returns>The amount.</returns>
    [Benchmark(Baseline = true), BenchmarkCategory("Amount")]
    public decimal Amount_DecimalParse_svSE() =>
        decimal.Parse(Amount.Replace(" kr", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal), NumberStyles.Number, Swedish);

    /// <summary>A <c>[GeneratedRegex]</c> that captures the digits, then <c>decimal.Parse</c> invariant.</summary>
    /// <returns>The amount.</returns>
    [Benchmark, BenchmarkCategory("Amount")]
    public decimal Amount_GeneratedRegex()
    {
        var match = AmountRegex().Match(Amount);
        return decimal.Parse(match.Groups[1].ValueSpan.ToString().Replace("\u00A0", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);
    }

    /// <summary>This library, from a string.</summary>
    /// <returns>The amount.</returns>
    [Benchmark, BenchmarkCategory("Amount")]
    public decimal Amount_SwedishAmount() => SwedishAmount.TryParse(Amount, out var money) ? money.Amount : 0m;

    /// <summary>This library, from UTF-8 bytes.</summary>
    /// <returns>The amount.</returns>
    [Benchmark, BenchmarkCategory("Amount")]
    public decimal Amount_SwedishAmount_Utf8() => SwedishAmount.TryParse(AmountUtf8, out var money) ? money.Amount : 0m;

    /// <summary>The usual way: <c>Split</c> on " till ", then <c>DateOnly.ParseExact</c> each part.</summary>
    /// <returns>The days in the range.</returns>
    [Benchmark(Baseline = true), BenchmarkCategory("DateRange")]
    public int DateRange_DateOnlyParseExact()
    {
        var parts = Period.Split(TillSeparator, StringSplitOptions.None);
        return DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber - DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber;
    }

    /// <summary>NodaTime's <c>LocalDatePattern.Iso</c> on the <c>Split</c> parts.</summary>
    /// <returns>The days in the range.</returns>
    [Benchmark, BenchmarkCategory("DateRange")]
    public int DateRange_LocalDatePatternIso()
    {
        var parts = Period.Split(TillSeparator, StringSplitOptions.None);
        return Period.Length + LocalDatePattern.Iso.Parse(parts[1]).Value.Day - LocalDatePattern.Iso.Parse(parts[0]).Value.Day;
    }

    /// <summary>A <c>[GeneratedRegex]</c> with two captures and <c>DateOnly.ParseExact</c>.</summary>
    /// <returns>The days in the range.</returns>
    [Benchmark, BenchmarkCategory("DateRange")]
    public int DateRange_GeneratedRegex()
    {
        var match = PeriodRegex().Match(Period);
        return DateOnly.ParseExact(match.Groups[2].ValueSpan, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber - DateOnly.ParseExact(match.Groups[1].ValueSpan, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber;
    }

    /// <summary>This library, from a string, without building the interval.</summary>
    /// <returns>The start day's year.</returns>
    [Benchmark, BenchmarkCategory("DateRange")]
    public int DateRange_SwedishDateRange() => SwedishDateRange.TryParse(Period, out LocalDate start, out _) ? start.Year : 0;

    /// <summary>This library, from UTF-8 bytes.</summary>
    /// <returns>The start day's year.</returns>
    [Benchmark, BenchmarkCategory("DateRange")]
    public int DateRange_SwedishDateRange_Utf8() => SwedishDateRange.TryParse(PeriodUtf8, out LocalDate start, out _) ? start.Year : 0;

    /// <summary>This library: a phone number to E.164 digits (no baseline: nothing in the framework does it).</summary>
    /// <returns>Whether it is a mobile number.</returns>
    [Benchmark, BenchmarkCategory("Phone")]
    public bool Phone_SwedishPhoneNumber() => SwedishPhoneNumber.TryParse(Phone, out var number) && number.IsMobile;

    /// <summary>This library: formatting an amount back to Swedish text.</summary>
    /// <returns>The characters written.</returns>
    [Benchmark, BenchmarkCategory("Format")]
    public int Format_SwedishAmount()
    {
        Span<char> buffer = stackalloc char[32];
        return SwedishAmount.TryFormat(Money.Sek(3493248m), buffer, out var written) ? written : 0;
    }

    [GeneratedRegex(@"^([\d\u00A0 ]+?)\s*kr$", RegexOptions.CultureInvariant)]
    private static partial Regex AmountRegex();

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})\s*till\s*(\d{4}-\d{2}-\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodRegex();
}
