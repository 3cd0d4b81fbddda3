using System.Globalization;
using Governance.Api.Exports;
using Governance.Etl.Reports;
using GraphQL;
using GraphQL.Types;

namespace Governance.Api.Reports;

/// <summary>
/// A saved report's variables from its URL's query string, coerced by their declared types: Int, Float, Long and Decimal
/// in the invariant culture, Boolean as true/false/1/0, an enum by its name (any case), String, ID and other scalars as
/// given. A list is given by repeating the parameter or as a comma-separated value (<c>indicators=A,B</c>; so a list item
/// cannot hold a comma). An empty value counts as not given. Every problem is collected, each naming its parameter.
/// </summary>
public static class ReportVariables
{
    public static (Inputs Inputs, IReadOnlyList<string> Problems) Read(string report, ReportDocument document, IQueryCollection query, ISchema schema)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(schema);
        var problems = new List<string>();
        var declared = document.Variables.ToDictionary(v => v.Name, StringComparer.Ordinal);
        foreach (var key in query.Keys.Where(k => !ExportRequest.Parameters.Contains(k) && !declared.ContainsKey(k)))
        {
            problems.Add(declared.Count == 0
                ? $"'{key}' is not a variable of report {report}, which has none."
                : $"'{key}' is not a variable of report {report}; its variables are {string.Join(", ", declared.Keys)}.");
        }

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var variable in document.Variables)
        {
            var given = query[variable.Name].SelectMany(v => variable.IsList ? (v ?? "").Split(',') : [v ?? ""]).Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
            if (given.Count == 0)
            {
                if (variable.IsRequired)
                {
                    problems.Add($"'{variable.Name}' is required ({variable.Type}).");
                }

                continue;
            }

            if (!variable.IsList && given.Count > 1)
            {
                problems.Add($"'{variable.Name}' is given {given.Count} times; it is one {variable.Type}.");
                continue;
            }

            var type = schema.AllTypes[variable.NamedType];
            var coerced = new List<object?>();
            foreach (var text in given)
            {
                if (Coerce(type, text, out var value, out var expected))
                {
                    coerced.Add(value);
                }
                else
                {
                    problems.Add($"'{variable.Name}' is '{text}', not {expected}.");
                }
            }

            values[variable.Name] = variable.IsList ? coerced : coerced.FirstOrDefault();
        }

        return (new Inputs(values), problems);
    }

    private static bool Coerce(IGraphType? type, string text, out object? value, out string expected)
    {
        var invariant = CultureInfo.InvariantCulture;
        (var ok, value, expected) = type switch
        {
            IntGraphType => int.TryParse(text, NumberStyles.AllowLeadingSign, invariant, out var i) ? (true, (object?)i, "") : (false, null, "an Int (a whole number)"),
            LongGraphType => long.TryParse(text, NumberStyles.AllowLeadingSign, invariant, out var l) ? (true, l, "") : (false, null, "a Long (a whole number)"),
            FloatGraphType => double.TryParse(text, NumberStyles.Float, invariant, out var d) && double.IsFinite(d) ? (true, d, "") : (false, null, "a Float (a number such as 12.5)"),
            DecimalGraphType => decimal.TryParse(text, NumberStyles.Float, invariant, out var m) ? (true, m, "") : (false, null, "a Decimal (a number such as 12.5)"),
            BooleanGraphType => text.ToUpperInvariant() switch
            {
                "TRUE" or "1" => (true, true, ""),
                "FALSE" or "0" => (true, false, ""),
                _ => (false, null, "a Boolean (true or false)"),
            },
            EnumerationGraphType enumeration => enumeration.Values.FirstOrDefault(v => v.Name.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } known
                ? (true, known.Name, "")
                : (false, null, $"one of {string.Join(", ", enumeration.Values.Select(v => v.Name))}"),
            _ => (true, text, ""),
        };
        return ok;
    }
}
