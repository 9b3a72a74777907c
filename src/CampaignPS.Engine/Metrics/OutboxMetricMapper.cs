using CampaignPS.Engine.Outbox;

namespace CampaignPS.Engine.Metrics;

/// <summary>
/// An Outbox campaign as a <see cref="CampaignMetric"/>. Document followed: the create-campaign response sample of
/// docs.getoutbox.ai (api-reference/endpoint/email-campaign-create), whose counters are sent_count, unique_opens,
/// unique_clicks and replies. Outbox documents no campaign read, so the figures are those the campaign object carries
/// (New-OutboxCampaign's answer); deliveries, bounces, unsubscribes and failed sends are not documented and stay null.
/// </summary>
public static class OutboxMetricMapper
{
    /// <summary>Maps the campaign's own counters.</summary>
    public static CampaignMetric Map(OutboxCampaign campaign)
    {
        if (campaign == null)
        {
            throw new ArgumentNullException(nameof(campaign));
        }

        return new CampaignMetric(Platform.Outbox, campaign.Id.ToString("D"), campaign.Name, campaign.Status)
        {
            Sent = campaign.SentCount,
            Opened = campaign.UniqueOpens,
            Clicked = campaign.UniqueClicks,
            Replied = campaign.Replies,
        };
    }
}
