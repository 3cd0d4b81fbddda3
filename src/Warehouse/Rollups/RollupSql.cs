namespace Governance.Warehouse.Rollups;

/// <summary>The few spellings the roll-up statements need that differ between the engines.</summary>
internal static class RollupSql
{
    public static string Quote(WarehouseProvider provider, string name) =>
        provider == WarehouseProvider.SqlServer ? $"[{name}]" : $"\"{name}\"";

    /// <summary>The code of the area at a key length that contains <paramref name="column"/>'s code, padded to 12 digits.</summary>
    public static string AreaAt(WarehouseProvider provider, string column, int keyLength)
    {
        var pad = $"'{new string('0', 12 - keyLength)}'";
        if (keyLength == 0)
        {
            return pad;
        }

        return provider == WarehouseProvider.SqlServer
            ? $"SUBSTRING({column}, 1, {keyLength}) + {pad}"
            : $"substr({column}, 1, {keyLength}) || {pad}";
    }
}
