using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Governance.Api.Tests.Support;

/// <summary>Sends GraphQL requests the way a client would (POST application/json unless told otherwise) and reads the answer.</summary>
public static class GraphQLClient
{
    public static async Task<JsonNode> PostQueryAsync(this HttpClient client, string query, object? variables = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonNode.Parse(body) ?? throw new JsonException($"Empty answer with status {(int)response.StatusCode}.");
    }

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string body, string? contentType = "application/json", string? accept = null) =>
        client.PostRawAsync(Encoding.UTF8.GetBytes(body), contentType, accept);

    public static async Task<HttpResponseMessage> PostRawAsync(this HttpClient client, byte[] body, string? contentType = "application/json", string? accept = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(body) };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static Task<HttpResponseMessage> SendQueryAsync(this HttpClient client, string query, object? variables = null, string? accept = null) =>
        client.PostRawAsync(JsonSerializer.Serialize(new { query, variables }), accept: accept);

    /// <summary>Posts a query and returns the <c>data</c> element, failing on any error or a status other than 2xx.</summary>
    public static async Task<JsonElement> DataAsync(this HttpClient client, string query, object? variables = null)
    {
        using var response = await client.SendQueryAsync(query, variables);
        var json = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode && !json.TryGetProperty("errors", out _), $"{(int)response.StatusCode}: {json}");
        return json.GetProperty("data");
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
