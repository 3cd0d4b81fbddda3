namespace Governance.Etl.Commands;

/// <summary>
/// Area lists and target files kept beside the reports in a folder (as <c>demo --out</c> writes them: areas.csv,
/// targets.csv): <c>load &lt;folder&gt;</c> leaves them to the <c>areas</c> and <c>targets</c> commands rather than reject them as
/// reports. The same names the inbox schedule routes to those loaders.
/// </summary>
internal static class ListFiles
{
    /// <summary>The command that loads this file when its name starts with areas or targets (any case), else null.</summary>
    public static string? CommandFor(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith("areas", StringComparison.OrdinalIgnoreCase) ? "areas"
            : name.StartsWith("targets", StringComparison.OrdinalIgnoreCase) ? "targets"
            : null;
    }
}
