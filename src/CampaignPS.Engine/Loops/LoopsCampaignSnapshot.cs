namespace CampaignPS.Engine.Loops;

/// <summary>A Loops campaign as read for export or sync: the campaign and its email message (with the message's current revision).</summary>
public sealed class LoopsCampaignSnapshot
{
    /// <summary>Creates a snapshot of what the server holds.</summary>
    public LoopsCampaignSnapshot(LoopsCampaign campaign, LoopsEmailMessage? emailMessage)
    {
        Campaign = campaign ?? throw new ArgumentNullException(nameof(campaign));
        EmailMessage = emailMessage;
    }

    /// <summary>The campaign (GET /campaigns/{id}).</summary>
    public LoopsCampaign Campaign { get; }

    /// <summary>Its email message (GET /email-messages/{id}); null when the campaign has none.</summary>
    public LoopsEmailMessage? EmailMessage { get; }

    /// <summary>Reads campaign <paramref name="campaignId"/> and its email message (a missing campaign is LoopsCampaignNotFound).</summary>
    public static async Task<LoopsCampaignSnapshot> ReadAsync(LoopsClient client, string campaignId, CancellationToken cancellationToken = default)
    {
        if (client == null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        // The campaign first: a missing one is reported once, as the read of the campaign.
        LoopsCampaign campaign = await client.GetCampaignAsync(campaignId, cancellationToken).ConfigureAwait(false);
        LoopsEmailMessage? message = string.IsNullOrEmpty(campaign.EmailMessageId)
            ? null
            : await client.GetEmailMessageAsync(campaign.EmailMessageId!, cancellationToken).ConfigureAwait(false);
        return new LoopsCampaignSnapshot(campaign, message);
    }
}
