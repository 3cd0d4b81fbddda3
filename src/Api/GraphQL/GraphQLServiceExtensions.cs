using System.Text.Encodings.Web;
using Governance.Api.Exports;
using Governance.Api.GraphQL.Caching;
using Governance.Api.GraphQL.Limits;
using Governance.Api.GraphQL.Paging;
using Governance.Api.Schema.Analytics;
using Governance.Api.Schema.Areas;
using Governance.Api.Schema.Indicators;
using Governance.Api.Schema.Loading;
using Governance.Api.Schema.WarehouseState;
using GraphQL;

namespace Governance.Api.GraphQL;

public static class GraphQLServiceExtensions
{
    /// <summary>The GraphQL schema, its slices and the executer.</summary>
    public static WebApplicationBuilder AddGraphQLApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IQueryFields, IndicatorQueries>();
        builder.Services.AddSingleton<IQueryFields, AnalyticsQueries>();
        builder.Services.AddSingleton<IQueryFields, AreaQueries>();
        builder.Services.AddSingleton<IQueryFields, LoadBatchQueries>();
        builder.Services.AddSingleton<IQueryFields, WarehouseQueries>();
        builder.Services.AddOptions<AnswerCacheOptions>().BindConfiguration(AnswerCacheOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<AnswerCache>();
        builder.Services.AddSingleton<UnitCounts>();
        builder.Services.AddScoped<IndicatorDirectory>();
        builder.Services.AddScoped<AreaLoaders>();
        builder.Services.AddScoped<SeriesLoaders>();
        // Generic graph types are not found by AddGraphTypes; the schema resolves them from DI.
        builder.Services.AddSingleton(typeof(ConnectionType<,>));
        builder.Services.AddSingleton(typeof(EdgeType<,>));
        builder.Services.AddGraphQL(b => b
            .AddSchema<GovernanceSchema>()
            .AddSystemTextJson(o => o.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddGraphTypes(typeof(GovernanceSchema).Assembly)
            .AddUnhandledExceptionHandler(GraphQLErrors.Handle)
            .AddGovernanceLimits()
            .UseMiddleware<ArgumentBounds>()
            .AddErrorInfoProvider(o =>
            {
                o.ExposeExceptionDetails = false;
                o.ExposeCodes = false;
                o.ExposeData = false;
            }));
        return builder;
    }
}
