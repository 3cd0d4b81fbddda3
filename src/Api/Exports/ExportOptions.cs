using System.ComponentModel.DataAnnotations;

namespace Governance.Api.Exports;

/// <summary>Settings under <c>Api:Exports</c>.</summary>
public sealed class ExportOptions
{
    public const string Section = "Api:Exports";

    /// <summary>Most rows one exported table may have; past it the answer is a 400 <c>TOO_MANY_ROWS</c> and no file.</summary>
    [Range(1, 10_000_000)]
    public int MaxRows { get; set; } = 100_000;
}
