using System.Globalization;
using CampaignPS.Engine.Smartlead;

namespace CampaignPS.Engine.Metrics;

/// <summary>
/// A Smartlead campaign and its analytics as a <see cref="CampaignMetric"/>. Document followed: Smartlead's API reference,
/// Campaign Statistics, GET /v1/campaigns/{campaign_id}/analytics (CampaignStatistics: emails_sent, emails_opened,
/// emails_clicked, emails_replied, emails_bounced, unsubscribed), as <see cref="SmartleadStatistics.GetCampaignAnalyticsAsync"/>
/// reads it with the docs site's names; a count the answer leaves out stays null. Smartlead counts no deliveries or failed
/// sends, so those stay null.
/// </summary>
public static class SmartleadMetricMapper
{
    /// <summary>Maps the campaign (name, status) and its all-time analytics.</summary>
    public static CampaignMetric Map(SmartleadCampaign campaign, SmartleadCampaignAnalytics analytics)
    {
        if (campaign == null)
        {
            throw new ArgumentNullException(nameof(campaign));
        }

        if (analytics == null)
        {
            throw new ArgumentNullException(nameof(analytics));
        }

        return new CampaignMetric(Platform.Smartlead, campaign.Id.ToString(CultureInfo.InvariantCulture), campaign.Name, campaign.Status)
        {
            Sent = analytics.Sent,
            Opened = analytics.Opened,
            Clicked = analytics.Clicked,
            Replied = analytics.Replied,
            Bounced = analytics.Bounced,
            Unsubscribed = analytics.Unsubscribed,
        };
    }
}
