using System.Globalization;
using CampaignPS.Engine.Loops;
using CampaignPS.Engine.Outbox;
using CampaignPS.Engine.Smartlead;
using CampaignPS.Engine.Sms;

namespace CampaignPS.Cmdlets.Metrics;

/// <summary>One campaign Get-CampaignMetric is asked about: a piped campaign object of any platform, or a platform and an id.</summary>
internal sealed class CampaignMetricTarget
{
    private CampaignMetricTarget(Platform platform, string campaignId, object input, OutboxCampaign? outboxCampaign = null)
    {
        Platform = platform;
        CampaignId = campaignId;
        Input = input;
        OutboxCampaign = outboxCampaign;
    }

    public Platform Platform { get; }

    public string CampaignId { get; }

    /// <summary>What the user gave (the campaign object or the id): the TargetObject of an error.</summary>
    public object Input { get; }

    /// <summary>The piped Outbox campaign, whose own counters are all there is: Outbox documents no campaign read.</summary>
    public OutboxCampaign? OutboxCampaign { get; }

    /// <summary>The campaign objects of the module's four platforms; null for anything else.</summary>
    public static CampaignMetricTarget? Of(object? value) => (value is PSObject wrapped ? wrapped.BaseObject : value) switch
    {
        LoopsCampaign loops => new CampaignMetricTarget(Platform.Loops, loops.Id, loops),
        SmartleadCampaign smartlead => new CampaignMetricTarget(Platform.Smartlead, smartlead.Id.ToString(CultureInfo.InvariantCulture), smartlead),
        OutboxCampaign outbox => new CampaignMetricTarget(Platform.Outbox, outbox.Id.ToString("D"), outbox, outbox),
        SmsCampaign sms => new CampaignMetricTarget(Platform.Sms, sms.Id, sms),
        _ => null,
    };

    public static CampaignMetricTarget ById(Platform platform, string campaignId) => new CampaignMetricTarget(platform, campaignId, campaignId);
}
