using System.CommandLine;
using Governance.Warehouse;
using Governance.Warehouse.Schema;

namespace Governance.Etl.Commands;

internal static class DdlCommand
{
    public static Command Create()
    {
        var root = new Option<DirectoryInfo>("--repository") { Description = "Repository root whose sql/ folder receives the scripts (default: the one holding the current directory).", DefaultValueFactory = _ => new DirectoryInfo(DefaultPaths.RepositoryRoot(Directory.GetCurrentDirectory()) ?? Directory.GetCurrentDirectory()) };
        var command = new Command("ddl", "Regenerate sql/<provider>/schema.sql for every provider from the migrations (no server needed).") { root };
        command.SetAction(parseResult =>
        {
            foreach (var path in DdlScripts.WriteAll(parseResult.GetValue(root)!.FullName))
            {
                Console.WriteLine(path);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
