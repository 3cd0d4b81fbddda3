namespace Governance.Api.Security;

/// <summary>The paths that answer data, each behind the limits per caller and the access gate: <c>/graphql</c> and the saved reports under <c>/reports</c>.</summary>
public static class GatedPaths
{
    public const string Reports = "/reports";

    public static bool Covers(PathString path) =>
        path.StartsWithSegments("/graphql", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments(Reports, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(Hosting.MetricsExtensions.Path, StringComparison.OrdinalIgnoreCase);
}
