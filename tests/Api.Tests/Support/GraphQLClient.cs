using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Governance.Api.Tests.Support;

/// <summary>Sends a GraphQL request the way a client would (POST application/json) and returns the parsed answer.</summary>
public static class GraphQLClient
{
    public static async Task<JsonNode> PostQueryAsync(this HttpClient client, string query, object? variables = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonNode.Parse(body) ?? throw new JsonException($"Empty answer with status {(int)response.StatusCode}.");
    }
}
