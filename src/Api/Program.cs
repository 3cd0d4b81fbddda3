using Governance.Api.GraphQL;
using Governance.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddGovernanceLogging();
builder.AddWarehouse();
builder.AddGraphQLApi();

var app = builder.Build();
app.UseGovernanceRequestLogging();
app.MapHealth();
app.MapGraphQLEndpoint();
await app.RunAsync();

/// <summary>Entry point, visible to the API tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
