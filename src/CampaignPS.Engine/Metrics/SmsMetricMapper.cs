using CampaignPS.Engine.Sms;

namespace CampaignPS.Engine.Metrics;

/// <summary>
/// A Tether SMS campaign as a <see cref="CampaignMetric"/>. Document followed: the campaign object of docs.tetherai.ca
/// (api-reference/campaigns, the "data" example), whose stats are total, sent, failed and successRate. Tether documents
/// no delivery, open, click, reply, bounce or opt-out count for a campaign, so those stay null.
/// </summary>
public static class SmsMetricMapper
{
    /// <summary>Maps the campaign's stats.</summary>
    public static CampaignMetric Map(SmsCampaign campaign)
    {
        if (campaign == null)
        {
            throw new ArgumentNullException(nameof(campaign));
        }

        return new CampaignMetric(Platform.Sms, campaign.Id, campaign.Name, campaign.Status)
        {
            Sent = campaign.Sent,
            Failed = campaign.Failed,
        };
    }
}
