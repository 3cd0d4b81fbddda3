using System.Diagnostics;

namespace Governance.Api.Tests.Support;

/// <summary>
/// Debian's chromium, headless: loads a page, lets its scripts run, and returns the DOM. Without chromium the test is
/// skipped with the reason, unless <c>GOVERNANCE_REQUIRE_BROWSER=1</c> (CI), where that fails it.
/// </summary>
public static class HeadlessChromium
{
    public static string Executable()
    {
        var found = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);
        if (found is not null)
        {
            return found;
        }

        if (Environment.GetEnvironmentVariable("GOVERNANCE_REQUIRE_BROWSER") == "1")
        {
            Assert.Fail("GOVERNANCE_REQUIRE_BROWSER=1 but chromium is not installed (apt-get install -y chromium).");
        }

        Assert.Skip("Browser test skipped: chromium is not installed (apt-get install -y chromium).");
        return string.Empty;
    }

    public static async Task<string> DumpDomAsync(string executable, Uri url, CancellationToken cancellationToken)
    {
        var profile = Directory.CreateTempSubdirectory("governance-chromium-");
        try
        {
            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", $"--user-data-dir={profile.FullName}",
                "--virtual-time-budget=15000", "--dump-dom", url.ToString(),
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(90));
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var dom = await output;
            Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {await errors}");
            return dom;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
