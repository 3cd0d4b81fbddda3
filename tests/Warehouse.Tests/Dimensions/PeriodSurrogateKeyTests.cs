using Governance.Warehouse.Dimensions;

namespace Governance.Warehouse.Tests.Dimensions;

public sealed class PeriodSurrogateKeyTests
{
    [Theory]
    [InlineData("2023", 2023000)]
    [InlineData("2023Q2", 2023200)]
    [InlineData("2023Q4", 2023400)]
    [InlineData("202305", 2023005)]
    [InlineData("202312", 2023012)]
    public void AKeyIsTheYearTimesAThousandPlusTheOrdinalAndParsesBack(string period, int sk)
    {
        Assert.Equal(sk, PeriodSurrogateKey.Of(PeriodKey.Parse(period)));
        Assert.Equal(PeriodKey.Parse(period), PeriodSurrogateKey.Parse(sk));
        Assert.Equal(2023, PeriodSurrogateKey.YearOf(sk));
        Assert.Equal(sk - 1000, PeriodSurrogateKey.YearEarlier(sk));
    }

    [Fact]
    public void AYearRangeHoldsEveryGrainOfItsYears()
    {
        var (low, high) = PeriodSurrogateKey.YearRange(2021, 2023);

        Assert.Equal((2021000, 2023999), (low, high));
        Assert.All(["2021", "2021Q1", "202101", "2023Q4", "202312"], p => Assert.InRange(PeriodSurrogateKey.Of(PeriodKey.Parse(p)), low, high));
        Assert.NotInRange(PeriodSurrogateKey.Of(PeriodKey.Parse("2024")), low, high);
    }
}
