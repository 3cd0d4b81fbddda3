namespace Governance.Etl.Demo;

/// <summary>What a township reports itself: secretary-led projects, demonstration sites, training sessions by month, recalled cadres.</summary>
internal sealed class TownshipReports(Random random, int villages)
{
    private int _projects = random.Next(1, 4);
    private int _demoSites = random.Chance(0.4) ? 0 : random.Next(1, 3);

    public void Fill(IDictionary<string, decimal[]> values)
    {
        values["PRJ_LED_PROJECTS"] = [_projects];
        values["PRJ_BENEFIT_VILLAGES"] = [Math.Min(villages, _projects * random.Next(1, 4))];
        values["PRJ_INCOME_GAIN"] = [DemoRandom.Money(_projects * random.Between(5, 20))];
        values["ORG_DEMO_SITES"] = [_demoSites];
        values["CAD_RECALLED"] = [random.Chance(0.7) ? 0 : random.Next(1, 3)];
        values["CAD_TRAINING_SESSIONS"] = [.. Enumerable.Range(1, 12).Select(m => (decimal)random.Next(0, m is >= 3 and <= 6 ? 4 : 2))];

        if (random.Chance(0.5))
        {
            _projects = Math.Min(8, _projects + 1);
        }

        if (random.Chance(0.3))
        {
            _demoSites = Math.Min(4, _demoSites + 1);
        }
    }
}
