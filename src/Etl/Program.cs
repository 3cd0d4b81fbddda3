using System.CommandLine;
using Governance.Etl;
using Governance.Etl.Commands;
using Governance.Warehouse;

var root = new RootCommand("governance: load township and village reports into the Governance warehouse.");
root.Subcommands.Add(MigrateCommand.Create());
root.Subcommands.Add(LoadCommand.Create());
root.Subcommands.Add(AreasCommand.Create());
root.Subcommands.Add(TargetsCommand.Create());
root.Subcommands.Add(DdlCommand.Create());
root.Subcommands.Add(KeysCommand.Create());
root.Subcommands.Add(ApiRoleCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(BatchesCommand.Create());
root.Subcommands.Add(ScheduleCommand.Create());
root.Subcommands.Add(ReportsCommand.Create());
root.Subcommands.Add(RollupsCommand.Create());

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (WarehouseConfigurationException e)
{
    await Console.Error.WriteLineAsync($"Configuration error: {e.Message}");
    return ExitCodes.UsageOrConfiguration;
}
catch (WarehouseNotMigratedException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return ExitCodes.UsageOrConfiguration;
}
catch (OperationCanceledException)
{
    await Console.Error.WriteLineAsync("Cancelled.");
    return ExitCodes.Failed;
}
catch (Exception e)
{
    return await FailureLog.ReportAsync(e, args);
}
