namespace CampaignPS.Engine.Pipeline;

/// <summary>
/// How many records a bulk run keeps in flight: enough to keep the connection's pace busy over a round trip (Little's
/// law: in flight = rate x latency, with a margin for jitter and for the one waiting for its slot), never more than
/// <see cref="Cap"/>, and never more than the user's -ThrottleLimit. Read again before every record, so it follows the
/// latency and a pace the server lowered.
/// </summary>
public static class InFlightLimit
{
    /// <summary>The most records in flight without -ThrottleLimit: beyond this, records only wait in memory for their slot.</summary>
    public const int Cap = 16;

    /// <summary>In flight before the first answer says how long answers take.</summary>
    public const int BeforeFirstAnswer = 2;

    private const double Margin = 1.5;
    private const int Waiting = 2;

    /// <summary>The limit for <paramref name="transport"/>; <paramref name="userLimit"/> is -ThrottleLimit, <paramref name="unpaced"/> the platform's default for a connection that does not pace itself.</summary>
    public static int For(ApiTransport transport, int? userLimit, int unpaced)
    {
        if (transport == null)
        {
            throw new ArgumentNullException(nameof(transport));
        }

        return For(transport.RateLimiter?.RequestsPerSecond, transport.Latency.Estimate, userLimit, unpaced);
    }

    /// <summary>The limit for a pace of <paramref name="requestsPerSecond"/> (null: not paced) and a round trip of <paramref name="latency"/> (null: none seen yet).</summary>
    public static int For(double? requestsPerSecond, TimeSpan? latency, int? userLimit, int unpaced)
    {
        int automatic;
        if (!requestsPerSecond.HasValue)
        {
            // No pace to cover: the user's limit, else the platform's default.
            return Math.Max(1, userLimit ?? unpaced);
        }
        else if (!latency.HasValue)
        {
            automatic = BeforeFirstAnswer;
        }
        else
        {
            double needed = requestsPerSecond.Value * latency.Value.TotalSeconds * Margin;
            automatic = (int)Math.Min(Cap, Math.Ceiling(needed) + Waiting);
        }

        return Math.Max(1, userLimit.HasValue ? Math.Min(userLimit.Value, automatic) : automatic);
    }
}
