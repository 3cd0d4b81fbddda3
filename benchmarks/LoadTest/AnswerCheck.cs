using System.Text;

namespace Governance.LoadTest;

/// <summary>
/// Asks every dashboard query through an address and compares each answer's bytes with one instance's reading the primary
/// alone (the reference): the <c>data</c> (the rest holds the request's id). The ETL of the scenarios writes 2005-2018
/// and the queries read 2020-2024 (growth against 2019 included), so every answer must equal the reference whichever
/// server or instance gave it.
/// </summary>
internal static class AnswerCheck
{
    public static async Task<Dictionary<string, string>> ReferenceAsync(HttpClient http, Uri api, IReadOnlyList<string> queries)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var query in queries.Distinct())
        {
            answers[query] = (await AskAsync(http, api, query)).Body;
        }

        return answers;
    }

    /// <summary>Each query <paramref name="times"/> times: how many answers there were, how many differed, and who answered.</summary>
    public static async Task<AnswerFigures> CompareAsync(HttpClient http, Uri api, IReadOnlyDictionary<string, string> reference, int times)
    {
        var (asked, differing) = (0, 0);
        var answeredBy = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (query, expected) in reference)
        {
            for (var i = 0; i < times; i++)
            {
                var (status, body, by) = await AskAsync(http, api, query);
                asked++;
                answeredBy.Add(by);
                if (status != 200 || body != expected)
                {
                    differing++;
                }
            }
        }

        return new AnswerFigures(asked, differing, string.Join(", ", answeredBy));
    }

    private static async Task<(int Status, string Body, string By)> AskAsync(HttpClient http, Uri api, string query)
    {
        using var content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(api, "/graphql"), content);
        var server = response.Headers.TryGetValues("Governance-Read-Server", out var s) ? s.Single() : "?";
        var upstream = response.Headers.TryGetValues("X-Upstream", out var u) ? u.Single() + " " : string.Empty;
        var body = await response.Content.ReadAsStringAsync();
        var data = response.IsSuccessStatusCode && System.Text.Json.Nodes.JsonNode.Parse(body) is System.Text.Json.Nodes.JsonObject json && json["errors"] is null
            ? json["data"]?.ToJsonString() ?? body
            : body;
        return ((int)response.StatusCode, data, upstream + server);
    }
}
