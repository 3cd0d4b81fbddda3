using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Governance.ApiBenchmark;

/// <summary>Runs the product's own programs (the <c>governance</c> command and the API) as child processes.</summary>
internal static class Processes
{
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Governance.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }

    /// <summary>The built program of a project (Release preferred), or an error saying how to build it.</summary>
    public static string Program(string project)
    {
        foreach (var configuration in new[] { "Release", "Debug" })
        {
            var path = Path.Combine(RepositoryRoot(), "src", project, "bin", configuration, "net10.0", $"Governance.{project}.dll");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"src/{project} is not built: run `dotnet build -c Release src/{project}` first.");
    }

    public static ProcessStartInfo Start(string dll, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, WorkingDirectory = RepositoryRoot() };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return info;
    }

    public static async Task RunAsync(string dll, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var info = Start(dll, environment, arguments);
        info.RedirectStandardError = true;
        using var process = System.Diagnostics.Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"governance {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}");
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Peak resident memory of a process in MB (VmHWM), or null where /proc does not say.</summary>
    public static double? PeakResidentMegabytes(int processId)
    {
        var status = $"/proc/{processId}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
