namespace CampaignPS.Engine.Journal;

/// <summary>One row's last known state in a journal.</summary>
public sealed class JournalRow
{
    internal JournalRow(string key, JournalRowState state, string? id, string? errorId, string? at)
    {
        Key = key;
        State = state;
        Id = id;
        ErrorId = errorId;
        At = at;
    }

    /// <summary>The row key.</summary>
    public string Key { get; }

    /// <summary>The row's state.</summary>
    public JournalRowState State { get; }

    /// <summary>The created (or changed) object's id, for a row that is done.</summary>
    public string? Id { get; }

    /// <summary>The ErrorId of a failed or unknown row.</summary>
    public string? ErrorId { get; }

    /// <summary>When the line that set the state was written (UTC, ISO 8601).</summary>
    public string? At { get; }
}
