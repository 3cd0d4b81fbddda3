using Governance.Warehouse.Loading;

namespace Governance.Etl.Batches;

/// <summary>One load batch with every reject and warning recorded for it.</summary>
public sealed record BatchDetail(LoadBatch Batch, IReadOnlyList<LoadReject> Rejects, IReadOnlyList<LoadWarning> Warnings);
