namespace CampaignPS.Engine.Metrics;

/// <summary>
/// One campaign's figures in the shape every platform shares (Get-CampaignMetric), so campaigns of all four platforms
/// fit one table or CSV. A figure the platform does not document is null, never 0: a blank cell means "not counted
/// there", not "nothing happened".
/// </summary>
public sealed class CampaignMetric
{
    // Every count starts as null (not documented); a name or status the answer left empty is null too.
    internal CampaignMetric(Platform platform, string campaignId, string? campaignName, string? status)
    {
        Platform = platform;
        CampaignId = campaignId ?? throw new ArgumentNullException(nameof(campaignId));
        CampaignName = string.IsNullOrEmpty(campaignName) ? null : campaignName;
        Status = string.IsNullOrEmpty(status) ? null : status;
    }

    /// <summary>The platform the campaign is on; with CampaignId it pipes into Get-CampaignMetric -Platform -CampaignId.</summary>
    public Platform Platform { get; }

    /// <summary>The campaign's id as the platform spells it (Smartlead's number as text, Outbox's uuid).</summary>
    public string CampaignId { get; }

    /// <summary>The campaign's name, when the platform returned one.</summary>
    public string? CampaignName { get; }

    /// <summary>The campaign's status in the platform's own words (Sent, ACTIVE, completed, ...).</summary>
    public string? Status { get; }

    /// <summary>Messages sent.</summary>
    public long? Sent { get; internal set; }

    /// <summary>Messages delivered; null where the platform does not count deliveries.</summary>
    public long? Delivered { get; internal set; }

    /// <summary>Messages opened (unique where the platform says so).</summary>
    public long? Opened { get; internal set; }

    /// <summary>Messages with a clicked link (unique where the platform says so).</summary>
    public long? Clicked { get; internal set; }

    /// <summary>Replies.</summary>
    public long? Replied { get; internal set; }

    /// <summary>Bounces.</summary>
    public long? Bounced { get; internal set; }

    /// <summary>Unsubscribes.</summary>
    public long? Unsubscribed { get; internal set; }

    /// <summary>Messages the platform could not send.</summary>
    public long? Failed { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{Platform} {CampaignId}: {Sent?.ToString() ?? "-"} sent";
}
