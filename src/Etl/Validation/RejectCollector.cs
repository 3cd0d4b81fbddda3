using Governance.Etl.Loading;

namespace Governance.Etl.Validation;

/// <summary>The rejects of one file, in the order they were found; the lines they name are excluded from the load.</summary>
public sealed class RejectCollector
{
    private readonly List<RejectSummary> _rejects = [];

    public IReadOnlyList<RejectSummary> All => _rejects;

    public int Count => _rejects.Count;

    public void Add(RejectSummary reject) => _rejects.Add(reject);

    public void Add(SourcePosition at, string rule, string? rawValue, string message) =>
        _rejects.Add(new RejectSummary(at.Sheet, at.Line, at.Column, rule, Truncate(rawValue), message));

    private static string? Truncate(string? raw) => raw is { Length: > 400 } ? raw[..400] : raw;
}
