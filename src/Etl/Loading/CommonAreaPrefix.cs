using Governance.Warehouse.Dimensions;

namespace Governance.Etl.Loading;

/// <summary>
/// The longest common prefix of the area codes a file names, for <see cref="Warehouse.Loading.LoadBatch.AreaCodePrefix"/>.
/// Only well-formed 12-digit codes count (text that is no code names no area); none seen, it is null.
/// </summary>
internal sealed class CommonAreaPrefix
{
    public string? Value { get; private set; }

    public void Add(string? code)
    {
        if (!AreaCode.TryParse(code, out var parsed))
        {
            return;
        }

        var text = parsed.Value.Value;
        if (Value is null)
        {
            Value = text;
            return;
        }

        var length = 0;
        while (length < Value.Length && Value[length] == text[length])
        {
            length++;
        }

        Value = Value[..length];
    }
}
