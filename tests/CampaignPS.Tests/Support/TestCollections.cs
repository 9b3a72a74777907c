using Xunit;

namespace CampaignPS.Tests.Support;

/// <summary>
/// Tests that load the CPU heavily (thousands of leads serialised and parsed) run on their own,
/// after the parallel collections, so that they cannot delay the requests of timing-sensitive
/// tests elsewhere (client-side pacing against a sliding-window server limit).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyLoadCollection
{
    public const string Name = "Heavy load, run alone";
}

/// <summary>
/// Tests that measure pacing against an in-process sandbox: run alone, because a sandbox starved of threads by tests
/// running beside it admits requests late and bunched, which no client-side pacing can undo.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Timing, run alone";
}

/// <summary>
/// The Smartlead after-launch engine tests run one class at a time: each starts its own sandbox, and together in parallel
/// they would crowd the timing-sensitive tests of the other collections.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SmartleadAfterLaunchCollection
{
    public const string Name = "Smartlead after launch";
}
