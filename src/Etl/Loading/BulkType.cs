namespace Governance.Etl.Loading;

/// <summary>The kinds of value a <see cref="BulkRows"/> table holds.</summary>
internal enum BulkType
{
    Long,
    Int,
    Text,
    Date,
}
