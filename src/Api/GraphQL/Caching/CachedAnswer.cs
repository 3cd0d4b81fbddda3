using GraphQL;

namespace Governance.Api.GraphQL.Caching;

/// <summary>
/// A successful answer as the bytes of its JSON (<c>{"data":...}</c>, without the request id): what the cache keeps and
/// what the endpoint writes, adding this request's id, without serializing again.
/// </summary>
public sealed class CachedAnswer : ExecutionResult
{
    public CachedAnswer(ReadOnlyMemory<byte> body)
    {
        Body = body;
        Executed = true;
    }

    public ReadOnlyMemory<byte> Body { get; }
}
