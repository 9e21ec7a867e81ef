using BenchmarkDotNet.Attributes;
using Esf.Projects.Fields;

namespace Esf.Projects.Benchmarks;

/// <summary>The field parsers on the seeds' own values.</summary>
[MemoryDiagnoser]
public class FieldBenchmarks
{
    private const string Amount = "3\u00A0493\u00A0248 kr";
    private const string Period = "2012-02-01 till 2014-09-30";

    /// <summary>Parse an amount.</summary>
    /// <returns>The amount.</returns>
    [Benchmark]
    public decimal SwedishAmountParse() => SwedishAmount.Parse(Amount).Value.Amount;

    /// <summary>Parse a date range without allocating an interval.</summary>
    /// <returns>The start day's year.</returns>
    [Benchmark]
    public int SwedishDateRangeTryParse() => SwedishDateRange.TryParse(Period, out NodaTime.LocalDate start, out _) ? start.Year : 0;
}
