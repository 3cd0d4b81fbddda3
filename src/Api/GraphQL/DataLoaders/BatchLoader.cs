using GraphQL.DataLoader;

namespace Governance.Api.GraphQL.DataLoaders;

/// <summary>
/// A per-request data loader: keys asked for while GraphQL.NET resolves one level of the query are fetched together by
/// one call of <c>fetch</c> (one SQL statement per batch, not per row); fetched keys are cached for the request.
/// The GraphQL.DataLoader package is not served here, so this is the small part of it the API needs.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Batch> _batchOf = [];
    private Batch _open = new();

    /// <summary>The value for <paramref name="key"/> (default when the fetch returns none), once its batch is fetched.</summary>
    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_gate)
        {
            if (!_batchOf.TryGetValue(key, out var batch))
            {
                batch = _open;
                batch.Keys.Add(key);
                _batchOf[key] = batch;
            }

            return new Pending(this, batch, key);
        }
    }

    private Task<IReadOnlyDictionary<TKey, TValue>> Run(Batch batch, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (batch.Result is null)
            {
                if (ReferenceEquals(batch, _open))
                {
                    _open = new Batch();
                }

                batch.Result = fetch(batch.Keys, cancellationToken);
            }

            return batch.Result;
        }
    }

    private sealed class Batch
    {
        public List<TKey> Keys { get; } = [];

        public Task<IReadOnlyDictionary<TKey, TValue>>? Result { get; set; }
    }

    private sealed class Pending(BatchLoader<TKey, TValue> loader, Batch batch, TKey key) : IDataLoaderResult<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default) =>
            (await loader.Run(batch, cancellationToken)).TryGetValue(key, out var value) ? value : default;

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
