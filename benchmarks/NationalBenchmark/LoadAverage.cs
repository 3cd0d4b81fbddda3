using System.Globalization;

namespace Governance.NationalBenchmark;

/// <summary>
/// Samples the machine's one-minute load average (<c>/proc/loadavg</c>) every ten seconds for the length of the run, so
/// that the figures can be read against what else the shared cores were doing.
/// </summary>
internal sealed class LoadAverage : IAsyncDisposable
{
    private readonly List<double> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public LoadAverage()
    {
        _sampling = SampleAsync();
    }

    /// <summary>Lowest, mean and highest sample so far, or null where /proc does not say.</summary>
    public (double Min, double Mean, double Max)? Summary()
    {
        lock (_samples)
        {
            return _samples.Count == 0 ? null : (_samples.Min(), _samples.Average(), _samples.Max());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private static double? Read()
    {
        const string File = "/proc/loadavg";
        return System.IO.File.Exists(File) && double.TryParse(System.IO.File.ReadAllText(File).Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            if (Read() is { } load)
            {
                lock (_samples)
                {
                    _samples.Add(load);
                }
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(10), _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
