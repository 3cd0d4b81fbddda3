namespace Governance.TestSupport;

/// <summary>Paths inside the repository the tests run from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>True when snapshot and baseline tests should rewrite their approved files (<c>GOVERNANCE_UPDATE_SNAPSHOTS=1</c>).</summary>
    public static bool UpdateSnapshots => Environment.GetEnvironmentVariable("GOVERNANCE_UPDATE_SNAPSHOTS") == "1";

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Governance.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Governance.sln not found above the test binaries.");
    }
}
