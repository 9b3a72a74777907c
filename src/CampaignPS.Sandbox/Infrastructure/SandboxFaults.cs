namespace CampaignPS.Sandbox;

/// <summary>Armed fault rules, consulted in the order they were added. Thread-safe.</summary>
public sealed class SandboxFaults
{
    private const int DefaultSeed = 20240601;

    private readonly Lock _gate = new();
    private readonly List<ArmedFault> _armed = [];
    private int _seed = DefaultSeed;
    private Random _random = new(DefaultSeed);

    /// <summary>Seed of the random used for <see cref="FaultRule.Probability"/>; setting it restarts the sequence.</summary>
    public int Seed
    {
        get { lock (_gate) { return _seed; } }
        set { lock (_gate) { _seed = value; _random = new Random(value); } }
    }

    /// <summary>Rules that can still strike.</summary>
    public int Pending
    {
        get { lock (_gate) { return _armed.Count; } }
    }

    /// <summary>Arms a copy of <paramref name="rule"/>; changing the rule afterwards has no effect.</summary>
    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Validate(rule);
        lock (_gate)
        {
            _armed.Add(new ArmedFault(rule.Copy()));
        }
    }

    /// <summary>Disarms every rule and restarts the random sequence from <see cref="Seed"/>.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _armed.Clear();
            _random = new Random(_seed);
        }
    }

    /// <summary>Picks the faults for one request: any number of delays, then at most one fault that
    /// decides the response. Picked rules use up one of their <see cref="FaultRule.Times"/>.</summary>
    internal FaultPlan Select(string method, string path)
    {
        lock (_gate)
        {
            if (_armed.Count == 0)
            {
                return FaultPlan.None;
            }

            var delays = new List<FaultRule>();
            FaultRule? decisive = null;
            foreach (var armed in _armed.ToArray())
            {
                if (!armed.Rule.Matches(method, path) || _random.NextDouble() >= armed.Rule.Probability)
                {
                    continue;
                }

                armed.Use();
                if (armed.IsSpent)
                {
                    _armed.Remove(armed);
                }

                if (armed.Rule.Kind == FaultKind.Delay)
                {
                    delays.Add(armed.Rule);
                    continue;
                }

                decisive = armed.Rule;
                break;
            }

            return delays.Count == 0 && decisive is null ? FaultPlan.None : new FaultPlan(delays, decisive);
        }
    }

    private static void Validate(FaultRule rule)
    {
        if (!Enum.IsDefined(rule.Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule.Kind, "Kind is not a known FaultKind.");
        }
        if (!Enum.IsDefined(rule.When))
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule.When, "When is not a known FaultTiming.");
        }
        if (string.IsNullOrEmpty(rule.PathPrefix) || rule.PathPrefix[0] != '/')
        {
            throw new ArgumentException($"PathPrefix must start with '/' (got '{rule.PathPrefix}').", nameof(rule));
        }
        if (rule.Times is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule.Times, "Times must be -1 (unlimited) or at least 1.");
        }
        if (!(rule.Probability is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule.Probability, "Probability must be between 0 and 1.");
        }
        if (rule.Kind is FaultKind.Status or FaultKind.Body or FaultKind.EchoKey && rule.StatusCode is < 100 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule.StatusCode, "StatusCode must be between 100 and 599.");
        }
        if (rule.Kind == FaultKind.Redirect && (rule.StatusCode is < 300 or > 399 || string.IsNullOrEmpty(rule.Location)))
        {
            throw new ArgumentException("A Redirect fault needs a 3xx StatusCode and a Location.", nameof(rule));
        }
        if (rule.Delay < TimeSpan.Zero || rule.RetryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), "Delay and RetryAfter must not be negative.");
        }
    }

    private sealed class ArmedFault(FaultRule rule)
    {
        private int _remaining = rule.Times;

        public FaultRule Rule { get; } = rule;

        public bool IsSpent => _remaining == 0;

        public void Use()
        {
            if (_remaining > 0)
            {
                _remaining--;
            }
        }
    }
}

/// <summary>The faults picked for one request.</summary>
internal sealed class FaultPlan(IReadOnlyList<FaultRule> delays, FaultRule? decisive)
{
    public static readonly FaultPlan None = new([], null);

    public IReadOnlyList<FaultRule> Delays { get; } = delays;

    /// <summary>The fault that replaces the response, if any (never a Delay).</summary>
    public FaultRule? Decisive { get; } = decisive;

    public bool StrikesAfterHandler =>
        Decisive?.When == FaultTiming.AfterHandler || Delays.Any(delay => delay.When == FaultTiming.AfterHandler);

    public TimeSpan DelayFor(FaultTiming timing) =>
        Delays.Where(delay => delay.When == timing).Aggregate(TimeSpan.Zero, (sum, delay) => sum + delay.Delay);
}
