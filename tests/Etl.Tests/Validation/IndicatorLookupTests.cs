using Governance.Etl.Validation;
using Governance.Warehouse.Catalogue;
using Governance.Warehouse.Dimensions;

namespace Governance.Etl.Tests.Validation;

public sealed class IndicatorLookupTests
{
    private static readonly IndicatorLookup Lookup = new(IndicatorCatalogue.Indicators.Select((entry, i) =>
    {
        var indicator = new Indicator { IndicatorSk = i + 1, IndicatorCode = entry.Code, NameZh = entry.NameZh, NameEn = entry.NameEn, Unit = entry.Unit, Category = entry.Category, Definition = entry.Definition };
        entry.CopyTo(indicator);
        return indicator;
    }));

    [Theory]
    [InlineData("CE_OPERATING_INCOME", "CE_OPERATING_INCOME")]
    [InlineData("ce_operating_income", "CE_OPERATING_INCOME")]
    [InlineData("村集体经营性收入", "CE_OPERATING_INCOME")]
    [InlineData("经营性收入(万元)", "CE_OPERATING_INCOME")]
    [InlineData(" 村集体经营性收入（万元） ", "CE_OPERATING_INCOME")]
    [InlineData("集体经营性收入", "CE_OPERATING_INCOME")]
    [InlineData("党员数(人)", "ORG_PARTY_MEMBERS")]
    [InlineData("支部+电商+产业", "ECOM_BRANCH_INDUSTRY")]
    public void NameIsFoundByCodeOrLooseChineseName(string header, string code) =>
        Assert.Equal(code, Lookup.Find(header)?.IndicatorCode);

    [Theory]
    [InlineData("收入")]
    [InlineData("经营性")]
    [InlineData("")]
    public void PartialOrEmptyNameIsNotFound(string header) => Assert.Null(Lookup.Find(header));
}
