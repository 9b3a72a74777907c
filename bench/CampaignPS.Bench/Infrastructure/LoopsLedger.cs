using CampaignPS.Engine.Errors;
using CampaignPS.Sandbox.Platforms.Loops;

namespace CampaignPS.Bench.Infrastructure;

/// <summary>How the pipeline's reports for a run of Loops creates compare with what the sandbox stored.</summary>
internal readonly record struct LoopsReconciliation(long Lost, long Duplicated, long Unknown, long UnknownLanded, long Unreported, long Failed);

/// <summary>
/// Names the campaigns of one run ("prefix 00001", ...), records what the pipeline reported for each
/// (created with an id, outcome unknown, failed) and reconciles that with the sandbox's state.
/// </summary>
internal sealed class LoopsLedger(string prefix)
{
    private readonly List<string> _names = [];
    private readonly HashSet<string> _created = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unknown = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);

    public IEnumerable<string> Names(int count)
    {
        for (int i = 1; i <= count; i++)
        {
            string name = $"{prefix} {i:00000}";
            _names.Add(name);
            yield return name;
        }
    }

    /// <summary>Records the delivered outcome of one create (called on the pipeline thread, in input order).</summary>
    public void Deliver(string name, Task task)
    {
        if (task.IsCompletedSuccessfully)
        {
            _created.Add(name);
        }
        else if (task.Exception?.InnerException is CampaignApiException { Failure.OutcomeUnknown: true })
        {
            _unknown.Add(name);
        }
        else
        {
            _failed.Add(name);
        }
    }

    /// <summary>
    /// Lost: neither created-and-stored nor reported as "outcome unknown". Duplicated: extra copies of a
    /// name. Unreported: stored although the pipeline reported a definite failure or nothing at all.
    /// </summary>
    public LoopsReconciliation Reconcile(LoopsSandboxState state)
    {
        Dictionary<string, int> stored = state.Campaigns
            .Where(c => c.Name.StartsWith(prefix + " ", StringComparison.Ordinal))
            .GroupBy(c => c.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new LoopsReconciliation(
            Lost: _names.Count(n => !(_created.Contains(n) && stored.ContainsKey(n)) && !_unknown.Contains(n)),
            Duplicated: stored.Values.Sum(count => count - 1),
            Unknown: _unknown.Count,
            UnknownLanded: _unknown.Count(stored.ContainsKey),
            Unreported: stored.Keys.Count(n => !_created.Contains(n) && !_unknown.Contains(n)),
            Failed: _failed.Count);
    }
}
