namespace Governance.Api.Tests.Support;

/// <summary>
/// Tests that read <c>/metrics</c>: OpenTelemetry subscribes to meters by name in the whole process, so an API of another
/// test running beside them would add to their figures. They run alone.
/// </summary>
[CollectionDefinition(nameof(ProcessWideMetrics), DisableParallelization = true)]
public sealed class ProcessWideMetrics;
