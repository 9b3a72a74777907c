namespace CampaignPS.Engine.Journal;

/// <summary>What a journal knows about one row.</summary>
public enum JournalRowState
{
    /// <summary>Not in the journal, or stopped before its request left (<c>cancelled</c>): sent on the next run.</summary>
    New,

    /// <summary>Done: the platform answered success (the created id, when there is one, is kept).</summary>
    Done,

    /// <summary>Failed with an answer that says nothing was done: sent again on the next run.</summary>
    Failed,

    /// <summary>Sent ("started") without a final answer, or failed in a way that may have reached the server: never sent again on its own.</summary>
    Unknown,
}
