using System.Diagnostics;
using System.Text.Json.Nodes;
using Governance.TestSupport;

namespace Governance.Api.Tests.Support;

/// <summary>
/// Runs a test script of <c>tests/Api.Tests/GraphQL/Introspection</c> on node with the graphql package GraphiQL's build
/// installs (<c>src/Api/GraphiQL/node_modules</c>). Without node or that folder the test is skipped with the reason,
/// unless <c>GOVERNANCE_REQUIRE_BROWSER=1</c> (CI, which builds GraphiQL), where that fails it.
/// </summary>
public static class GraphqlJs
{
    public static string Folder()
    {
        var folder = Repository.PathOf("src", "Api", "GraphiQL");
        var node = new[] { "/usr/bin/node", "/usr/local/bin/node" }.FirstOrDefault(File.Exists);
        var reason = node is null ? "node is not installed (apt-get install -y nodejs npm)"
            : !File.Exists(Path.Combine(folder, "node_modules", "graphql", "package.json")) ? "src/Api/GraphiQL/node_modules has no graphql (run npm ci there, or build src/Api)"
            : null;
        if (reason is null)
        {
            return folder;
        }

        if (Environment.GetEnvironmentVariable("GOVERNANCE_REQUIRE_BROWSER") == "1")
        {
            Assert.Fail($"GOVERNANCE_REQUIRE_BROWSER=1 but {reason}.");
        }

        Assert.Skip($"graphql-js test skipped: {reason}.");
        return string.Empty;
    }

    /// <summary>Runs <paramref name="script"/> with the GraphiQL folder and one temporary file per input as arguments; its standard output is JSON.</summary>
    public static async Task<JsonNode> RunAsync(string folder, string script, params string[] inputs)
    {
        var files = inputs.Select(_ => Path.GetTempFileName()).ToList();
        try
        {
            for (var i = 0; i < inputs.Length; i++)
            {
                await File.WriteAllTextAsync(files[i], inputs[i], TestContext.Current.CancellationToken);
            }

            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { Repository.PathOf("tests", "Api.Tests", "GraphQL", "Introspection", script), folder }.Concat(files))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(process.ExitCode == 0, $"node {script} exited with {process.ExitCode}: {await errors}");
            return JsonNode.Parse(await output)!;
        }
        finally
        {
            files.ForEach(File.Delete);
        }
    }
}
