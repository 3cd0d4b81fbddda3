namespace Governance.Etl.Commands;

/// <summary>Expands the command's file-or-folder arguments: a folder stands for its report files (not its subfolders), by name.</summary>
internal static class InputFiles
{
    private static readonly string[] Extensions = [".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls"]; // .xls only to be rejected with what to do, never skipped unseen

    /// <summary>
    /// The files to load. <paramref name="otherCommand"/> names the command a file found in a folder belongs to instead
    /// (null: this one); such files go to <paramref name="skipped"/> with that command. A file named outright is always loaded.
    /// </summary>
    public static IReadOnlyList<string> Expand(
        IEnumerable<string> arguments, out IReadOnlyList<string> missing, out IReadOnlyList<(string File, string Command)> skipped, Func<string, string?>? otherCommand = null)
    {
        var files = new List<string>();
        var notFound = new List<string>();
        var leftOut = new List<(string, string)>();
        foreach (var argument in arguments)
        {
            if (Directory.Exists(argument))
            {
                foreach (var file in Directory.EnumerateFiles(argument)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal))
                {
                    if (otherCommand?.Invoke(file) is { } command)
                    {
                        leftOut.Add((file, command));
                    }
                    else
                    {
                        files.Add(file);
                    }
                }
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

        (missing, skipped) = (notFound, leftOut);
        return files;
    }
}
