using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Governance.Etl.Loading;

/// <summary>
/// Wall-clock time of each phase of one load, and the CPU time this process spent in it (SQLite's work included; a
/// server engine's not), for the operator's log line: where a slow load spends its time, even on a busy machine.
/// </summary>
internal sealed class LoadPhases
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(string Name, TimeSpan Took, TimeSpan Cpu)> _phases = [];
    private TimeSpan _last;
    private TimeSpan _lastCpu = Cpu();

    /// <summary>Ends the phase running since the previous mark (or the start) under this name.</summary>
    public void Mark(string name)
    {
        var (now, cpu) = (_clock.Elapsed, Cpu());
        _phases.Add((name, now - _last, cpu - _lastCpu));
        (_last, _lastCpu) = (now, cpu);
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (name, took, cpu) in _phases)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(text.Length == 0 ? "" : ", ")}{name} {took.TotalSeconds:0.00} s (CPU {cpu.TotalSeconds:0.00} s)");
        }

        return text.ToString();
    }

    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
