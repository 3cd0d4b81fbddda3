using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace Governance.Api.Tests.Support;

/// <summary>A Serilog sink a test registers in a host (<c>services.AddSingleton&lt;ILogEventSink&gt;(sink)</c>) to read what it logged.</summary>
public sealed class LogSink : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>The rendered messages of <paramref name="level"/> whose text starts with <paramref name="prefix"/>.</summary>
    public string[] Messages(LogEventLevel level, string prefix) =>
        [.. _events
            .Where(e => e.Level == level)
            .Select(e => e.RenderMessage(CultureInfo.InvariantCulture))
            .Where(m => m.StartsWith(prefix, StringComparison.Ordinal))];
}
