using System.CommandLine;
using System.Globalization;
using Governance.Etl.Rollups;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Etl.Commands;

/// <summary><c>governance rollups rebuild|check</c>: the agg_* tables the engine answers from.</summary>
internal static class RollupsCommand
{
    public static Command Create()
    {
        var command = new Command("rollups", "Roll-ups (agg_* tables): totals per input, area and period that loads keep exact and the engine answers from.");
        command.Subcommands.Add(Rebuild());
        command.Subcommands.Add(Check());
        return command;
    }

    private static Command Rebuild()
    {
        var command = new Command("rebuild", "Make every roll-up again from the facts and the areas, in one transaction; the warehouse version advances.");
        command.SetAction(async (_, cancellationToken) =>
        {
            using var host = await EtlHost.BuildCurrentAsync(cancellationToken);
            var rows = await host.Services.GetRequiredService<RollupJobs>().RebuildAsync(line => Console.WriteLine($"  {line}"), cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Roll-ups rebuilt: {rows:N0} rows."));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Check()
    {
        var command = new Command("check", "Recompute every roll-up from the facts and compare with the stored ones; exit 1 on any difference or when they are out of use.");
        command.SetAction(async (_, cancellationToken) =>
        {
            using var host = await EtlHost.BuildCurrentAsync(cancellationToken);
            var result = await host.Services.GetRequiredService<RollupJobs>().CheckAsync(cancellationToken);
            foreach (var difference in result.Differences)
            {
                Console.WriteLine($"  {difference}");
            }

            if (result.DifferenceCount > result.Differences.Count)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ... and {result.DifferenceCount - result.Differences.Count:N0} more"));
            }

            if (!result.IsCurrent)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Roll-ups are out of use: exact at warehouse version {result.RollupVersion}, the warehouse is at {result.WarehouseVersion} (maintenance was off, or a change bypassed it); the engine reads the facts. Run `governance rollups rebuild`."));
            }

            Console.WriteLine(result.DifferenceCount == 0
                ? string.Create(CultureInfo.InvariantCulture, $"Roll-ups equal the facts: {result.RowsCompared:N0} rows recomputed.")
                : string.Create(CultureInfo.InvariantCulture, $"Roll-ups differ from the facts: {result.DifferenceCount:N0} difference{(result.DifferenceCount == 1 ? "" : "s")} in {result.RowsCompared:N0} rows recomputed."));
            return result.IsEqual ? ExitCodes.Success : ExitCodes.Rejected;
        });
        return command;
    }
}
