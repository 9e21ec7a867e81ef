using Esf.Projects.Fields;
using Esf.Projects.ReferenceData;
using NodaTime;

namespace Esf.Projects.Tests.Fields;

/// <summary>The span paths of the field parsers allocate nothing (counted bytes, not timed).</summary>
public class AllocationTests
{
    [Fact]
    public void Amount_and_date_range_span_parsing_allocates_nothing()
    {
        ReadOnlySpan<char> amount = "3\u00A0493\u00A0248 kr";
        ReadOnlySpan<char> scaled = "3,5 miljoner kronor";
        ReadOnlySpan<char> period = "2012-02-01 till 2014-09-30";
        ReadOnlySpan<char> longPeriod = "1 februari 2012 till 30 september 2014";
        ReadOnlySpan<char> bad = "12 34";
        var sum = 0m;
        var days = 0;
        Run(1, amount, scaled, period, longPeriod, bad, ref sum, ref days);

        // The least of three rounds, as in every test here: a per-call allocation shows in each round, a one-off
        // allocation by the runtime during a parallel test run (seen in CI: 2 048 bytes once) does not.
        var allocated = long.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            Run(10_000, amount, scaled, period, longPeriod, bad, ref sum, ref days);
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, allocated);
        Assert.True(sum > 0 && days > 0);
    }

    private static void Run(int count, ReadOnlySpan<char> amount, ReadOnlySpan<char> scaled, ReadOnlySpan<char> period, ReadOnlySpan<char> longPeriod, ReadOnlySpan<char> bad, ref decimal sum, ref int days)
    {
        for (var i = 0; i < count; i++)
        {
            if (SwedishAmount.TryParse(amount, out var a) && SwedishAmount.Parse(scaled).TryGetValue(out var b) && !SwedishAmount.Parse(bad).Success)
            {
                sum += a.Amount + b.Amount;
            }

            if (SwedishDateRange.TryParse(period, out LocalDate start, out LocalDate end) && SwedishDateRange.TryParse(longPeriod, out LocalDate s2, out _))
            {
                days += start < end && s2 == start ? 1 : 0;
            }
        }
    }

    [Fact]
    public void Utf8_parsing_phone_numbers_and_formatting_allocate_nothing()
    {
        var checksum = 0L;
        Utf8AndFormat(1, ref checksum);

        var allocated = long.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            Utf8AndFormat(10_000, ref checksum);
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, allocated);
        Assert.True(checksum > 0);
    }

    private static void Utf8AndFormat(int count, ref long checksum)
    {
        ReadOnlySpan<byte> amount = "3\u00A0493\u00A0248 kr"u8;
        ReadOnlySpan<byte> period = "2012-02-01 \u2013 2014-09-30"u8;
        ReadOnlySpan<char> phone = "0709-318 008";
        Span<char> chars = stackalloc char[64];
        Span<byte> bytes = stackalloc byte[128];
        for (var i = 0; i < count; i++)
        {
            if (SwedishAmount.TryParse(amount, out var money) && SwedishAmount.TryFormat(money, chars, out var written) && money.TryFormat(bytes, out var utf8Written, "G", null))
            {
                checksum += written + utf8Written;
            }

            if (SwedishDateRange.TryParse(period, out LocalDate start, out LocalDate end))
            {
                checksum += end.Year - start.Year;
            }

            if (SwedishPhoneNumber.TryParse(phone, out var number) && number.TryFormat(chars, out var phoneWritten, "N", null))
            {
                checksum += phoneWritten;
            }
        }
    }
}

/// <summary>Matching municipality names from spans allocates nothing, on every path (exact, genitive, folded, no match).</summary>
public class MunicipalityMatchAllocationTests
{
    [Fact]
    public void Matching_a_span_allocates_nothing()
    {
        var found = 0;
        Match(1, ref found);

        // The least of three rounds (see above).
        var allocated = long.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            Match(10_000, ref found);
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, allocated);
        Assert.Equal(4 * 30_001, found);
    }

    private static void Match(int count, ref int found)
    {
        ReadOnlySpan<char> exact = "Kävlinge kommun";
        ReadOnlySpan<char> genitive = "Burlövs Kommun";
        ReadOnlySpan<char> folded = "Kavlinge";
        ReadOnlySpan<char> spaced = "  Malung Sälen ";
        ReadOnlySpan<char> none = "Region Skåne";
        for (var i = 0; i < count; i++)
        {
            found += (SwedishMunicipalities.TryMatch(exact, out _) ? 1 : 0) + (SwedishMunicipalities.TryMatch(genitive, out _) ? 1 : 0)
                + (SwedishMunicipalities.TryMatch(folded, out _) ? 1 : 0) + (SwedishMunicipalities.TryMatch(spaced, out _) ? 1 : 0)
                + (SwedishMunicipalities.TryMatch(none, out _) ? 1 : 0);
        }
    }

    [Fact]
    public void Organisation_and_project_numbers_parse_and_format_without_allocating()
    {
        var checksum = 0L;
        Numbers(1, ref checksum);

        var allocated = long.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            Numbers(10_000, ref checksum);
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, allocated);
        Assert.True(checksum > 0);
    }

    private static void Numbers(int count, ref long checksum)
    {
        ReadOnlySpan<char> organisation = "212000-4128";
        ReadOnlySpan<byte> organisationUtf8 = "16556036-0793"u8;
        ReadOnlySpan<char> bad = "212000-4127";
        ReadOnlySpan<char> project = "2019/00871";
        ReadOnlySpan<byte> esfPlus = "23-112-S05"u8;
        Span<char> chars = stackalloc char[16];
        for (var i = 0; i < count; i++)
        {
            if (SwedishOrganisationNumber.TryParse(organisation, out var a) && SwedishOrganisationNumber.Parse(organisationUtf8).TryGetValue(out var b)
                && !SwedishOrganisationNumber.Parse(bad).Success && a.TryFormat(chars, out var written, "N", null))
            {
                checksum += written + (int)a.Group + (int)b.Group;
            }

            if (EsfProjectNumber.TryParse(project, out var p) && EsfProjectNumber.TryParse(esfPlus, out var q) && q.TryFormat(chars, out var w2, default, null))
            {
                checksum += w2 + (p.Year ?? 0);
            }
        }
    }
}
