using System.Text.Json;
using GraphQL;

namespace Governance.Api.GraphQL;

/// <summary>A GraphQL-over-HTTP request whose parameters have the right JSON types, or why it is not one.</summary>
public sealed record GraphQLHttpRequest(string? Query, string? OperationName, JsonElement? Variables, JsonElement? Extensions, string? Problem)
{
    public static GraphQLHttpRequest Invalid(string problem) => new(null, null, null, null, problem);

    /// <summary>Checks the parameters of one request object (a POST body, or GET parameters assembled as JSON).</summary>
    public static GraphQLHttpRequest FromJson(JsonElement body)
    {
        if (body.ValueKind == JsonValueKind.Array)
        {
            return Invalid("Batched requests (a JSON array of operations) are not supported; send one operation per request.");
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            return Invalid("The request body must be a JSON object with a 'query' string.");
        }

        if (!body.TryGetProperty("query", out var query) || query.ValueKind == JsonValueKind.Null)
        {
            return Invalid("The request has no 'query'.");
        }

        if (query.ValueKind != JsonValueKind.String)
        {
            return Invalid("The 'query' parameter must be a string.");
        }

        var operationName = body.TryGetProperty("operationName", out var name) ? name : default;
        if (operationName.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String))
        {
            return Invalid("The 'operationName' parameter must be a string or null.");
        }

        var variables = ObjectOrNull(body, "variables", out var variablesOk);
        var extensions = ObjectOrNull(body, "extensions", out var extensionsOk);
        if (!variablesOk || !extensionsOk)
        {
            return Invalid($"The '{(variablesOk ? "extensions" : "variables")}' parameter must be a JSON object or null.");
        }

        return new GraphQLHttpRequest(query.GetString(), operationName.ValueKind == JsonValueKind.String ? operationName.GetString() : null, variables, extensions, null);
    }

    public Inputs? VariableInputs(IGraphQLTextSerializer serializer) => Variables is { } v ? serializer.ReadNode<Inputs>(v) : null;

    public Inputs? ExtensionInputs(IGraphQLTextSerializer serializer) => Extensions is { } e ? serializer.ReadNode<Inputs>(e) : null;

    private static JsonElement? ObjectOrNull(JsonElement body, string name, out bool ok)
    {
        ok = true;
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        ok = value.ValueKind == JsonValueKind.Object;
        return ok ? value.Clone() : null;
    }
}
