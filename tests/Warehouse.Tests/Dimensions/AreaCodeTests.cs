using Governance.Warehouse.Dimensions;

namespace Governance.Warehouse.Tests.Dimensions;

public sealed class AreaCodeTests
{
    [Theory]
    [InlineData("360000000000", AreaLevel.Province, AreaKind.Other, null, "36")]
    [InlineData("361100000000", AreaLevel.Prefecture, AreaKind.Other, "360000000000", "3611")]
    [InlineData("361124000000", AreaLevel.County, AreaKind.Other, "361100000000", "361124")]
    [InlineData("361124001000", AreaLevel.Township, AreaKind.Street, "361124000000", "361124001")]
    [InlineData("361124100000", AreaLevel.Township, AreaKind.Town, "361124000000", "361124100")]
    [InlineData("361124199000", AreaLevel.Township, AreaKind.Town, "361124000000", "361124199")]
    [InlineData("361124200000", AreaLevel.Township, AreaKind.Township, "361124000000", "361124200")]
    [InlineData("361124101001", AreaLevel.Village, AreaKind.Community, "361124101000", "361124101001")]
    [InlineData("361124101199", AreaLevel.Village, AreaKind.Community, "361124101000", "361124101199")]
    [InlineData("361124101200", AreaLevel.Village, AreaKind.Village, "361124101000", "361124101200")]
    public void TheDigitsGiveLevelKindParentAndPrefix(string code, AreaLevel level, AreaKind kind, string? parent, string prefix)
    {
        var area = AreaCode.Parse(code);

        Assert.Equal((level, kind, parent, prefix), (area.Level, area.Kind, area.ParentCode, area.Prefix));
    }

    [Theory]
    [InlineData("36112410120")]
    [InlineData("3611241012000")]
    [InlineData("36112410120X")]
    [InlineData("000000000000")]
    [InlineData(null)]
    public void AnythingButTwelveDigitsIsNotACode(string? text) => Assert.False(AreaCode.TryParse(text, out _));
}
