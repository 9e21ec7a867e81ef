using Esf.Projects.Fields;

namespace Esf.Projects.Tests.Fields;

public class MoneyTests
{
    [Fact]
    public void Default_is_zero_SEK() => Assert.Equal(Money.Sek(0), default(Money));

    [Fact]
    public void Equality_compares_values_not_scale()
    {
        Assert.Equal(Money.Sek(1234.5m), Money.Sek(1234.50m));
        Assert.True(Money.Sek(1) == new Money(1m, "SEK"));
        Assert.True(Money.Sek(1) != new Money(1m, "EUR"));
        Assert.Equal(Money.Sek(1234.5m).GetHashCode(), Money.Sek(1234.50m).GetHashCode());
        Assert.False(Money.Sek(1).Equals("1 SEK"));
    }

    [Fact]
    public void Orders_by_currency_then_amount()
    {
        Assert.True(Money.Sek(1) < Money.Sek(2));
        Assert.True(Money.Sek(2) > Money.Sek(1));
        Assert.True(Money.Sek(2) >= Money.Sek(2));
        Assert.True(Money.Sek(2) <= Money.Sek(2));
        Assert.True(new Money(100m, "EUR") < Money.Sek(1));
    }

    [Theory]
    [InlineData("sek")]
    [InlineData("SE")]
    [InlineData("SEKR")]
    [InlineData("S1K")]
    public void Rejects_a_currency_that_is_not_ISO_4217(string currency) =>
        Assert.Throws<ArgumentException>(() => new Money(1m, currency));

    [Fact]
    public void Formats_invariantly_with_I() => Assert.Equal("1234.5 EUR", new Money(1234.5m, "EUR").ToString("I", null));
}
