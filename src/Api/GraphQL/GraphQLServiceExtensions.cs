using Governance.Api.Schema.Indicators;
using GraphQL;

namespace Governance.Api.GraphQL;

public static class GraphQLServiceExtensions
{
    /// <summary>The GraphQL schema, its slices and the executer.</summary>
    public static WebApplicationBuilder AddGraphQLApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IQueryFields, IndicatorQueries>();
        builder.Services.AddGraphQL(b => b
            .AddSchema<GovernanceSchema>()
            .AddSystemTextJson()
            .AddGraphTypes(typeof(GovernanceSchema).Assembly)
            .AddErrorInfoProvider(o => o.ExposeExceptionDetails = false));
        return builder;
    }
}
