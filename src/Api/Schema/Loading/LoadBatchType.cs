using System.Globalization;
using Governance.Api.GraphQL.Paging;
using Governance.Warehouse.Loading;
using Governance.Warehouse.Replicas;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Schema.Loading;

/// <summary>A loaded file, with its rejects and warnings paged.</summary>
public sealed class LoadBatchType : ObjectGraphType<LoadBatch>
{
    public LoadBatchType()
    {
        Name = "LoadBatch";
        Description = "One loaded file (导入批次): what the ETL read, wrote, rejected and flagged.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Identifier of the batch (批次号).").Resolve(c => c.Source.LoadBatchId.ToString(CultureInfo.InvariantCulture));
        Field<NonNullGraphType<LoadBatchKindType>>("kind").Description("What the file held (批次类型).").Resolve(c => c.Source.Kind);
        // Batches record the file's name alone; one loaded before that may hold a server path, which is not shown.
        Field<NonNullGraphType<StringGraphType>>("fileName").Description("File name (文件名).").Resolve(c => Path.GetFileName(c.Source.FileName));
        Field(b => b.FileSha256).Description("Lower-case hex SHA-256 of the file (文件摘要).");
        Field<NonNullGraphType<LoadBatchStatusType>>("status").Description("State of the batch (批次状态).").Resolve(c => c.Source.Status);
        Field(b => b.IsDryRun).Description("True for a validation without writing (试运行).");
        Field(b => b.RowsRead).Description("Rows read from the file (读取行数).");
        Field(b => b.RowsInserted).Description("Values inserted (新增行数).");
        Field(b => b.RowsUpdated).Description("Values restated (更新行数).");
        Field(b => b.RowsUnchanged).Description("Values already there and equal (未变行数).");
        Field(b => b.RowsRejected).Description("Rows rejected (退回行数).");
        Field(b => b.WarningCount).Description("Values flagged (预警数).");
        Field(b => b.Message, nullable: true).Description("Summary or reason of failure (说明).");
        Field(b => b.StartedAt).Description("When loading started (开始时间).");
        Field(b => b.FinishedAt, nullable: true).Description("When loading finished (结束时间); null while running.");
        Field<NonNullGraphType<ConnectionType<LoadRejectType, LoadReject>>>("rejects")
            .Description("The rejected rows (退回记录), in file order, paged.")
            .PagingArguments()
            .ResolveAsync(async c =>
            {
                await using var db = await Factory(c).CreateDbContextAsync(c.CancellationToken);
                return await db.LoadRejects.AsNoTracking().Where(r => r.LoadBatchId == c.Source.LoadBatchId)
                    .OrderBy(r => r.LineNumber).ThenBy(r => r.LoadRejectId).ToConnectionAsync(PageRequest.From(c), c.CancellationToken);
            });
        Field<NonNullGraphType<ConnectionType<LoadWarningType, LoadWarning>>>("warnings")
            .Description("The flagged values (预警), paged.")
            .PagingArguments()
            .ResolveAsync(async c =>
            {
                await using var db = await Factory(c).CreateDbContextAsync(c.CancellationToken);
                return await db.LoadWarnings.AsNoTracking().Where(w => w.LoadBatchId == c.Source.LoadBatchId)
                    .OrderBy(w => w.LoadWarningId).ToConnectionAsync(PageRequest.From(c), c.CancellationToken);
            });
    }

    private static WarehouseReadSession Factory(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<WarehouseReadSession>();
}
