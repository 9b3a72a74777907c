using CampaignPS.Engine.Loops;

namespace CampaignPS.Engine.Metrics;

/// <summary>
/// A Loops campaign and its counters as a <see cref="CampaignMetric"/>. Document followed: the Loops 1.22.2 tools manifest,
/// campaigns_metrics_get-campaign (GET /v1/campaigns/{campaignId}/metrics, EmailMetricsResponse), as
/// <see cref="LoopsClient.GetCampaignMetricsAsync"/> reads it: sends, opens, clicks, unsubscribes, bounces. Loops counts no
/// deliveries, replies or failed sends, so those stay null.
/// </summary>
public static class LoopsMetricMapper
{
    /// <summary>Maps the campaign (name, status) and its counters.</summary>
    public static CampaignMetric Map(LoopsCampaign campaign, LoopsCampaignMetric counters)
    {
        if (campaign == null)
        {
            throw new ArgumentNullException(nameof(campaign));
        }

        if (counters == null)
        {
            throw new ArgumentNullException(nameof(counters));
        }

        return new CampaignMetric(Platform.Loops, campaign.Id, campaign.Name, campaign.Status)
        {
            Sent = counters.Sends,
            Opened = counters.Opens,
            Clicked = counters.Clicks,
            Bounced = counters.Bounces,
            Unsubscribed = counters.Unsubscribes,
        };
    }
}
