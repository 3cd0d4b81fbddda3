using System.Globalization;
using System.Numerics;
using GraphQL.Execution;

namespace Governance.Api.Exports;

/// <summary>The value of one cell: a number stays a number (<see cref="long"/>, <see cref="double"/> or <see cref="decimal"/>), true and false stay booleans, anything else is text.</summary>
public static class Cells
{
    public static object? Of(ExecutionNode? node) => node switch
    {
        null => null,
        ArrayExecutionNode { Items: { } items } => string.Join("; ", items.Select(i => Text(Of(i)))),
        ArrayExecutionNode => null,
        _ => Normalise(node.ToValue()),
    };

    public static bool IsNumber(object? value) => value is long or double or decimal;

    /// <summary>The value as text, numbers in the invariant culture with every digit the JSON answer has.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static object? Normalise(object? value) => value switch
    {
        null or string or bool or long or double or decimal => value,
        int or short or byte or sbyte or ushort or uint => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        ulong u => u <= long.MaxValue ? (long)u : (decimal)u,
        float f => (double)f,
        BigInteger big => big >= long.MinValue && big <= long.MaxValue ? (long)big : big.ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
