using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Statistics;
using GraphQL;

namespace Governance.Api.Schema.Analytics;

/// <summary>Reads and checks the period arguments of the analytics fields.</summary>
internal static class AnalyticsArguments
{
    public static PeriodKey Period(IResolveFieldContext context, string name)
    {
        var text = context.GetArgument<string?>(name);
        return PeriodKey.TryParse(text, out var key)
            ? key.Value
            : throw new QueryRuleException(QueryRuleException.BadPeriod, $"'{name}' is '{text}', which is not a period: use 2023, 2023Q2 or 202305.");
    }

    /// <summary>from/to, or a relative range against today's date from the clock in DI (the system clock by default).</summary>
    public static (PeriodKey From, PeriodKey To) Range(IResolveFieldContext context)
    {
        if (context.GetArgument<RelativePeriod?>("relative") is { } relative)
        {
            var clock = context.RequestServices?.GetService<TimeProvider>() ?? TimeProvider.System;
            return RelativePeriods.Resolve(relative, clock);
        }

        if (!context.HasArgument("from") || !context.HasArgument("to"))
        {
            throw new QueryRuleException(QueryRuleException.BadPeriod, "Give 'from' and 'to' (e.g. from: \"2021\", to: \"2024\") or 'relative' (e.g. LAST_5_YEARS).");
        }

        return (Period(context, "from"), Period(context, "to"));
    }
}
