namespace CampaignPS.Sandbox;

/// <summary>What every platform's data shares: one lock that every operation takes (so concurrent requests
/// see whole updates), the reset to the seeded data, the clock, and the test helper's status check.</summary>
public abstract class SandboxState
{
    private readonly TimeProvider _time;

    private protected SandboxState(TimeProvider time)
    {
        _time = time;
    }

    internal DateTimeOffset UtcNow => _time.GetUtcNow();

    /// <summary>The one lock of this platform's data.</summary>
    private protected Lock Gate { get; } = new();

    /// <summary>Drops all records, id counters and switches, and re-seeds the fixed data.</summary>
    internal void Reset()
    {
        lock (Gate)
        {
            Reseed();
        }
    }

    /// <summary>Does the work of <see cref="Reset"/>; runs under <see cref="Gate"/>.</summary>
    private protected abstract void Reseed();

    // Millisecond precision, so that what a client reads back compares equal to what the server holds.
    private protected DateTimeOffset NowToTheMillisecond()
    {
        var now = _time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }

    /// <summary>The spelling <paramref name="statuses"/> uses for <paramref name="status"/> (compared case-insensitively).</summary>
    /// <exception cref="ArgumentException">The status is not one of them.</exception>
    private protected static string CanonicalStatus(IReadOnlyList<string> statuses, string status) =>
        statuses.FirstOrDefault(s => string.Equals(s, status, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException(
            $"status must be one of {string.Join(", ", statuses)} (got \"{status}\").", nameof(status));
}
