using System.CommandLine;
using Governance.Etl.Loading;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Etl.Commands;

/// <summary><c>areas &lt;file&gt;...</c>: division code lists into dim_area and dim_area_lineage.</summary>
internal static class AreasCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Area lists (CSV or XLSX): code, name, optional urban_rural, valid_from, valid_to, replaces." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and report; change nothing." };
        var command = new Command("areas", "Load division code lists (统计用区划代码): new areas, renames, re-classifications and merges.");
        command.Arguments.Add(files);
        command.Options.Add(dryRun);
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new LoadOptions(DryRun: parse.GetValue(dryRun));
            return FileCommand.RunAsync(parse.GetValue(files) ?? [], (services, path, progress, ct) => services.GetRequiredService<AreaFileLoader>().LoadAsync(path, options with { Progress = progress }, ct), cancellationToken);
        });
        return command;
    }
}
