using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Governance.Etl.Loading;

/// <summary>Wall-clock time of each phase of one load, for the operator's log line (where a slow load spends its time).</summary>
internal sealed class LoadPhases
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(string Name, TimeSpan Took)> _phases = [];
    private TimeSpan _last;

    /// <summary>Ends the phase running since the previous mark (or the start) under this name.</summary>
    public void Mark(string name)
    {
        var now = _clock.Elapsed;
        _phases.Add((name, now - _last));
        _last = now;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (name, took) in _phases)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(text.Length == 0 ? "" : ", ")}{name} {took.TotalSeconds:0.00} s");
        }

        return text.ToString();
    }
}
