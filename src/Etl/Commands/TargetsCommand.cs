using System.CommandLine;
using Governance.Etl.Loading;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Etl.Commands;

/// <summary><c>targets &lt;file&gt;...</c>: area_code, indicator, period, target into fct_target.</summary>
internal static class TargetsCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Target files (CSV or XLSX): area_code, indicator, period, target." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and report; change nothing." };
        var command = new Command("targets", "Load targets (目标值) per area, indicator and period.");
        command.Arguments.Add(files);
        command.Options.Add(dryRun);
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new LoadOptions(DryRun: parse.GetValue(dryRun));
            return FileCommand.RunAsync(parse.GetValue(files) ?? [], (services, path, progress, ct) => services.GetRequiredService<TargetFileLoader>().LoadAsync(path, options with { Progress = progress }, ct), cancellationToken);
        });
        return command;
    }
}
