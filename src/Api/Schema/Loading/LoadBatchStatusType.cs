using Governance.Warehouse.Loading;
using GraphQL.Types;

namespace Governance.Api.Schema.Loading;

/// <summary>State of a load batch.</summary>
public sealed class LoadBatchStatusType : EnumerationGraphType<LoadBatchStatus>
{
    public LoadBatchStatusType()
    {
        Name = "LoadBatchStatus";
        Description = "State of a load batch (批次状态).";
        Values["RUNNING"]!.Description = "Started and not finished (进行中).";
        Values["LOADED"]!.Description = "Every row, or every valid row, is in the warehouse (已入库).";
        Values["REJECTED"]!.Description = "Rejected whole: nothing was written but the batch and its rejects (整批退回).";
        Values["DRY_RUN"]!.Description = "Validated without writing (试运行).";
        Values["FAILED"]!.Description = "Stopped by an error that was not the file's fault (失败).";
        Values["SKIPPED"]!.Description = "The same file was already loaded (重复文件, 已跳过).";
    }
}
