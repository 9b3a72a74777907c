namespace CampaignPS.Bench.Infrastructure;

/// <summary>One bound a scenario states (e.g. "achieved/limit >= 0.95") and whether this run met it.</summary>
internal sealed record BoundCheck(string Bound, string Actual, bool Passed);

/// <summary>
/// What one scenario measured: the figures every scenario reports (the list), extra
/// scenario-specific metrics, and its bounds. Written by the scenario, printed by <see cref="ReportPrinter"/>.
/// </summary>
internal sealed class ScenarioReport(int number, string name)
{
    private readonly List<BoundCheck> _bounds = [];
    private readonly List<KeyValuePair<string, double>> _metrics = [];

    public int Number { get; } = number;

    public string Name { get; } = name;

    public long Items { get; set; }

    public TimeSpan Elapsed { get; set; }

    /// <summary>Requests the server admitted (answered other than 429) during the measured run.</summary>
    public long Requests { get; set; }

    /// <summary>The rate limit the run was held to; null when it ran unlimited.</summary>
    public double? LimitPerSecond { get; set; }

    /// <summary>Requests per second of a short sequential run (throttle 1) of the same work in the same process.</summary>
    public double? SequentialPerSecond { get; set; }

    public long ItemsLost { get; set; }

    public long ItemsDuplicated { get; set; }

    public long PeakManagedBytes { get; set; }

    /// <summary>A short remark printed under the table (e.g. what the connection's rate limiter learned).</summary>
    public string? Note { get; set; }

    /// <summary>The one figure a scenario's repeated runs are summarised by (min/median/max), with its label.</summary>
    public (string Label, double Value)? Headline { get; set; }

    /// <summary>Set when the scenario could not finish; the run then counts as failed.</summary>
    public string? Error { get; set; }

    public double AchievedPerSecond => Elapsed > TimeSpan.Zero ? Requests / Elapsed.TotalSeconds : 0;

    public double? AchievedOverLimit => LimitPerSecond is { } limit ? AchievedPerSecond / limit : null;

    public double? AchievedOverSequential => SequentialPerSecond is { } sequential and > 0 ? AchievedPerSecond / sequential : null;

    public IReadOnlyList<BoundCheck> Bounds => _bounds;

    public IReadOnlyList<KeyValuePair<string, double>> Metrics => _metrics;

    public bool Passed => Error is null && _bounds.All(b => b.Passed);

    public void Metric(string name, double value) => _metrics.Add(new(name, value));

    public void Require(string bound, bool passed, string actual) => _bounds.Add(new BoundCheck(bound, actual, passed));

    /// <summary>Achieved requests per second at least <paramref name="fraction"/> of the limit.</summary>
    public void RequireAchievedOverLimit(double fraction) =>
        Require($"achieved/limit >= {fraction.ToString(System.Globalization.CultureInfo.InvariantCulture)}", AchievedOverLimit >= fraction,
            AchievedOverLimit?.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) ?? "-");

    /// <summary>The pipeline thread got every result, in input order.</summary>
    public void RequireInputOrder(PipelineRun run) => Require("results in input order", run.InInputOrder, run.InInputOrder ? "yes" : "no");

    /// <summary>The checks every scenario makes: nothing lost, nothing sent twice.</summary>
    public void RequireNothingLostOrDuplicated()
    {
        Require("items lost == 0", ItemsLost == 0, ItemsLost.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Require("items duplicated == 0", ItemsDuplicated == 0, ItemsDuplicated.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
