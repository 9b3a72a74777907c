using System.Globalization;
using CampaignPS.Engine.Loops;
using CampaignPS.Engine.Smartlead;
using CampaignPS.Engine.Sms;

namespace CampaignPS.Engine.Metrics;

/// <summary>
/// Reads one campaign's <see cref="CampaignMetric"/> from its platform: the campaign itself (name and status as the server
/// has them now) and, where the platform keeps them apart, its counters. Every call is a read.
/// </summary>
public static class CampaignMetricReader
{
    /// <summary>GET /campaigns/{id}, then GET /campaigns/{id}/metrics.</summary>
    public static async Task<CampaignMetric> ReadAsync(LoopsClient loops, string campaignId, CancellationToken cancellationToken = default)
    {
        LoopsCampaign campaign = await Checked(loops).GetCampaignAsync(campaignId, cancellationToken).ConfigureAwait(false);
        LoopsCampaignMetric counters = await loops.GetCampaignMetricsAsync(campaign.Id, cancellationToken).ConfigureAwait(false);
        return LoopsMetricMapper.Map(campaign, counters);
    }

    /// <summary>GET /campaigns/{id}, then GET /campaigns/{id}/analytics. The id is Smartlead's number, given as text.</summary>
    public static async Task<CampaignMetric> ReadAsync(SmartleadClient smartlead, string campaignId, CancellationToken cancellationToken = default)
    {
        long id = SmartleadCampaignId(campaignId);
        SmartleadCampaign campaign = await Checked(smartlead).GetCampaignAsync(id, cancellationToken).ConfigureAwait(false);
        SmartleadCampaignAnalytics analytics = await smartlead.Statistics.GetCampaignAnalyticsAsync(id, cancellationToken: cancellationToken).ConfigureAwait(false);
        return SmartleadMetricMapper.Map(campaign, analytics);
    }

    /// <summary>GET /api/campaigns/{id}: Tether keeps the stats on the campaign.</summary>
    public static async Task<CampaignMetric> ReadAsync(SmsClient sms, string campaignId, CancellationToken cancellationToken = default)
    {
        SmsCampaign campaign = await Checked(sms).GetCampaignAsync(campaignId, cancellationToken).ConfigureAwait(false);
        return SmsMetricMapper.Map(campaign);
    }

    /// <summary>
    /// The refusal for an Outbox campaign given by id: Outbox documents only the create-campaign, create-sender and
    /// create-contact endpoints, so there is nothing to read it with (ErrorId OutboxCampaignNotReadable). Pipe the
    /// campaign object from New-OutboxCampaign instead: <see cref="OutboxMetricMapper"/> maps the counters it carries.
    /// </summary>
    public static CampaignApiException OutboxCampaignNotReadable(string campaignId) =>
        new CampaignApiException(new ApiFailure(Platform.Outbox, "OutboxCampaignNotReadable", FailureCategory.InvalidOperation,
            $"Outbox campaign '{InputRules.Show(campaignId ?? string.Empty)}' cannot be read: Outbox documents no campaign read. Pipe the campaign object New-OutboxCampaign returned into Get-CampaignMetric instead."));

    private static long SmartleadCampaignId(string campaignId)
    {
        if (!long.TryParse(campaignId, NumberStyles.None, CultureInfo.InvariantCulture, out long id))
        {
            throw SmartleadRules.Instance.Fail("CampaignId", $"CampaignId '{InputRules.Show(campaignId ?? string.Empty)}' is not a Smartlead campaign id. Smartlead ids are whole numbers, e.g. 125 (Get-SmartleadCampaign outputs them as Id).");
        }

        return SmartleadRules.CampaignId(id);
    }

    private static T Checked<T>(T client)
        where T : class => client ?? throw new ArgumentNullException(nameof(client));
}
