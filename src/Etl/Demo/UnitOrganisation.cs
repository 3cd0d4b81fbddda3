namespace Governance.Etl.Demo;

/// <summary>Party organisation, cadre and grid figures of one village or community: yearly stocks and quarterly series, parts never above their wholes.</summary>
internal sealed class UnitOrganisation
{
    private readonly Random _random;
    private readonly bool _community;
    private readonly int _oneShoulderFrom;
    private readonly int _microPowerFrom;
    private readonly bool _firstSecretary;
    private double _partyMembers;
    private readonly int _villageCadres;
    private readonly int _grids;
    private double _gridPartyShare;
    private int _vanguardPosts;
    private int _compounds;
    private double _compoundCoverage;
    private readonly double _redStationShare;

    public UnitOrganisation(Random random, bool community, int firstYear)
    {
        _random = random;
        _community = community;
        _partyMembers = community ? random.NextNormal(80, 20) : random.NextNormal(50, 12);
        _villageCadres = community ? random.Next(5, 10) : random.Next(4, 8);
        _oneShoulderFrom = random.Chance(0.85) ? Math.Max(firstYear, 2021) : firstYear + random.Next(3, 10);
        _microPowerFrom = firstYear + random.Next(0, 5);
        _firstSecretary = random.Chance(community ? 0.1 : 0.4);
        _grids = community ? random.Next(5, 16) : random.Next(3, 11);
        _gridPartyShare = random.Between(0.5, 0.9);
        _vanguardPosts = random.Next(2, 8);
        _compounds = random.Next(3, 16);
        _compoundCoverage = random.Between(0.4, 0.8);
        _redStationShare = random.Between(0.3, 0.9);
    }

    public void Fill(int year, IDictionary<string, decimal[]> values)
    {
        var members = (int)Math.Max(12, Math.Round(_partyMembers));
        var cadres = _villageCadres + (int)Math.Round(members * 0.3);
        values["ORG_PARTY_MEMBERS"] = [members];
        values["ORG_ONE_SHOULDER"] = [year >= _oneShoulderFrom ? 1 : 0];
        values["CAD_CADRES"] = [cadres];
        values["CAD_VILLAGE_CADRES"] = [_villageCadres];
        values["CAD_EVAL_SCORE"] = [Math.Round((decimal)Math.Clamp(_random.NextNormal(86, 5), 60, 99), 1)];
        values["CAD_EVAL_FAILED"] = [_random.Chance(0.1) ? 1 : 0];
        values["GOV_MICROPOWER_LIST"] = [year >= _microPowerFrom ? 1 : 0];
        values["CAD_CADRES_TRAINED"] = Split((int)Math.Round(cadres * _random.Between(0.75, 1.0)));
        values["ORG_TEMP_ORGS"] = Quarters(_ => _random.Next(0, 4));
        values["ORG_VANGUARD_POSTS"] = Quarters(q => _vanguardPosts + (q / 2));
        values["CAD_FIRST_SECRETARIES"] = Quarters(_ => _firstSecretary ? 1 : 0);
        values["CAD_TALKS"] = Quarters(_ => _villageCadres - (_random.Chance(0.2) ? 1 : 0));
        values["GOV_GRIDS"] = Quarters(_ => _grids);
        values["GOV_GRIDS_WITH_PARTY"] = Quarters(q => Math.Min(_grids, (int)Math.Round(_grids * Math.Min(1, _gridPartyShare + (0.02 * q)))));
        values["GOV_FIRST_GRID_LEADERS"] = Quarters(_ => _grids - (_random.Chance(0.3) ? 1 : 0));
        if (_community)
        {
            var withBranch = Quarters(q => (int)Math.Floor(_compounds * Math.Min(1, _compoundCoverage + (0.035 * q))));
            values["ORG_COMPOUNDS"] = Quarters(_ => _compounds);
            values["ORG_COMPOUNDS_WITH_BRANCH"] = withBranch;
            values["ORG_RED_STATIONS"] = [.. withBranch.Select(w => Math.Floor(w * (decimal)_redStationShare))];
        }

        _partyMembers += _random.NextNormal(1, 2);
        _gridPartyShare = Math.Min(1, _gridPartyShare + 0.1);
        _compoundCoverage = Math.Min(1, _compoundCoverage + 0.14);
        _vanguardPosts += _random.Next(0, 2);
        if (_random.Chance(0.15))
        {
            _compounds++;
        }
    }

    private static decimal[] Quarters(Func<int, int> value) => [value(0), value(1), value(2), value(3)];

    /// <summary>Splits a year's trained cadres over the quarters so their sum is the total.</summary>
    private decimal[] Split(int total)
    {
        var first = (int)(total * _random.Between(0.1, 0.3));
        var second = (int)((total - first) * _random.Between(0.3, 0.5));
        var third = (int)((total - first - second) * _random.Between(0.3, 0.6));
        return [first, second, third, total - first - second - third];
    }
}
