using System.Globalization;

namespace Governance.Api.Hosting;

/// <summary>
/// <c>Api:MinimumThreads</c>: worker threads the thread pool starts without waiting. On two cores the pool starts two
/// and adds about one a second while work blocks (SQLite commands are synchronous), so <c>/health</c> and quick requests
/// would queue behind a caller's heavy ones; with a reserve they are served at once while the limits are being hit.
/// </summary>
internal static class ThreadPoolReserve
{
    public const string Setting = "Api:MinimumThreads";
    public const int Default = 64;

    public static WebApplicationBuilder ReserveThreads(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var text = builder.Configuration[Setting];
        var wanted = Default;
        if (!string.IsNullOrWhiteSpace(text) && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out wanted) || wanted is < 1 or > 4096))
        {
            throw new InvalidOperationException($"Setting {Setting} is '{text}': a number of worker threads from 1 to 4096 was expected.");
        }

        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        if (workers < wanted)
        {
            ThreadPool.SetMinThreads(wanted, Math.Max(completionPorts, wanted));
        }

        return builder;
    }
}
