using System.CommandLine;
using Governance.Etl.Demo;
using Governance.Etl.Terminal;
using Governance.Warehouse;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Etl.Commands;

internal static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Directory to write the demo county into.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the generator: the same seed writes the same files.", DefaultValueFactory = _ => DemoOptions.DefaultSeed };
        var townships = new Option<int>("--townships") { Description = "Townships in the county (streets, towns and townships).", DefaultValueFactory = _ => 12 };
        var villages = new Option<int>("--villages-per-township") { Description = "Villages per township; communities are a quarter of that.", DefaultValueFactory = _ => 16 };
        var from = new Option<int>("--from") { Description = "First year reported.", DefaultValueFactory = _ => 2019 };
        var to = new Option<int>("--to") { Description = "Last year reported.", DefaultValueFactory = _ => 2024 };
        var load = new Option<bool>("--load") { Description = "Then migrate the warehouse and load the areas, every clean file and the targets through the loaders." };
        var command = new Command("demo", "Write a realistic demo county as townships would send it: areas, long CSVs, XLSX templates, a GB18030 CSV, targets and a dirty file.")
        {
            output, seed, townships, villages, from, to, load,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new DemoOptions(parse.GetValue(output)!, parse.GetValue(seed), parse.GetValue(townships), parse.GetValue(villages), parse.GetValue(from), parse.GetValue(to));
            if (options.Problem() is { } problem)
            {
                await Console.Error.WriteLineAsync(problem);
                return ExitCodes.UsageOrConfiguration;
            }

            var written = DemoWriter.Write(DemoData.Generate(options));
            foreach (var file in written.Files)
            {
                Console.WriteLine($"{Path.GetRelativePath(options.OutputDirectory, file.Path),-44} {file.Kind,-8} {file.Rows,8} rows {file.Values,8} values");
            }

            Console.WriteLine($"{written.Data.County.All.Count()} areas, {written.Data.Values.Count} values, {written.Data.MissingReports.Count} missing reports, {written.Problems.Count} problems planted in {DemoWriter.DirtyFile}.");
            return parse.GetValue(load) ? await LoadAsync(written, cancellationToken) : ExitCodes.Success;
        });
        return command;
    }

    private static async Task<int> LoadAsync(DemoOutput written, CancellationToken cancellationToken)
    {
        using var host = EtlHost.Build();
        await host.Services.GetRequiredService<WarehouseMigrator>().MigrateAsync(cancellationToken);
        var loader = host.Services.GetRequiredService<DemoLoader>();
        var files = DemoLoader.LoadOrder(written).ToDictionary(f => f.Path, StringComparer.Ordinal);
        var results = await LoadProgressDisplay.RunAsync(
            OperatorConsole.ForStandardOutput(), OperatorConsole.IsTerminal, [.. files.Keys], (path, progress) => loader.LoadAsync(files[path], progress, cancellationToken), result => LoadReportWriter.Write(Console.Out, result));
        return LoadReportWriter.ExitCode(results);
    }
}
