using GraphQL;
using GraphQL.Introspection;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Governance.Api.GraphQL;

/// <summary>
/// The introspection fields of the current GraphQL specification draft that GraphQL.NET 8 lacks, so that every option of
/// graphql-js's <c>getIntrospectionQuery</c> (but the experimental directive deprecation) is answered:
/// <c>__Type.specifiedByURL</c> (null: no scalar here names a specification) and <c>includeDeprecated</c> on
/// <c>__Directive.args</c> (GraphQL.NET has it on field arguments and input fields only).
/// Applied to the introspection types as the schema initializes them.
/// </summary>
public static class SpecIntrospection
{
    public static void Extend(IGraphType type)
    {
        switch (type)
        {
            case __Type typeType when typeType.GetField("specifiedByURL") is null:
                typeType.AddField(new FieldType
                {
                    Name = "specifiedByURL",
                    Description = "The URL of the specification of a custom scalar (null here: none of this schema's scalars names one).",
                    Type = typeof(StringGraphType),
                    Resolver = new FuncFieldResolver<object?>(_ => null),
                });
                break;
            case __Directive directiveType when directiveType.GetField("args") is { } args && args.Arguments?.Find("includeDeprecated") is null:
                args.Arguments = new QueryArguments(new QueryArgument<BooleanGraphType> { Name = "includeDeprecated", DefaultValue = false });
                args.Resolver = new FuncFieldResolver<Directive, IEnumerable<QueryArgument>>(context =>
                    (context.Source.Arguments ?? []).Where(a => context.GetArgument<bool>("includeDeprecated") || string.IsNullOrWhiteSpace(a.DeprecationReason)));
                break;
        }
    }
}
