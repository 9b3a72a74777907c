using CampaignPS.Bench.Infrastructure;

namespace CampaignPS.Bench.Scenarios;

/// <summary>One benchmark scenario of issue 5: runs against its own sandbox and reports its figures and bounds.</summary>
internal interface IBenchScenario
{
    int Number { get; }

    string Name { get; }

    Task<ScenarioReport> RunAsync();
}
