using System.CommandLine;
using Governance.Etl.Batches;
using Governance.Etl.Terminal;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Etl.Commands;

/// <summary><c>batches [--last N]</c> and <c>batches show ID</c>: what the loads did.</summary>
internal static class BatchesCommand
{
    public static Command Create()
    {
        var last = new Option<int>("--last") { Description = "How many of the most recent loads to list.", DefaultValueFactory = _ => 20 };
        var command = new Command("batches", "List recent loads: file, status, counts, start and duration.") { last };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(last);
            if (count < 1)
            {
                await Console.Error.WriteLineAsync($"--last is {count}; it must be at least 1.");
                return ExitCodes.UsageOrConfiguration;
            }

            using var host = await EtlHost.BuildCurrentAsync(cancellationToken);
            var batches = await host.Services.GetRequiredService<BatchQueries>().RecentAsync(count, cancellationToken);
            BatchReport.WriteList(OperatorConsole.ForStandardOutput(), batches);
            return ExitCodes.Success;
        });

        var id = new Argument<long>("id") { Description = "The batch id (first column of `governance batches`)." };
        var show = new Command("show", "One load with every reject and warning.") { id };
        show.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await EtlHost.BuildCurrentAsync(cancellationToken);
            var detail = await host.Services.GetRequiredService<BatchQueries>().FindAsync(parse.GetValue(id), cancellationToken);
            if (detail is null)
            {
                await Console.Error.WriteLineAsync($"No load batch {parse.GetValue(id)}.");
                return ExitCodes.UsageOrConfiguration;
            }

            BatchReport.WriteDetail(OperatorConsole.ForStandardOutput(), detail);
            return ExitCodes.Success;
        });
        command.Subcommands.Add(show);
        return command;
    }
}
