using System.Diagnostics;
using System.Net;
using Governance.Api.GraphQL.Faults;
using Governance.Api.Tests.Support;
using Governance.TestSupport;
using static Governance.TestSupport.TwoTownships;

namespace Governance.Api.Tests.GraphQL.Faults;

/// <summary>
/// The database stopped under a running API: requests fail fast with a 503 and a plain message; the database back, the
/// same API process answers again by itself. Runs on a PostgreSQL cluster of the test's own, which it stops and starts.
/// </summary>
public sealed class DatabaseRestartTests
{
    private const string Query = """{ observations(indicators: ["CE_OPERATING_INCOME"], level: TOWNSHIP, from: "2024", to: "2024") { nodes { areaCode value } } }""";

    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AStoppedDatabaseAnswers503AtOnceAndTheApiRecoversWhenItIsBack()
    {
        await using var cluster = await PrivatePostgresCluster.StartAsync();
        await using var warehouse = await TestWarehouse.CreateOnPostgresServerAsync(cluster.Server);
        await LoadAsync(warehouse);
        await using var api = new GovernanceApiFactory(warehouse);
        var client = api.CreateClient();
        var expected = new[] { (T1, Incomes[(A, 2024)] + Incomes[(B, 2024)]), (T2, Incomes[(C, 2024)]) };
        Assert.Equal(expected, await TownshipIncomesAsync(client));

        await cluster.StopAsync();

        // The first request meets the pooled connections the server closed, the second a server refusing new ones.
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.SendQueryAsync(Query);
            var took = clock.Elapsed;
            var error = (await response.JsonAsync()).GetProperty("errors")[0];
            Assert.Equal(
                (HttpStatusCode.ServiceUnavailable, "DATABASE_UNAVAILABLE", DatabaseFaults.Message),
                (response.StatusCode, error.GetProperty("extensions").GetProperty("code").GetString(), error.GetProperty("message").GetString()));
            Assert.True(took < FailFast, $"request {attempt} took {took.TotalSeconds:N1} s to fail; it should fail within {FailFast.TotalSeconds} s");
        }

        await cluster.StartAgainAsync();

        Assert.Equal(expected, await RecoveredAsync(client));
    }

    /// <summary>Polls until the API answers 200 again; fails after <see cref="Recovery"/>.</summary>
    private static async Task<IReadOnlyList<(string, decimal)>> RecoveredAsync(HttpClient client)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await client.SendQueryAsync(Query);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return Rows(await response.JsonAsync());
            }

            Assert.True(clock.Elapsed < Recovery, $"the API still answers {(int)response.StatusCode} {Recovery.TotalSeconds} s after the database came back");
            await Task.Delay(TimeSpan.FromMilliseconds(250), TestContext.Current.CancellationToken);
        }
    }

    private static async Task<IReadOnlyList<(string, decimal)>> TownshipIncomesAsync(HttpClient client)
    {
        using var response = await client.SendQueryAsync(Query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Rows(await response.JsonAsync());
    }

    private static List<(string, decimal)> Rows(System.Text.Json.JsonElement json) =>
        [.. json.GetProperty("data").GetProperty("observations").GetProperty("nodes").EnumerateArray()
            .Select(n => (n.GetProperty("areaCode").GetString()!, n.GetProperty("value").GetDecimal()))];
}
