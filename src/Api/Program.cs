using Governance.Api.GraphQL;
using Governance.Api.Hosting;
using Governance.Api.Reports;
using Governance.Api.Security;

var builder = WebApplication.CreateBuilder(args);
builder.ReserveThreads();
builder.AddGovernanceLogging();
builder.AddWarehouse();
builder.AddEtlHosting();
builder.AddGovernanceSecurity();
builder.AddGraphQLApi();
builder.AddGovernanceMetrics();

var app = builder.Build();
app.UseGovernanceForwardedHeaders();
app.UseGovernanceRequestLogging();
app.UseGovernanceSecurity();
app.UseGovernanceMetrics();
app.MapHealth();
app.MapDashboard();
app.MapGraphQLEndpoint();
app.MapSavedReports();
return await AddressInUse.RunAsync(app);

/// <summary>Entry point, visible to the API tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
