using Governance.Api.GraphQL;
using Governance.Api.GraphQL.DataLoaders;
using Governance.Api.Schema.Indicators;
using Governance.Api.Schema.Periods;
using Governance.Warehouse.Dimensions;
using GraphQL;
using GraphQL.Types;

namespace Governance.Api.Schema.Areas;

/// <summary>An administrative area with its hierarchy, lineage and series, each list through a data loader.</summary>
public sealed class AreaType : ObjectGraphType<Area>
{
    public AreaType()
    {
        Name = "Area";
        Description = "An administrative area (行政区划): province, prefecture, county, township or village, in the version that is current (or was last valid).";
        Field("code", a => a.AreaCode).Description("12-digit statistical division code (统计用区划代码).");
        Field(a => a.Name).Description("Name (名称), e.g. 新村村委会.");
        Field<NonNullGraphType<AreaLevelType>>("level").Description("Level in the hierarchy (行政层级).").Resolve(c => c.Source.Level);
        Field<NonNullGraphType<AreaKindType>>("kind").Description("Kind of area (区划类型): street, town, township, community, village.").Resolve(c => c.Source.Kind);
        Field(a => a.UrbanRuralClass, nullable: true).Description("Urban-rural classification code (城乡分类代码: 111, 112, 121, 122, 123, 210, 220), when known.");
        Field(a => a.ValidFrom).Description("First day this version is valid (生效日期).");
        Field(a => a.ValidTo, nullable: true).Description("Last day this version is valid (失效日期); null while it is in force.");
        Field(a => a.IsCurrent).Description("True when this version is in force today (现行有效).");
        Field<AreaType>("parent").Description("The enclosing area (上级区划); null at the top or when it is not loaded.")
            .Resolve(c => c.Source.ParentCode is { } parent ? Loaders(c).ByCode.Load(parent) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaType>>>>("children")
            .Description("The areas directly inside (下级区划), by code; only current ones unless includeHistoric.")
            .Argument<BooleanGraphType>("includeHistoric", "Also areas no longer in force (含已撤销区划), e.g. villages merged away. Default false.")
            .Resolve(c => (c.GetArgument<bool?>("includeHistoric") == true ? Loaders(c).ChildrenWithHistory : Loaders(c).Children).Load(c.Source.AreaCode).Then(EmptyIfNull));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaType>>>>("ancestors")
            .Description("The enclosing areas (上级区划链), province first; areas not loaded are left out.")
            .Resolve(c => Loaders(c).Ancestors.Load(c.Source.AreaCode).Then(EmptyIfNull));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaType>>>>("replaces")
            .Description("The areas merged into this one (被合并区划, 撤并前), by code.")
            .Resolve(c => Loaders(c).Replaces.Load(c.Source.AreaCode).Then(EmptyIfNull));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaType>>>>("replacedBy")
            .Description("The areas this one was merged into (合并后区划), by code.")
            .Resolve(c => Loaders(c).ReplacedBy.Load(c.Source.AreaCode).Then(EmptyIfNull));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SeriesPointType>>>>("series")
            .Description("This area's own values of a base indicator over time (时间序列), oldest first; flows are summed and stocks take the last value when the grain is coarser than the indicator's.")
            .Argument<NonNullGraphType<StringGraphType>>("indicator", "Indicator code (指标代码), e.g. CE_OPERATING_INCOME.")
            .Argument<PeriodGrainType>("grain", "Grain of the points (统计周期); default the indicator's own; finer is a GRAIN_TOO_FINE error.")
            .Argument<StringGraphType>("from", "First period (起始期), e.g. 2021, 2023Q1 or 202301; default the earliest.")
            .Argument<StringGraphType>("to", "Last period (截止期), e.g. 2024; default the latest.")
            .ResolveAsync(async c =>
            {
                RequestScope.RequireIndicatorRead(c.Source.Level);
                var indicator = await c.RequestServices!.GetRequiredService<IndicatorDirectory>().GetAsync(c.GetArgument<string>("indicator"));
                var request = SeriesRequest.Create(indicator, c.GetArgument<PeriodGrain?>("grain"), c.GetArgument<string?>("from"), c.GetArgument<string?>("to"));
                return c.RequestServices!.GetRequiredService<SeriesLoaders>().For(request).Load(c.Source.AreaCode).Then(EmptyIfNull);
            });
    }

    private static AreaLoaders Loaders(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<AreaLoaders>();

    private static IReadOnlyList<T> EmptyIfNull<T>(IReadOnlyList<T>? list) => list ?? [];
}
