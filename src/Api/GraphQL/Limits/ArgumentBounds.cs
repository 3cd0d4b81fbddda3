using System.Collections;
using System.Globalization;
using Governance.Warehouse;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;
using GraphQL;
using GraphQL.Instrumentation;

namespace Governance.Api.GraphQL.Limits;

/// <summary>
/// Bounds every argument of every field before its resolver runs, so that no value reaches the database that it would
/// answer with an internal error: strings (in lists and input objects too) at most <see cref="MaxStringLength"/>
/// characters and without control characters; years (<c>from</c>, <c>to</c> as integers, and the year of a
/// <c>from</c>, <c>to</c> or <c>period</c> string) within the seeded calendar; area codes (<c>within</c>,
/// <c>area(code)</c>) 12 digits. A value out of bounds is a BAD_REQUEST error naming the argument.
/// </summary>
public sealed class ArgumentBounds : IFieldMiddleware
{
    public const int MaxStringLength = 100;

    private static readonly string[] PeriodArguments = ["from", "to", "period"];

    public ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Arguments is { } arguments)
        {
            foreach (var (name, argument) in arguments)
            {
                Check(context.FieldDefinition.Name, name, argument.Value);
            }
        }

        return next(context);
    }

    private static void Check(string field, string name, object? value)
    {
        CheckStrings(name, value, 0);
        switch (value)
        {
            case int year when name is "from" or "to":
                CheckYear(name, year);
                break;
            case string text when PeriodArguments.Contains(name) && PeriodKey.TryParse(text, out var period):
                CheckYear(name, period.Value.Year);
                break;
            case string code when name == "within" || (field == "area" && name == "code"):
                if (code.Trim() is var trimmed && (trimmed.Length != 12 || !trimmed.All(char.IsAsciiDigit)))
                {
                    throw Bad($"'{name}' is '{code}', which is not an area code: give the 12-digit division code, e.g. 361102101200.");
                }

                break;
        }
    }

    private static void CheckYear(string name, int year)
    {
        if (year is < WarehouseSeeder.FirstYear or > WarehouseSeeder.LastYear)
        {
            throw Bad($"'{name}' is {year.ToString(CultureInfo.InvariantCulture)}; years from {WarehouseSeeder.FirstYear} to {WarehouseSeeder.LastYear} are known.");
        }
    }

    /// <summary>Every string in the value: itself, the items of a list, the fields of an input object (as a dictionary or its CLR object).</summary>
    private static void CheckStrings(string name, object? value, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                CheckString(name, text);
                return;
            case IDictionary dictionary:
                foreach (var item in dictionary.Values)
                {
                    CheckStrings(name, item, depth + 1);
                }

                return;
            case IEnumerable items:
                foreach (var item in items)
                {
                    CheckStrings(name, item, depth + 1);
                }

                return;
            case var input when depth < 4 && !input.GetType().IsPrimitive && !input.GetType().IsEnum:
                foreach (var property in input.GetType().GetProperties().Where(p => p.PropertyType == typeof(string) && p.GetIndexParameters().Length == 0))
                {
                    CheckStrings(name, property.GetValue(input), depth + 1);
                }

                return;
        }
    }

    private static void CheckString(string name, string text)
    {
        if (text.Length > MaxStringLength)
        {
            throw Bad($"'{name}' has {text.Length.ToString(CultureInfo.InvariantCulture)} characters; at most {MaxStringLength} are allowed.");
        }

        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                throw Bad($"'{name}' holds a control character (U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)}); give plain text.");
            }
        }
    }

    private static QueryRuleException Bad(string message) => new(QueryRuleException.BadRequest, message);
}
