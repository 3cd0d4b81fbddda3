using System.CommandLine;
using System.Globalization;
using Governance.Warehouse.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Etl.Commands;

/// <summary><c>governance keys create|list|revoke</c>: API keys for BI tools and scheduled jobs.</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var command = new Command("keys", "Manage API keys (sent in the X-Api-Key header); the warehouse keeps only their SHA-256.");
        command.Subcommands.Add(CreateKey());
        command.Subcommands.Add(ListKeys());
        command.Subcommands.Add(RevokeKey());
        return command;
    }

    private static Command CreateKey()
    {
        var name = new Option<string>("--name") { Description = "Who or what uses the key, e.g. 'finance-bi'.", Required = true };
        var areas = new Option<string>("--area") { Description = "12-digit area code(s) the key may see, comma-separated; each includes everything under it.", Required = true };
        var role = new Option<string>("--role") { Description = "viewer, analyst, operator or admin.", Required = true };
        var trusted = new Option<bool>("--trusted-documents-only") { Description = "The key may only run registered trusted documents." };
        var command = new Command("create", "Issue a key; it is printed once, alone on the last line, and cannot be shown again.") { name, areas, role, trusted };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var roleText = parse.GetValue(role)!;
            if (!AccessRoles.TryParse(roleText, out var parsedRole))
            {
                await Console.Error.WriteLineAsync($"--role {AccessRoles.Problem(roleText)}");
                return ExitCodes.UsageOrConfiguration;
            }

            var codes = parse.GetValue(areas)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            using var host = await EtlHost.BuildCurrentAsync(cancellationToken);
            try
            {
                var (key, secret) = await host.Services.GetRequiredService<ApiKeyStore>().CreateAsync(parse.GetValue(name)!, parsedRole, codes, parse.GetValue(trusted), cancellationToken);
                Console.WriteLine($"Key {key.ApiKeyId} '{key.Name}': {key.Role.ToString().ToLowerInvariant()} of {key.AreaCodes}. Store it now; it is not shown again:");
                Console.WriteLine(secret);
                return ExitCodes.Success;
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync($"--area or --name: {e.Message}");
                return ExitCodes.UsageOrConfiguration;
            }
        });
        return command;
    }

    private static Command ListKeys()
    {
        var command = new Command("list", "List keys: id, name, role, areas, created and revoked times (never the keys).");
        command.SetAction(async (_, cancellationToken) =>
        {
            using var host = await EtlHost.BuildCurrentAsync(cancellationToken);
            var keys = await host.Services.GetRequiredService<ApiKeyStore>().ListAsync(cancellationToken);
            Console.WriteLine($"{"id",6}  {"name",-24} {"role",-8} {"created",-20} {"revoked",-20} areas");
            foreach (var key in keys)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key.ApiKeyId,6}  {key.Name,-24} {key.Role.ToString().ToLowerInvariant(),-8} {key.CreatedAt.UtcDateTime,-20:yyyy-MM-dd HH:mm:ss} {key.RevokedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-",-20} {key.AreaCodes}{(key.IsTrustedDocumentsOnly ? " (trusted documents only)" : "")}"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command RevokeKey()
    {
        var id = new Argument<long>("id") { Description = "The key's id, as `keys list` shows it." };
        var command = new Command("revoke", "Revoke a key: requests with it are refused from then on.") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await EtlHost.BuildCurrentAsync(cancellationToken);
            var keyId = parse.GetValue(id);
            if (!await host.Services.GetRequiredService<ApiKeyStore>().RevokeAsync(keyId, cancellationToken))
            {
                await Console.Error.WriteLineAsync($"No active key has id {keyId}.");
                return ExitCodes.UsageOrConfiguration;
            }

            Console.WriteLine($"Key {keyId} revoked.");
            return ExitCodes.Success;
        });
        return command;
    }
}
