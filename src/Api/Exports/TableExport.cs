using System.Text.Encodings.Web;
using System.Text.Json;
using Governance.Api.GraphQL;
using Governance.Api.GraphQL.Faults;
using Governance.Warehouse;
using Governance.Warehouse.Security;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Governance.Api.Exports;

/// <summary>
/// Writes an executed answer as a table. An answer with any error is the GraphQL error answer in JSON with a 4xx or 5xx
/// status, never a file; so is a table past <c>Api:Exports:MaxRows</c> or one that is not a table. Everything is decided
/// before the first byte goes out: once a file starts, it is written whole.
/// </summary>
public static class TableExport
{
    public const string TooManyRows = "TOO_MANY_ROWS";
    public const string NotTabular = "NOT_TABULAR";

    private const int RowsPerFlush = 64;
    private const int DrainBytes = 32 * 1024;

    private static readonly JsonSerializerOptions VariableJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpContext http, IGraphQLTextSerializer serializer, ExportRequest export, ExecutionResult result, ExportSource source)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(source);
        if (result.Errors is { Count: > 0 } || result.Data is null || result.Document is null || result.Operation is null)
        {
            await GraphQLResponseWriter.WriteExportErrorAsync(http, serializer, result);
            return;
        }

        var services = http.RequestServices;
        TableShape shape;
        try
        {
            shape = TableShape.Of(services.GetRequiredService<ISchema>(), result.Document, result.Operation, source.Variables);
        }
        catch (TableShapeException e)
        {
            await GraphQLResponseWriter.WriteExportProblemAsync(http, serializer, StatusCodes.Status400BadRequest, NotTabular, e.Message);
            return;
        }

        var max = services.GetRequiredService<IOptions<ExportOptions>>().Value.MaxRows;
        var count = shape.CountRows(result);
        if (count > max)
        {
            await GraphQLResponseWriter.WriteExportProblemAsync(http, serializer, StatusCodes.Status400BadRequest, TooManyRows,
                $"The table has {count:N0} rows; at most {max:N0} may be exported at once (Api:Exports:MaxRows). Ask for less (within, from and to, first), or page with first and after.");
            return;
        }

        WarehouseAsOf asOf;
        try
        {
            asOf = await WarehouseAsOf.ReadAsync(services.GetRequiredService<IDbContextFactory<WarehouseDbContext>>(), http.RequestAborted);
        }
        catch (Exception e) when (DatabaseFaults.IsUnavailable(e))
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TableExport).FullName!).LogError(e, "Request {RequestId}: the warehouse did not answer the load time", http.TraceIdentifier);
            await GraphQLResponseWriter.WriteExportProblemAsync(http, serializer, StatusCodes.Status503ServiceUnavailable, DatabaseFaults.Code, DatabaseFaults.Message);
            return;
        }

        var headings = shape.Columns.Select(c => c.Heading(export.Headings)).ToList();
        var pending = new PendingStream();
        using var writer = Create(export, pending, headings, () => shape.Rows(result), About(source, result, asOf));
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = writer.ContentType;
        response.Headers.CacheControl = "private, no-store";
        if (asOf.LoadedAt is { } loadedAt)
        {
            response.Headers.LastModified = HeaderUtilities.FormatDate(loadedAt);
        }

        if (export.Format is ExportFormat.Csv or ExportFormat.Xlsx)
        {
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName($"{FileName(source, result)}.{export.Format.Name()}");
            response.Headers.ContentDisposition = disposition.ToString();
        }

        await StreamAsync(writer, pending, headings, shape.Rows(result), response.Body, http.RequestAborted);
    }

    /// <summary>
    /// Writes the rows through <paramref name="writer"/> into <paramref name="pending"/> and drains it to
    /// <paramref name="body"/> whenever 32 KiB wait, so the file never sits in memory whatever its number of rows.
    /// </summary>
    public static async Task StreamAsync(TableWriter writer, PendingStream pending, IReadOnlyList<string> headings, IEnumerable<object?[]> rows, Stream body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(rows);
        writer.Begin(headings);
        var written = 0;
        foreach (var row in rows)
        {
            writer.Row(row);
            if (++written % RowsPerFlush == 0)
            {
                writer.Flush();
                if (pending.Pending >= DrainBytes)
                {
                    await pending.DrainAsync(body, cancellationToken);
                }
            }
        }

        writer.Finish();
        await pending.DrainAsync(body, cancellationToken);
    }

    private static TableWriter Create(ExportRequest export, PendingStream output, IReadOnlyList<string> headings, Func<IEnumerable<object?[]>> rows, ExportAbout about) => export.Format switch
    {
        ExportFormat.Csv => new CsvTableWriter(output, export.Gb18030),
        ExportFormat.Xlsx => new XlsxTableWriter(output, about, XlsxTableWriter.Widths(headings, rows())),
        ExportFormat.Json => new JsonTableWriter(output, lines: false),
        _ => new JsonTableWriter(output, lines: true),
    };

    private static ExportAbout About(ExportSource source, ExecutionResult result, WarehouseAsOf asOf) => new(
        source.Title ?? result.Operation?.Name?.StringValue ?? "GraphQL 查询 query",
        source.Report,
        source.Query,
        source.Variables is { Count: > 0 } variables ? JsonSerializer.Serialize(variables, VariableJson) : null,
        Scope(AccessScope.Current),
        asOf,
        TimeProvider.System.GetUtcNow());

    private static string Scope(AccessScope? scope) => scope is null
        ? "-"
        : $"{scope.Role.ToString().ToLowerInvariant()}: {(scope.IsEverything ? "全部区划 every area" : string.Join(", ", scope.AreaCodes))}";

    private static string FileName(ExportSource source, ExecutionResult result)
    {
        var name = source.Report ?? result.Operation?.Name?.StringValue ?? "governance";
        return string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
    }
}
