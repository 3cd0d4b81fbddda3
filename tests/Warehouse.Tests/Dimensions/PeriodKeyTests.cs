using Governance.Warehouse.Dimensions;

namespace Governance.Warehouse.Tests.Dimensions;

public sealed class PeriodKeyTests
{
    [Theory]
    [InlineData("2023", "2023")]
    [InlineData("2023年", "2023")]
    [InlineData("2023年度", "2023")]
    [InlineData("２０２３", "2023")]
    [InlineData("2023Q2", "2023Q2")]
    [InlineData("2023q4", "2023Q4")]
    [InlineData("2023-Q1", "2023Q1")]
    [InlineData("2023年第二季度", "2023Q2")]
    [InlineData("2023年第2季度", "2023Q2")]
    [InlineData("2023年三季度", "2023Q3")]
    [InlineData("202305", "202305")]
    [InlineData("2023-05", "202305")]
    [InlineData("2023-5", "202305")]
    [InlineData("2023/12", "202312")]
    [InlineData("2023年5月", "202305")]
    [InlineData("2023年05月", "202305")]
    [InlineData(" 2023年 5月 ", "202305")]
    [InlineData("2023-05-01", "202305")]
    [InlineData("2023/5/1", "202305")]
    [InlineData("2023年5月1日", "202305")]
    public void EverySpellingTownshipsUseParsesToTheCanonicalKey(string text, string expected)
    {
        Assert.True(PeriodKey.TryParse(text, out var key));
        Assert.Equal(expected, key.Value.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("23")]
    [InlineData("2023Q5")]
    [InlineData("202313")]
    [InlineData("2023-00")]
    [InlineData("2023年第五季度")]
    [InlineData("1899")]
    [InlineData("May 2023")]
    [InlineData("2023-05-15")]
    [InlineData("2023-05-31")]
    public void MalformedPeriodsAreRefused(string text) => Assert.False(PeriodKey.TryParse(text, out _));

    [Fact]
    public void AQuarterKnowsItsDatesParentAndLabel()
    {
        var q1 = PeriodKey.Parse("2024Q1");

        Assert.Equal((new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31), "2024", "2024年第一季度"), (q1.Start, q1.End, q1.Parent!.Value.Value, q1.Label));
        Assert.Equal(new DateOnly(2024, 2, 29), PeriodKey.Parse("202402").End);
        Assert.Equal("2024Q1", PeriodKey.Parse("202403").Parent!.Value.Value);
    }
}
