using System.Text;

namespace Governance.NationalBenchmark;

/// <summary>
/// The national area list: the real provinces, prefectures, counties and townships, and under every township synthetic
/// communities and villages, exactly <see cref="NationalVillages"/> and <see cref="NationalCommunities"/> over the nation
/// (669,663 rows in all). Each township's share depends on its kind (streets mostly communities, towns and townships
/// mostly villages) and on a seeded draw, computed over the whole nation, so a run on one province has the same units
/// there as the national run.
/// </summary>
internal static class NationalAreas
{
    public const int NationalVillages = 494_458;
    public const int NationalCommunities = 130_502;

    /// <summary>Communities and villages per township of the whole list (seeded; the same for any later filter).</summary>
    public static IReadOnlyList<TownshipUnits> Plan(Divisions nation, int seed)
    {
        var random = new Random(seed);
        var townships = nation.Townships;
        var villageWeights = new double[townships.Count];
        var communityWeights = new double[townships.Count];
        for (var i = 0; i < townships.Count; i++)
        {
            // Digits 7-9 of a township's code: streets 001-099, towns 100-199, townships 200-399, others 400-599.
            var kind = int.Parse(townships[i].Code.AsSpan(6, 3), System.Globalization.CultureInfo.InvariantCulture);
            var (villages, communities) = kind switch
            {
                < 100 => (0.1, 8.0),
                < 200 => (1.3, 1.2),
                < 400 => (1.0, 0.3),
                _ => (1.0, 1.0),
            };
            villageWeights[i] = villages * (0.5 + random.NextDouble());
            communityWeights[i] = communities * (0.5 + random.NextDouble());
        }

        var villageCounts = Allocate(villageWeights, NationalVillages);
        var communityCounts = Allocate(communityWeights, NationalCommunities);
        return townships.Select((t, i) => new TownshipUnits(t, communityCounts[i], villageCounts[i])).ToList();
    }

    /// <summary>Writes the area list (code, name, urban_rural) in code order, parents first; returns its data rows.</summary>
    public static int Write(string path, Divisions divisions, IReadOnlyList<TownshipUnits> plan)
    {
        var byTownship = plan.ToDictionary(p => p.Township.Code, StringComparer.Ordinal);
        var rows = new List<(string Code, string Name, string UrbanRural)>();
        rows.AddRange(divisions.Provinces.Select(d => (d.Code, d.Name, "")));
        rows.AddRange(divisions.Prefectures.Select(d => (d.Code, d.Name, "")));
        rows.AddRange(divisions.Counties.Select(d => (d.Code, d.Name, "")));
        foreach (var township in divisions.Townships)
        {
            rows.Add((township.Code, township.Name, ""));
            var units = byTownship[township.Code];
            rows.AddRange(units.CommunityCodes().Select((code, n) => (code, $"{township.Name}第{n + 1}社区", "111")));
            rows.AddRange(units.VillageCodes().Select((code, n) => (code, $"{township.Name}第{n + 1}村", "220")));
        }

        rows.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine("code,name,urban_rural");
        foreach (var (code, name, urbanRural) in rows)
        {
            writer.Write(code);
            writer.Write(',');
            writer.Write(Quote(name));
            writer.Write(',');
            writer.WriteLine(urbanRural);
        }

        return rows.Count;
    }

    /// <summary>Largest remainder: integer counts proportional to the weights that add up to exactly <paramref name="total"/>.</summary>
    private static int[] Allocate(double[] weights, int total)
    {
        var sum = weights.Sum();
        var counts = new int[weights.Length];
        var remainders = new (double Remainder, int Index)[weights.Length];
        var given = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var exact = total * weights[i] / sum;
            counts[i] = (int)Math.Floor(exact);
            given += counts[i];
            remainders[i] = (exact - counts[i], i);
        }

        Array.Sort(remainders, (a, b) => b.Remainder != a.Remainder ? b.Remainder.CompareTo(a.Remainder) : a.Index.CompareTo(b.Index));
        for (var k = 0; k < total - given; k++)
        {
            counts[remainders[k].Index]++;
        }

        return counts;
    }

    private static string Quote(string text) => text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal)
        ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
        : text;
}
