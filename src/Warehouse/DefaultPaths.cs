namespace Governance.Warehouse;

/// <summary>
/// Where the default files go (the SQLite warehouse <c>data/governance.db</c>, the demo county <c>data/demo</c>, the inbox
/// <c>data/inbox</c>): under the repository root, the nearest ancestor of the current directory, else of the app's base
/// directory, that holds <c>Governance.sln</c>; without one, under the current directory. So the API and the
/// <c>governance</c> command share one warehouse wherever inside the repository they are started. A path given in a
/// setting is not resolved here: it is relative to the current directory, as usual.
/// </summary>
public static class DefaultPaths
{
    public const string RepositoryMarker = "Governance.sln";

    /// <summary>The default data folder of this process.</summary>
    public static string Resolve(string relativePath) => Resolve(relativePath, Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    public static string Resolve(string relativePath, string currentDirectory, string baseDirectory) =>
        Path.GetFullPath(Path.Combine(RepositoryRoot(currentDirectory) ?? RepositoryRoot(baseDirectory) ?? currentDirectory, relativePath));

    /// <summary>The nearest folder at or above <paramref name="start"/> holding <see cref="RepositoryMarker"/>, or null.</summary>
    public static string? RepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(Path.GetFullPath(start)); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, RepositoryMarker)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
