using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Governance.Warehouse.Dimensions;

/// <summary>A 12-digit statistical division code (统计用区划代码) and what its digits say.</summary>
public readonly record struct AreaCode
{
    private AreaCode(string value)
    {
        Value = value;
    }

    public string Value { get; }

    public AreaLevel Level => Value switch
    {
        _ when Value[2..] == "0000000000" => AreaLevel.Province,
        _ when Value[4..] == "00000000" => AreaLevel.Prefecture,
        _ when Value[6..] == "000000" => AreaLevel.County,
        _ when Value[9..] == "000" => AreaLevel.Township,
        _ => AreaLevel.Village,
    };

    public AreaKind Kind => Level switch
    {
        AreaLevel.Township => Digits(6, 3) switch
        {
            < 100 => AreaKind.Street,
            < 200 => AreaKind.Town,
            _ => AreaKind.Township,
        },
        AreaLevel.Village => Digits(9, 3) < 200 ? AreaKind.Community : AreaKind.Village,
        _ => AreaKind.Other,
    };

    /// <summary>The code of the enclosing area, or null for a province.</summary>
    public string? ParentCode => Level switch
    {
        AreaLevel.Province => null,
        AreaLevel.Prefecture => Value[..2] + "0000000000",
        AreaLevel.County => Value[..4] + "00000000",
        AreaLevel.Township => Value[..6] + "000000",
        _ => Value[..9] + "000",
    };

    /// <summary>The code with the trailing zeros of its level removed: the prefix every descendant shares.</summary>
    public string Prefix => Level switch
    {
        AreaLevel.Province => Value[..2],
        AreaLevel.Prefecture => Value[..4],
        AreaLevel.County => Value[..6],
        AreaLevel.Township => Value[..9],
        _ => Value,
    };

    public static bool TryParse(string? text, [NotNullWhen(true)] out AreaCode? code)
    {
        code = null;
        var trimmed = text?.Trim();
        if (trimmed is null || trimmed.Length != 12 || !trimmed.All(char.IsAsciiDigit) || trimmed[..2] == "00")
        {
            return false;
        }

        code = new AreaCode(trimmed);
        return true;
    }

    public static AreaCode Parse(string text) =>
        TryParse(text, out var code) ? code.Value : throw new FormatException($"'{text}' is not a 12-digit division code.");

    public override string ToString() => Value;

    private int Digits(int start, int length) => int.Parse(Value.AsSpan(start, length), CultureInfo.InvariantCulture);
}
