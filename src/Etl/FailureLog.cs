using System.Globalization;

namespace Governance.Etl;

/// <summary>An exception no command handled: one line for the operator, the whole exception in a file for whoever fixes it.</summary>
internal static class FailureLog
{
    public static async Task<int> ReportAsync(Exception exception, IReadOnlyList<string> arguments, TextWriter? error = null, string? folder = null)
    {
        error ??= Console.Error;
        var file = Path.Combine(folder ?? Path.GetTempPath(), $"governance-error-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture)}.log");
        var where = $"details in {file}";
        try
        {
            await File.WriteAllTextAsync(file, $"governance {string.Join(' ', arguments)}\n{DateTimeOffset.UtcNow:O}\n{exception}\n");
        }
        catch (IOException e)
        {
            where = $"no log written ({e.Message})";
        }
        catch (UnauthorizedAccessException e)
        {
            where = $"no log written ({e.Message})";
        }

        await error.WriteLineAsync($"Failed: {Describe(exception)} ({where}).");
        return ExitCodes.Failed;
    }

    /// <summary>The innermost message, which says what went wrong (a wrapper's says only that something did), on one line.</summary>
    private static string Describe(Exception exception)
    {
        var inner = exception;
        while (inner.InnerException is not null && inner is AggregateException or System.Reflection.TargetInvocationException or InvalidOperationException { InnerException: System.Data.Common.DbException })
        {
            inner = inner.InnerException;
        }

        return $"{inner.GetType().Name}: {inner.Message}".ReplaceLineEndings(" ");
    }
}
