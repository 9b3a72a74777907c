namespace CampaignPS.Sandbox;

/// <summary>Consecutive numbers from a first one, for ids and creation order; <see cref="Reset"/> starts over.
/// Not thread-safe: a state class uses it under its lock.</summary>
internal sealed class IdSequence
{
    private readonly long _first;
    private long _next;

    public IdSequence(long first)
    {
        _first = first;
        _next = first;
    }

    public long Next() => _next++;

    public void Reset() => _next = _first;
}
