using Governance.Etl.Rollups;
using Governance.TestSupport;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Governance.Etl.Tests.Support;

/// <summary>Roll-up rows of a test warehouse by input signature, and the rebuild and check jobs on it.</summary>
public static class Rollups
{
    /// <summary>The signature of a base indicator read plainly (no weight, no threshold) as the engine names it.</summary>
    public static string Plain(string code, string rule) => $"{code}:{rule}|Inside||:";

    /// <summary>The row of an input at a level, area and period: value sum (10^-4), meeting count and units; null when absent.</summary>
    public static async Task<(long ValueSum, int Meeting, int Units)?> TotalAsync(TestWarehouse warehouse, string signature, PeriodGrain grain, int level, string area, int periodSk)
    {
        await using var db = warehouse.CreateDbContext();
        var row = await (
            from t in db.RollupTotals
            join i in db.RollupInputs on t.InputSk equals i.InputSk
            where i.Signature == signature && i.Grain == grain && t.AreaLevel == level && t.AreaCode == area && t.PeriodSk == periodSk
            select new { t.ValueSum, t.MeetingCount, t.UnitCount }).SingleOrDefaultAsync(TestContext.Current.CancellationToken);
        return row is null ? null : (row.ValueSum, row.MeetingCount, row.UnitCount);
    }

    public static async Task<int?> ExpectedAsync(TestWarehouse warehouse, CaptureLevel capture, PeriodGrain grain, int level, string area, int periodSk)
    {
        await using var db = warehouse.CreateDbContext();
        return await db.RollupExpected
            .Where(e => e.CaptureLevel == capture && e.Grain == grain && e.AreaLevel == level && e.AreaCode == area && e.PeriodSk == periodSk)
            .Select(e => (int?)e.UnitCount)
            .SingleOrDefaultAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<RollupState> StateAsync(TestWarehouse warehouse)
    {
        await using var db = warehouse.CreateDbContext();
        return await db.RollupStates.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
    }

    public static RollupJobs Jobs(TestWarehouse warehouse) => new(warehouse.Factory, NullLogger<RollupJobs>.Instance);

    /// <summary>Checks and asserts the roll-ups are current and equal to the facts, showing the differences when not.</summary>
    public static async Task AssertEqualToTheFactsAsync(TestWarehouse warehouse, string step)
    {
        var result = await Jobs(warehouse).CheckAsync(TestContext.Current.CancellationToken);
        Assert.True(result.IsEqual, $"{step}: {result.DifferenceCount} differences, exact at {result.RollupVersion} of {result.WarehouseVersion}\n{string.Join("\n", result.Differences)}");
    }
}
