using System.CommandLine;
using System.Globalization;
using Governance.Etl.Reports;
using Governance.Warehouse.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Etl.Commands;

/// <summary><c>governance reports add|list|show|remove</c>: saved reports, served at <c>GET /reports/{name}.csv|.xlsx|.json</c>.</summary>
internal static class ReportsCommand
{
    public static Command Create()
    {
        var command = new Command("reports", "Manage saved reports: named GraphQL queries served at GET /reports/NAME.csv, .xlsx, .json and .ndjson, variables from the query string.");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Remove());
        return command;
    }

    private static Command Add()
    {
        var name = new Argument<string>("name") { Description = "The report's name in its URL: lower-case letters, digits, '-' and '_', e.g. village-income." };
        var file = new Argument<FileInfo>("file") { Description = "A .graphql file with one query; its variables become the URL's query parameters." };
        var title = new Option<string?>("--title") { Description = "What the report shows, e.g. '村集体经营性收入'; the workbook's title." };
        var command = new Command("add", "Add a report, or replace the one of that name; the document is checked against the API's schema first.") { name, file, title };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var reportName = parse.GetValue(name)!;
            var path = parse.GetValue(file)!;
            var reportTitle = parse.GetValue(title);
            if (!SavedReportStore.IsValidName(reportName))
            {
                await Console.Error.WriteLineAsync($"Report name '{reportName}' must be 1 to {SavedReportStore.MaxNameLength} lower-case letters, digits, '-' and '_', starting with a letter or digit.");
                return ExitCodes.UsageOrConfiguration;
            }

            if (reportTitle?.Length > SavedReportStore.MaxTitleLength)
            {
                await Console.Error.WriteLineAsync($"--title has {reportTitle.Length} characters; at most {SavedReportStore.MaxTitleLength} are allowed.");
                return ExitCodes.UsageOrConfiguration;
            }

            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"{path.FullName}: no such file.");
                return ExitCodes.UsageOrConfiguration;
            }

            var text = await File.ReadAllTextAsync(path.FullName, cancellationToken);
            ReportDocument document;
            try
            {
                document = ReportDocument.Parse(text);
            }
            catch (ReportDocumentException e)
            {
                await Console.Error.WriteLineAsync($"{path.FullName}: {e.Message}");
                return ExitCodes.UsageOrConfiguration;
            }

            var problems = await document.ProblemsAsync(ApprovedSchema.Instance);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await Console.Error.WriteLineAsync($"{path.FullName}: {problem}");
                }

                return ExitCodes.UsageOrConfiguration;
            }

            using var host = await EtlHost.BuildCurrentAsync(cancellationToken);
            var created = await host.Services.GetRequiredService<SavedReportStore>().SaveAsync(reportName, reportTitle, text, cancellationToken);
            Console.WriteLine($"Report {reportName} {(created ? "added" : "replaced")}: GET /reports/{reportName}.csv{Example(document)} (also .xlsx, .json, .ndjson).");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List the saved reports: name, variables, last change and title.");
        command.SetAction(async (_, cancellationToken) =>
        {
            using var host = await EtlHost.BuildCurrentAsync(cancellationToken);
            var reports = await host.Services.GetRequiredService<SavedReportStore>().ListAsync(cancellationToken);
            Console.WriteLine($"{"name",-28} {"updated",-20} {"variables",-40} title");
            foreach (var report in reports)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.Name,-28} {report.UpdatedAt.UtcDateTime,-20:yyyy-MM-dd HH:mm:ss} {Variables(report.Document),-40} {report.Title ?? "-"}"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show()
    {
        var name = new Argument<string>("name") { Description = "The report's name." };
        var command = new Command("show", "Show a report: its title, URL, variables and document.") { name };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var reportName = parse.GetValue(name)!;
            using var host = await EtlHost.BuildCurrentAsync(cancellationToken);
            var report = await host.Services.GetRequiredService<SavedReportStore>().FindAsync(reportName, cancellationToken);
            if (report is null)
            {
                await Console.Error.WriteLineAsync($"No report is named '{reportName}' (governance reports list shows them).");
                return ExitCodes.UsageOrConfiguration;
            }

            Console.WriteLine($"name:      {report.Name}");
            Console.WriteLine($"title:     {report.Title ?? "-"}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"created:   {report.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"updated:   {report.UpdatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC"));
            Console.WriteLine($"variables: {Variables(report.Document)}");
            Console.WriteLine($"url:       /reports/{report.Name}.csv{Example(TryParse(report.Document))} (also .xlsx, .json, .ndjson)");
            Console.WriteLine();
            Console.WriteLine(report.Document.TrimEnd());
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Remove()
    {
        var name = new Argument<string>("name") { Description = "The report's name." };
        var command = new Command("remove", "Remove a report: its URL answers 404 from then on.") { name };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var reportName = parse.GetValue(name)!;
            using var host = await EtlHost.BuildCurrentAsync(cancellationToken);
            if (!await host.Services.GetRequiredService<SavedReportStore>().RemoveAsync(reportName, cancellationToken))
            {
                await Console.Error.WriteLineAsync($"No report is named '{reportName}'.");
                return ExitCodes.UsageOrConfiguration;
            }

            Console.WriteLine($"Report {reportName} removed.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static ReportDocument? TryParse(string text)
    {
        try
        {
            return ReportDocument.Parse(text);
        }
        catch (ReportDocumentException)
        {
            return null;
        }
    }

    private static string Variables(string text) => TryParse(text) is { } document
        ? document.Variables.Count == 0 ? "-" : string.Join(", ", document.Variables.Select(v => $"{v.Name}: {v.Type}"))
        : "(does not parse)";

    /// <summary>The query string a URL gives the required variables, as placeholders: <c>?year=Int&amp;within=String</c>.</summary>
    private static string Example(ReportDocument? document)
    {
        var required = document?.Variables.Where(v => v.IsRequired).ToList() ?? [];
        return required.Count == 0 ? "" : "?" + string.Join('&', required.Select(v => $"{v.Name}=<{v.NamedType}>"));
    }
}
