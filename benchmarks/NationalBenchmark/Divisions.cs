using System.Text;

namespace Governance.NationalBenchmark;

/// <summary>
/// The real 2022 division codes in <c>../shared/divisions/</c> (provinces, prefectures, counties and townships; see
/// its README): read from its four CSV files and padded to 12 digits.
/// </summary>
internal sealed record Divisions(IReadOnlyList<Division> Provinces, IReadOnlyList<Division> Prefectures, IReadOnlyList<Division> Counties, IReadOnlyList<Division> Townships)
{
    /// <summary>The folder named by GOVERNANCE_DIVISIONS, else <c>shared/divisions</c> beside the repository (or beside its worktrees folder).</summary>
    public static string DefaultFolder(string repositoryRoot) =>
        Environment.GetEnvironmentVariable("GOVERNANCE_DIVISIONS")
        ?? new[] { Path.Combine(repositoryRoot, "..", "shared", "divisions"), Path.Combine(repositoryRoot, "..", "..", "shared", "divisions") }
            .Select(Path.GetFullPath).FirstOrDefault(d => File.Exists(Path.Combine(d, "streets.csv")))
        ?? Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "divisions"));

    public static Divisions Read(string folder)
    {
        if (!File.Exists(Path.Combine(folder, "streets.csv")))
        {
            throw new FileNotFoundException($"The division list is not in {folder} (streets.csv missing): pass --divisions DIR or set GOVERNANCE_DIVISIONS.");
        }

        return new Divisions(
            Rows(folder, "provinces.csv").Select(r => new Division(Pad(r["code"]), r["name"], null)).ToList(),
            Rows(folder, "cities.csv").Select(r => new Division(Pad(r["code"]), r["name"], Pad(r["provinceCode"]))).ToList(),
            Rows(folder, "areas.csv").Select(r => new Division(Pad(r["code"]), r["name"], Pad(r["cityCode"]))).ToList(),
            Rows(folder, "streets.csv").Select(r => new Division(Pad(r["code"]), r["name"], Pad(r["areaCode"]))).ToList());
    }

    /// <summary>Only the divisions of the given provinces (two-digit codes), for a quick run.</summary>
    public Divisions Within(IReadOnlySet<string> provinces)
    {
        bool In(Division d) => provinces.Contains(d.Code[..2]);
        return new Divisions(Provinces.Where(In).ToList(), Prefectures.Where(In).ToList(), Counties.Where(In).ToList(), Townships.Where(In).ToList());
    }

    private static string Pad(string code) => code.PadRight(12, '0');

    private static IEnumerable<Dictionary<string, string>> Rows(string folder, string file)
    {
        using var reader = new StreamReader(Path.Combine(folder, file), Encoding.UTF8);
        var header = Split(reader.ReadLine() ?? throw new InvalidDataException($"{file} is empty"));
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var cells = Split(line);
            yield return header.Select((h, i) => (h, Cell: i < cells.Count ? cells[i] : "")).ToDictionary(p => p.h, p => p.Cell, StringComparer.Ordinal);
        }
    }

    /// <summary>One CSV line: commas outside double quotes separate cells; quotes are removed ("" is one quote).</summary>
    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"' && quoted && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
