using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Security;

namespace Governance.Warehouse.Tests.Security;

public sealed class AccessScopeTests
{
    [Theory]
    [InlineData("110101001000", true)]
    [InlineData("110101001203", true)]
    [InlineData("110101002000", false)]
    [InlineData("110101000000", false)]
    [InlineData("110102001000", true)]
    [InlineData("110102000000", true)]
    public void AnAreaIsCoveredWhenItIsAGrantedAreaOrInsideOne(string code, bool covered)
    {
        var scope = AccessScope.Within(AccessRole.Analyst, ["110101001000", "110102000000"]);

        Assert.Equal(covered, scope.Covers(code));
        Assert.Equal(covered, new[] { code }.AsQueryable().Where(scope.Filter<string>(c => c)).Any());
    }

    /// <summary>The scope holds a township and a county: the areas inside them whole, nothing that only contains them.</summary>
    [Theory]
    [InlineData("110101001", true)]
    [InlineData("110102", true)]
    [InlineData("110102003", true)]
    [InlineData("110101", false)]
    [InlineData("1101", false)]
    [InlineData("", false)]
    public void AnAreaIsHeldWholeOnlyWhenItLiesInsideAGrantedArea(string prefix, bool whole)
    {
        Assert.Equal(whole, AccessScope.Within(AccessRole.Analyst, ["110101001000", "110102000000"]).HoldsWhole(prefix));
        Assert.True(AccessScope.Everything(AccessRole.Analyst).HoldsWhole(prefix));
    }

    [Fact]
    public void TheDatabaseSettingListsThePrefixesOrAStarForEverything()
    {
        Assert.Equal("110101001,110102", AccessScope.Within(AccessRole.Viewer, ["110102000000", "110101001000"]).SettingValue);
        Assert.Equal("*", AccessScope.Everything(AccessRole.Admin).SettingValue);
    }

    [Fact]
    public void ViewersDoNotReadVillageRows()
    {
        var viewer = AccessScope.Everything(AccessRole.Viewer);

        Assert.False(viewer.MayReadLevel(AreaLevel.Village));
        Assert.True(viewer.MayReadLevel(AreaLevel.Township));
        Assert.True(AccessScope.Everything(AccessRole.Analyst).MayReadLevel(AreaLevel.Village));
        Assert.False(AccessScope.Everything(AccessRole.Operator).MayReadIndicators);
        Assert.True(AccessScope.Everything(AccessRole.Operator).MayReadLoads);
    }
}
