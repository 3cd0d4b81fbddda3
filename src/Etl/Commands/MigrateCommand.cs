using System.CommandLine;
using Governance.Warehouse;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Etl.Commands;

internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Create or upgrade the warehouse and seed the indicator catalogue.");
        command.SetAction(async (_, cancellationToken) =>
        {
            using var host = EtlHost.Build();
            await host.Services.GetRequiredService<WarehouseMigrator>().MigrateAsync(cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }
}
