using GraphQL.Types;

namespace Governance.Api.GraphQL;

/// <summary>
/// The Governance GraphQL schema. Introspection answers every option of graphql-js's introspection query but the
/// experimental directive deprecation: repeatable directives, deprecated arguments and input fields, <c>isOneOf</c>,
/// the schema's description, and <c>specifiedByURL</c> (see <see cref="SpecIntrospection"/>).
/// </summary>
public sealed class GovernanceSchema : global::GraphQL.Types.Schema
{
    public GovernanceSchema(IServiceProvider services, QueryType query)
        : base(services)
    {
        Query = query;
        Description = "Governance: grassroots governance indicators (基层党建与治理指标) for counties, townships and villages.";
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
    }

    protected override void OnBeforeInitializeType(IGraphType graphType)
    {
        base.OnBeforeInitializeType(graphType);
        SpecIntrospection.Extend(graphType);
    }
}
