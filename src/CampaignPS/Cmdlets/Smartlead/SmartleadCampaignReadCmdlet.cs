using CampaignPS.Engine.Smartlead;

namespace CampaignPS.Cmdlets.Smartlead;

/// <summary>
/// Base of the Get-* cmdlets that read one thing of a campaign (its sequence, counters or webhooks): the campaign binds
/// from Get-SmartleadCampaign's output (Id) or a campaign_id column, and each piped campaign is read on its own.
/// </summary>
public abstract class SmartleadCampaignReadCmdlet : PlatformCmdlet<SmartleadClient>
{
    /// <summary><para type="description">The campaign; binds from the Id of a piped campaign, or a plain id piped by value.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "campaign_id")]
    [ArgumentCompleter(typeof(SmartleadCampaignCompleter))]
    public long CampaignId { get; set; }

    /// <summary>Reads this record's campaign with <paramref name="read"/> and hands the result to <paramref name="write"/> (by default written item by item); a failure is reported against the campaign id.</summary>
    protected void Read<T>(Func<long, CancellationToken, Task<T>> read, Action<T>? write = null)
    {
        long campaignId = CampaignId;
        if (TryAwait(token => read(campaignId, token), campaignId, out T result))
        {
            (write ?? (value => WriteObject(value, enumerateCollection: true)))(result);
        }
    }
}
