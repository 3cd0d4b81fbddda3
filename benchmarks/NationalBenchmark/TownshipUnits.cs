namespace Governance.NationalBenchmark;

/// <summary>A township of the real list and the synthetic units under it: communities 001..N, villages 200..200+M-1.</summary>
internal sealed record TownshipUnits(Division Township, int Communities, int Villages)
{
    public IEnumerable<string> CommunityCodes() => Enumerable.Range(1, Communities).Select(n => $"{Township.Code[..9]}{n:000}");

    public IEnumerable<string> VillageCodes() => Enumerable.Range(200, Villages).Select(n => $"{Township.Code[..9]}{n:000}");
}
