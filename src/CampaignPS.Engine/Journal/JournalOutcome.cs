namespace CampaignPS.Engine.Journal;

/// <summary>
/// The final line for one row: done (with an id), failed or unknown (with an ErrorId), or New for a request stopped
/// before it left (written as <c>cancelled</c>).
/// </summary>
public readonly struct JournalOutcome
{
    /// <summary>Creates an outcome.</summary>
    public JournalOutcome(string key, JournalRowState state, string? id = null, string? errorId = null)
    {
        Key = key ?? throw new ArgumentNullException(nameof(key));
        State = state;
        Id = id;
        ErrorId = errorId;
    }

    /// <summary>The row key.</summary>
    public string Key { get; }

    /// <summary>Done, failed, unknown, or New (stopped before it was sent).</summary>
    public JournalRowState State { get; }

    /// <summary>The created object's id (done).</summary>
    public string? Id { get; }

    /// <summary>The ErrorId (failed, unknown).</summary>
    public string? ErrorId { get; }
}
