using System.CommandLine;
using Governance.Warehouse;
using Governance.Warehouse.Security;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Governance.Etl.Commands;

/// <summary><c>governance api-role</c>: creates or updates the PostgreSQL login the API runs as under row-level security.</summary>
internal static class ApiRoleCommand
{
    public const string PasswordVariable = "GOVERNANCE_API_ROLE_PASSWORD";

    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "The role's name.", DefaultValueFactory = _ => ApiDatabaseRole.DefaultName };
        var print = new Option<bool>("--print") { Description = "Print the SQL (password left as a placeholder) for a DBA instead of running it." };
        var command = new Command(
            "api-role",
            $"Create or update the PostgreSQL login for the API: no superuser, no BYPASSRLS, owns nothing, SELECT only. Runs on ConnectionStrings:Warehouse (the tables' owner, with CREATEROLE); the password comes from {PasswordVariable}. Idempotent.")
        {
            name, print,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var role = parse.GetValue(name)!;
            if (!ApiDatabaseRole.IsValidName(role))
            {
                await Console.Error.WriteLineAsync($"--name '{role}' must be lowercase letters, digits and underscores.");
                return ExitCodes.UsageOrConfiguration;
            }

            if (parse.GetValue(print))
            {
                Console.WriteLine(string.Join(";\n\n", ApiDatabaseRole.Statements(role, "<password>")) + ";");
                return ExitCodes.Success;
            }

            var password = Environment.GetEnvironmentVariable(PasswordVariable);
            if (string.IsNullOrEmpty(password))
            {
                await Console.Error.WriteLineAsync($"Set {PasswordVariable} to the role's password.");
                return ExitCodes.UsageOrConfiguration;
            }

            using var host = EtlHost.Build();
            var settings = host.Services.GetRequiredService<WarehouseSettings>();
            if (settings.Provider != WarehouseProvider.Postgres)
            {
                await Console.Error.WriteLineAsync($"api-role is for PostgreSQL; Warehouse:Provider is {settings.Provider}.");
                return ExitCodes.UsageOrConfiguration;
            }

            await using var connection = new NpgsqlConnection(settings.ConnectionString);
            try
            {
                await ApiDatabaseRole.ApplyAsync(connection, role, password, cancellationToken);
            }
            catch (PostgresException e)
            {
                await Console.Error.WriteLineAsync($"Role {role} not set up: {e.MessageText} (run it as the tables' owner with CREATEROLE, or give a DBA `governance api-role --print`).");
                return ExitCodes.UsageOrConfiguration;
            }

            Console.WriteLine($"Role {role} is ready on {connection.Database}: LOGIN, NOSUPERUSER, NOBYPASSRLS, SELECT only. Point the API at it: ConnectionStrings__Warehouse=\"...;Username={role};Password=...\" with Warehouse__MigrateOnStart=false.");
            return ExitCodes.Success;
        });
        return command;
    }
}
