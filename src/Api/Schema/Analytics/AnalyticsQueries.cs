using Governance.Api.GraphQL;
using Governance.Api.GraphQL.Paging;
using Governance.Api.Schema.Areas;
using Governance.Api.Schema.Periods;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Engines;
using GraphQL;
using GraphQL.Types;

namespace Governance.Api.Schema.Analytics;

/// <summary>Root fields of the analytics slice: observations, distribution, growth and attainment.</summary>
public sealed class AnalyticsQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        AddObservations(query);
        AddDistribution(query);
        AddGrowth(query);
        AddAttainment(query);
    }

    private static void AddObservations(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionType<ObservationType, Observation>>>("observations")
            .Description("Indicators aggregated per area at a level and per period at a grain (汇总查询), one row per area, period and indicator, sorted and paged.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("indicators", "Indicator codes (指标代码), e.g. [\"CE_OPERATING_INCOME\"].")
            .Argument<NonNullGraphType<AreaLevelType>>("level", "Level of the rows (汇总层级): VILLAGE, TOWNSHIP, COUNTY, ...")
            .Argument<StringGraphType>("within", "Only areas inside this one (范围), a 12-digit code; default everything.")
            .Argument<PeriodGrainType>("grain", "Grain of the row periods (统计周期); default YEAR; finer than an indicator's own is GRAIN_TOO_FINE.")
            .Argument<StringGraphType>("from", "First period (起始期), e.g. 2021, 2023Q1, 202301.")
            .Argument<StringGraphType>("to", "Last period (截止期), e.g. 2024.")
            .Argument<RelativePeriodType>("relative", "A range relative to today (相对期间), instead of from and to.")
            .Argument<AreaStructureType>("structure", "AS_REPORTED (default, 按原区划) or CURRENT (按现区划).")
            .Argument<BooleanGraphType>("includeNonReporting", "Also rows (value null) for expected areas that reported nothing (含未报单位): who has not reported. Default false.")
            .Argument<ObservationWhereInputType>("where", "Filters on the rows (筛选).")
            .Argument<ListGraphType<NonNullGraphType<ObservationOrderInputType>>>("orderBy", "Sort keys (排序), e.g. [{field: VALUE, direction: DESC}] for a top N.")
            .PagingArguments()
            .ResolveAsync(async c =>
            {
                var (from, to) = AnalyticsArguments.Range(c);
                var filter = c.GetArgument<ObservationFilter?>("where");
                var order = c.GetArgument<List<ObservationOrder>?>("orderBy") ?? [];
                var selected = Selections.Beneath(c);
                var request = new ObservationRequest(
                    c.GetArgument<List<string>>("indicators"),
                    c.GetArgument<AreaLevel>("level"),
                    c.GetArgument<string?>("within"),
                    c.GetArgument<PeriodGrain?>("grain") ?? PeriodGrain.Year,
                    from,
                    to,
                    c.GetArgument<AreaStructure?>("structure") ?? AreaStructure.AsReported,
                    c.GetArgument<bool?>("includeNonReporting") ?? false,
                    ObservationFields.Parts(selected, filter, order))
                {
                    Caller = RequestScope.Caller(c),
                };
                await WorkBound.CheckAsync(c, request);
                var page = PageRequest.From(c);
                var counted = selected.Overlaps(["totalCount", "pageInfo"]);
                var result = await Engine<ObservationPager>(c).PageAsync(request, order, filter, page.Offset, page.Size, counted, c.CancellationToken);
                var nodes = result.Rows;
                if (selected.Contains("area") && !request.Parts.HasFlag(ObservationParts.Areas))
                {
                    nodes = await Engine<ObservationEngine>(c).WithAreasAsync(nodes, request.Caller, c.CancellationToken);
                }

                // Without totalCount or pageInfo in the selection the count is not run; the connection then counts what it holds.
                return new Connection<Observation>(nodes, result.TotalCount ?? (page.Offset + nodes.Count), page.Offset);
            });

    private static void AddDistribution(ObjectGraphType query) =>
        query.Field<NonNullGraphType<DistributionType>>("distribution")
            .Description("The distribution of an indicator over the areas at a level in one period (分布分析): quantiles, Gini and bands.")
            .Argument<NonNullGraphType<StringGraphType>>("indicator", "Indicator code (指标代码).")
            .Argument<NonNullGraphType<StringGraphType>>("period", "The period (统计期), e.g. 2024.")
            .Argument<StringGraphType>("within", "Only areas inside this one (范围); default everything.")
            .Argument<AreaLevelType>("level", "Level of the areas (层级); default VILLAGE.")
            .Argument<ListGraphType<NonNullGraphType<FloatGraphType>>>("bands", "Band boundaries (分组界限), e.g. [5, 10, 50]; default the income bands none, <5, 5-10, 10-50, 50-100, >=100 万元 for 万元 indicators.")
            .Argument<BooleanGraphType>("zeroBand", "A band of its own for exactly 0 (无收入); default on for 万元 indicators without explicit bands.")
            .ResolveAsync(async c => await Engine<DistributionEngine>(c).QueryAsync(
                new DistributionRequest(
                    c.GetArgument<string>("indicator"),
                    AnalyticsArguments.Period(c, "period"),
                    c.GetArgument<string?>("within"),
                    c.GetArgument<AreaLevel?>("level") ?? AreaLevel.Village,
                    c.GetArgument<List<double>?>("bands"),
                    c.GetArgument<bool?>("zeroBand"))
                {
                    Caller = RequestScope.Caller(c),
                },
                c.CancellationToken));

    private static void AddGrowth(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaGrowthType>>>>("growth")
            .Description("Per area, the yearly values of an indicator with CAGR, trend growth and r² (增长分析), by area code.")
            .Argument<NonNullGraphType<StringGraphType>>("indicator", "Indicator code (指标代码).")
            .Argument<NonNullGraphType<AreaLevelType>>("level", "Level of the areas (层级).")
            .Argument<StringGraphType>("within", "Only areas inside this one (范围); default everything.")
            .Argument<NonNullGraphType<IntGraphType>>("from", "First year (起始年份).")
            .Argument<NonNullGraphType<IntGraphType>>("to", "Last year (截止年份).")
            .ResolveAsync(async c =>
            {
                var (indicator, level, within, from, to) = (c.GetArgument<string>("indicator"), c.GetArgument<AreaLevel>("level"), c.GetArgument<string?>("within"), c.GetArgument<int>("from"), c.GetArgument<int>("to"));
                if (from <= to && from >= PeriodKey.MinYear && to <= PeriodKey.MaxYear)
                {
                    await WorkBound.CheckAsync(c, new ObservationRequest([indicator], level, within, PeriodGrain.Year, PeriodKey.ForYear(from), PeriodKey.ForYear(to)) { Caller = RequestScope.Caller(c) });
                }

                var request = new GrowthRequest(indicator, level, within, from, to, Selections.Beneath(c).Contains("area")) { Caller = RequestScope.Caller(c) };
                return await Engine<GrowthEngine>(c).QueryAsync(request, c.CancellationToken);
            });

    private static void AddAttainment(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttainmentType>>>>("attainment")
            .Description("Targets (目标) of the areas at a level against their actual values in a period: met, gap, and the year the trend meets them.")
            .Argument<NonNullGraphType<StringGraphType>>("indicator", "Indicator code (指标代码).")
            .Argument<NonNullGraphType<StringGraphType>>("period", "The period of the targets (目标期), e.g. 2024.")
            .Argument<NonNullGraphType<AreaLevelType>>("level", "Level of the areas (层级).")
            .Argument<StringGraphType>("within", "Only areas inside this one (范围); default everything.")
            .ResolveAsync(async c => await Engine<AttainmentEngine>(c).QueryAsync(
                new AttainmentRequest(c.GetArgument<string>("indicator"), AnalyticsArguments.Period(c, "period"), c.GetArgument<AreaLevel>("level"), c.GetArgument<string?>("within")) { Caller = RequestScope.Caller(c) },
                c.CancellationToken));

    /// <summary>The request's engine, composed by <see cref="QueryEngineServiceCollectionExtensions.AddQueryEngine"/> over its read session.</summary>
    private static T Engine<T>(IResolveFieldContext context)
        where T : notnull =>
        context.RequestServices!.GetRequiredService<T>();
}
