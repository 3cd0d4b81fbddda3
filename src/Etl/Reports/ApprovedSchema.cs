using System.Reflection;
using GraphQL.Types;

namespace Governance.Etl.Reports;

/// <summary>
/// The API's schema as the ETL knows it without the API: the approved SDL (<c>tests/Api.Tests/Schema/schema.approved.graphql</c>,
/// which a test keeps equal to the schema the API prints), embedded in this assembly. Saved reports are checked against it.
/// </summary>
public static class ApprovedSchema
{
    private static readonly Lazy<ISchema> Schema = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Governance.Etl.schema.graphql")
            ?? throw new InvalidOperationException("The approved schema is not embedded in Governance.Etl.");
        using var reader = new StreamReader(stream);
        var schema = global::GraphQL.Types.Schema.For(reader.ReadToEnd());
        schema.Initialize();
        return schema;
    });

    public static ISchema Instance => Schema.Value;
}
