namespace CampaignPS.Engine.Journal;

/// <summary>A journal that cannot be used: from another pipeline, in use by another run, or damaged before its last line.</summary>
public sealed class JournalException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JournalException(string errorId, string path, string message, Exception? inner = null)
        : base(message, inner)
    {
        ErrorId = errorId;
        Path = path;
    }

    /// <summary>CampaignJournalMismatch, CampaignJournalInUse, CampaignJournalCorrupt or CampaignJournalUnavailable.</summary>
    public string ErrorId { get; }

    /// <summary>The journal's path.</summary>
    public string Path { get; }
}
