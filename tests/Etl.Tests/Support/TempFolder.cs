using System.Text;

namespace Governance.Etl.Tests.Support;

/// <summary>A temporary folder of test files, deleted at dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("governance-etl-").FullName;

    /// <summary>Writes lines joined by \n in the encoding (UTF-8 without BOM by default) and returns the file's path.</summary>
    public string Write(string name, string text, Encoding? encoding = null)
    {
        var file = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllBytes(file, [.. (encoding ?? new UTF8Encoding(false)).GetPreamble(), .. (encoding ?? new UTF8Encoding(false)).GetBytes(text)]);
        return file;
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
