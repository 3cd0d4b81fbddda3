namespace Governance.Etl.Commands;

/// <summary>Expands the command's file-or-folder arguments: a folder stands for its report files (not its subfolders), by name.</summary>
internal static class InputFiles
{
    private static readonly string[] Extensions = [".csv", ".tsv", ".txt", ".xlsx", ".xlsm"];

    public static IReadOnlyList<string> Expand(IEnumerable<string> arguments, out IReadOnlyList<string> missing)
    {
        var files = new List<string>();
        var notFound = new List<string>();
        foreach (var argument in arguments)
        {
            if (Directory.Exists(argument))
            {
                files.AddRange(Directory.EnumerateFiles(argument)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(argument))
            {
                files.Add(argument);
            }
            else
            {
                notFound.Add(argument);
            }
        }

        missing = notFound;
        return files;
    }
}
