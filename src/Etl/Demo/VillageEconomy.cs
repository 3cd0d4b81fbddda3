namespace Governance.Etl.Demo;

/// <summary>The collective economy and living-environment figures of one administrative village, year after year.</summary>
internal sealed class VillageEconomy
{
    private readonly Random _random;
    private readonly double _growth;
    private readonly double _subsidy;
    private readonly double _otherShare;
    private readonly int _ecommerceFrom;
    private readonly int _modelVillageFrom;
    private double _operating;
    private double _assets;
    private readonly int? _incomeFrom;

    /// <summary>A village starting at the county's first year, or (with <paramref name="startingIncome"/>) one formed by a merge.</summary>
    public VillageEconomy(Random random, int firstYear, double? startingIncome = null)
    {
        _random = random;
        _operating = startingIncome ?? Math.Min(600, random.NextLogNormal(12, 1.1));
        // A few villages have no operating income at all until a project starts one.
        _incomeFrom = startingIncome is null && random.Chance(0.04) ? firstYear + random.Next(2, 8) : null;
        var reachedByProject = random.Chance(0.25);
        _growth = random.Between(0.10, 0.20) + (reachedByProject ? 0.05 : 0);
        _subsidy = random.NextLogNormal(6, 0.5);
        _otherShare = random.Between(0.1, 0.4);
        _assets = 150 + (12 * _operating) + random.Between(0, 200);
        _ecommerceFrom = firstYear + random.Next(0, 9);
        _modelVillageFrom = random.Chance(0.3) ? firstYear + random.Next(0, 7) : int.MaxValue;
    }

    /// <summary>The operating income of the last year filled, for a village formed by merging this one.</summary>
    public double LastOperatingIncome { get; private set; }

    public void Fill(int year, IDictionary<string, decimal[]> values)
    {
        var operating = _incomeFrom is { } start && year < start ? 0 : _operating;
        var subsidy = _subsidy * _random.Between(0.85, 1.2);
        var other = operating * _otherShare;
        var operatingIncome = DemoRandom.Money(operating);
        var subsidyIncome = DemoRandom.Money(subsidy);
        values["CE_OPERATING_INCOME"] = [operatingIncome];
        values["CE_SUBSIDY_INCOME"] = [subsidyIncome];
        values["CE_TOTAL_INCOME"] = [operatingIncome + subsidyIncome + DemoRandom.Money(other) + 0.5m];
        values["CE_OPERATING_PROFIT"] = [Math.Round((decimal)((operating * _random.Between(0.3, 0.7)) - _random.Between(0, 1.5)), 2)];
        values["CE_ASSETS"] = [DemoRandom.Money(_assets)];
        values["ECOM_BRANCH_INDUSTRY"] = [year >= _ecommerceFrom ? 1 : 0];
        values["ENV_MODEL_HOUSEHOLDS"] = [_random.Next(5, 41)];
        values["ENV_MODEL_STREETS"] = [_random.Next(0, 5)];
        values["ENV_MODEL_VILLAGE"] = [year >= _modelVillageFrom ? 1 : 0];

        LastOperatingIncome = operating;
        _operating *= 1 + _growth + _random.NextNormal(0, 0.04);
        _assets = (_assets * 1.04) + (operating * 0.5);
    }
}
