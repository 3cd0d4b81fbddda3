using System.CommandLine;
using Governance.Etl.Loading;
using Governance.Warehouse.Dimensions;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Etl.Commands;

/// <summary><c>load &lt;file-or-folder&gt;... [--dry-run] [--skip-invalid-rows] [--period KEY]</c>: indicator reports.</summary>
internal static class LoadCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Report files (CSV, TSV, XLSX) or folders of them." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and report; write no facts (the batch is recorded as DryRun)." };
        var skipInvalid = new Option<bool>("--skip-invalid-rows") { Description = "Load the valid values of a file with rejected rows instead of rejecting it whole." };
        var period = new Option<string?>("--period") { Description = "Period of files without a period column: 2023, 2023Q2, 202305, 2023年5月, ..." };
        var command = new Command("load", "Load indicator reports (long or wide township templates) into the warehouse, one batch per file.");
        command.Arguments.Add(files);
        command.Options.Add(dryRun);
        command.Options.Add(skipInvalid);
        command.Options.Add(period);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var periodText = parse.GetValue(period);
            if (periodText is not null && !PeriodKey.TryParse(periodText, out _))
            {
                await Console.Error.WriteLineAsync($"--period '{periodText}' is not a period (use 2023, 2023Q2 or 202305).");
                return ExitCodes.UsageOrConfiguration;
            }

            var options = new LoadOptions(parse.GetValue(dryRun), parse.GetValue(skipInvalid), periodText);
            return await FileCommand.RunAsync(parse.GetValue(files) ?? [], (services, path, progress, ct) => services.GetRequiredService<IndicatorFileLoader>().LoadAsync(path, options with { Progress = progress }, ct), cancellationToken, ListFiles.CommandFor);
        });
        return command;
    }
}
