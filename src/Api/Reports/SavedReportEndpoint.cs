using System.Text.Encodings.Web;
using System.Text.Json;
using Governance.Api.Exports;
using Governance.Api.GraphQL;
using Governance.Api.GraphQL.Faults;
using Governance.Api.GraphQL.Limits;
using Governance.Api.Security;
using Governance.Etl.Reports;
using Governance.Warehouse.Reports;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;

namespace Governance.Api.Reports;

/// <summary>
/// Saved reports on GET, for BI tools that send credentials only with GET and refresh a static URL:
/// <c>GET /reports/{name}.csv|.xlsx|.json|.ndjson?variable=...</c> runs the report's query with the variables of the
/// query string through the same pipeline as <c>/graphql</c> (access gate, limits per caller, complexity, the caller's
/// scope) and answers the table; <c>GET /reports</c> lists the reports. Unknown report or format 404, bad variables 400
/// naming them, no credentials 401 (the access gate).
/// </summary>
public static class SavedReportEndpoint
{
    public const string NotFound = "NOT_FOUND";

    private static readonly IValidationRule[] GetRules = [.. DocumentValidator.CoreRules, GetQueriesOnlyRule.Instance];

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static WebApplication MapSavedReports(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(GatedPaths.Reports, ListAsync);
        app.MapGet(GatedPaths.Reports + "/{file}", RunAsync);
        return app;
    }

    /// <summary>Every report: its name, title, variables (name, type, required) and URLs. Any caller may run any report; its scope decides what the rows hold.</summary>
    private static async Task ListAsync(HttpContext http, SavedReportStore store, IGraphQLTextSerializer serializer)
    {
        IReadOnlyList<SavedReport> reports;
        try
        {
            reports = await store.ListAsync(http.RequestAborted);
        }
        catch (Exception e) when (DatabaseFaults.IsUnavailable(e))
        {
            await UnavailableAsync(http, serializer, e);
            return;
        }

        var listed = reports.Select(r =>
        {
            var (document, problem) = TryParse(r.Document);
            return new
            {
                r.Name,
                r.Title,
                Variables = document?.Variables.Select(v => new { v.Name, v.Type, v.IsRequired }),
                Problem = problem,
                Urls = Enum.GetValues<ExportFormat>().ToDictionary(f => f.Name(), f => $"{GatedPaths.Reports}/{r.Name}.{f.Name()}", StringComparer.Ordinal),
                r.UpdatedAt,
            };
        });
        http.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(http.Response.Body, new { reports = listed }, Json, http.RequestAborted);
    }

    private static async Task RunAsync(HttpContext http, string file, SavedReportStore store, IDocumentExecuter<ISchema> executer, IGraphQLTextSerializer serializer, ISchema schema)
    {
        var dot = file.LastIndexOf('.');
        var name = dot < 0 ? file : file[..dot];
        var format = dot < 0 ? null : ExportFormats.Parse(file[(dot + 1)..]);
        if (format is null)
        {
            await GraphQLResponseWriter.WriteExportProblemAsync(http, serializer, StatusCodes.Status404NotFound, NotFound,
                $"'{file}' names no format; ask for /reports/{name}.csv, .xlsx, .json or .ndjson.");
            return;
        }

        SavedReport? report;
        try
        {
            report = await store.FindAsync(name, http.RequestAborted);
        }
        catch (Exception e) when (DatabaseFaults.IsUnavailable(e))
        {
            await UnavailableAsync(http, serializer, e);
            return;
        }

        if (report is null)
        {
            await GraphQLResponseWriter.WriteExportProblemAsync(http, serializer, StatusCodes.Status404NotFound, NotFound, $"No report is named '{name}' (GET /reports lists them).");
            return;
        }

        var (export, exportProblem) = ExportRequest.Read(http.Request, format);
        var (document, documentProblem) = TryParse(report.Document);
        if (exportProblem is not null || document is null)
        {
            await GraphQLResponseWriter.WriteExportProblemAsync(http, serializer, StatusCodes.Status400BadRequest, "BAD_REQUEST", exportProblem ?? $"Report {name} cannot run: {documentProblem}");
            return;
        }

        if (!schema.Initialized)
        {
            schema.Initialize();
        }

        var (variables, problems) = ReportVariables.Read(name, document, http.Request.Query, schema);
        if (problems.Count > 0)
        {
            await GraphQLResponseWriter.WriteExportProblemAsync(http, serializer, StatusCodes.Status400BadRequest, "BAD_VARIABLES", string.Join(" ", problems));
            return;
        }

        ExecutionResult result;
        try
        {
            // Like any GraphQL request: a replica failing under the report makes it run again on the primary.
            result = await GraphQLEndpoint.ExecuteOnOneServerAsync(http, services => executer.ExecuteAsync(new ExecutionOptions
            {
                Query = report.Document,
                Variables = variables,
                ValidationRules = GetRules,
                UserContext = new Dictionary<string, object?>(RequestScope.UserContext(http)) { [LimitsExecution.SavedReportKey] = name },
                RequestServices = services,
                User = http.User,
                CancellationToken = http.RequestAborted,
            }));
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            http.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            return;
        }

        await TableExport.WriteAsync(http, serializer, export!, result, new ExportSource(report.Document, variables, document.OperationName, report.Name, report.Title));
    }

    private static (ReportDocument? Document, string? Problem) TryParse(string text)
    {
        try
        {
            return (ReportDocument.Parse(text), null);
        }
        catch (ReportDocumentException e)
        {
            return (null, e.Message);
        }
    }

    private static Task UnavailableAsync(HttpContext http, IGraphQLTextSerializer serializer, Exception e)
    {
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SavedReportEndpoint).FullName!).LogError(e, "Request {RequestId}: the warehouse did not answer the report lookup", http.TraceIdentifier);
        return GraphQLResponseWriter.WriteExportProblemAsync(http, serializer, StatusCodes.Status503ServiceUnavailable, DatabaseFaults.Code, DatabaseFaults.Message);
    }
}
