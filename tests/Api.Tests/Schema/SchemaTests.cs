using Governance.Api.Tests.Support;
using Governance.TestSupport;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Schema;

public sealed class SchemaTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly string Approved = Repository.PathOf("tests", "Api.Tests", "Schema", "schema.approved.graphql");

    [Fact]
    public void PrintedSchemaMatchesTheApprovedSnapshot()
    {
        var printed = Schema().Print().ReplaceLineEndings("\n");
        var received = Path.ChangeExtension(Approved, ".received.graphql");
        if (Repository.UpdateSnapshots)
        {
            File.WriteAllText(Approved, printed);
        }

        var approved = File.Exists(Approved) ? File.ReadAllText(Approved).ReplaceLineEndings("\n") : "";
        if (approved != printed)
        {
            File.WriteAllText(received, printed);
            Assert.Fail($"The schema differs from {Approved}; compare with {received}, and run with GOVERNANCE_UPDATE_SNAPSHOTS=1 to approve it.");
        }

        File.Delete(received);
    }

    [Fact]
    public void EveryTypeFieldArgumentAndEnumValueHasADescription()
    {
        var missing = new List<string>();
        foreach (var type in Schema().AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && t is not ScalarGraphType))
        {
            Check(type.Name, type.Description);
            if (type is IComplexGraphType complex)
            {
                foreach (var field in complex.Fields)
                {
                    Check($"{type.Name}.{field.Name}", field.Description);
                    foreach (var argument in field.Arguments ?? [])
                    {
                        Check($"{type.Name}.{field.Name}({argument.Name})", argument.Description);
                    }
                }
            }

            if (type is EnumerationGraphType enumeration)
            {
                foreach (var value in enumeration.Values)
                {
                    Check($"{type.Name}.{value.Name}", value.Description);
                }
            }
        }

        Assert.Empty(missing);

        void Check(string name, string? description)
        {
            if (string.IsNullOrWhiteSpace(description))
            {
                missing.Add(name);
            }
        }
    }

    private ISchema Schema()
    {
        var schema = api.Factory.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        return schema;
    }
}
