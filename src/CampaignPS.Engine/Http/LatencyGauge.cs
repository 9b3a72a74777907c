namespace CampaignPS.Engine.Http;

/// <summary>
/// A moving estimate of how long answers take (an exponentially weighted average of recent round trips, so a slow
/// minute is followed within a few requests). Thread-safe; null until the first answer.
/// </summary>
public sealed class LatencyGauge
{
    // Each new round trip counts for a fifth: a few answers move the estimate, one outlier does not take it over.
    private const double Weight = 0.2;

    private readonly object _gate = new object();
    private double? _averageTicks;

    /// <summary>The current estimate; null before the first answer.</summary>
    public TimeSpan? Estimate
    {
        get
        {
            lock (_gate)
            {
                return _averageTicks.HasValue ? TimeSpan.FromTicks((long)_averageTicks.Value) : (TimeSpan?)null;
            }
        }
    }

    /// <summary>Adds one round trip.</summary>
    public void Record(TimeSpan roundTrip)
    {
        if (roundTrip < TimeSpan.Zero)
        {
            return;
        }

        lock (_gate)
        {
            _averageTicks = _averageTicks.HasValue ? _averageTicks.Value + (Weight * (roundTrip.Ticks - _averageTicks.Value)) : roundTrip.Ticks;
        }
    }
}
