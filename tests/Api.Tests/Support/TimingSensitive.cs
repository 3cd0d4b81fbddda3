namespace Governance.Api.Tests.Support;

/// <summary>
/// Tests that assert how fast the server answers while they load it: they run alone, not beside other test classes
/// that would take the same two cores.
/// </summary>
[CollectionDefinition(nameof(TimingSensitive), DisableParallelization = true)]
public sealed class TimingSensitive;
