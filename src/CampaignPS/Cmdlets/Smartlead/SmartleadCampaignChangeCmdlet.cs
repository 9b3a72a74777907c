using CampaignPS.Engine.Smartlead;

namespace CampaignPS.Cmdlets.Smartlead;

/// <summary>
/// Base of the cmdlets that change one campaign: the campaign binds from the pipeline (Id of
/// New-/Get-SmartleadCampaign, or a campaign_id column), and -PassThru writes it on so the
/// next configuration step can follow in the same pipeline.
/// </summary>
public abstract class SmartleadCampaignChangeCmdlet : BulkChangeCmdlet<SmartleadClient>
{
    /// <summary>For changes that need no check before they are sent.</summary>
    protected static readonly Action NothingToCheck = () => { };

    /// <summary><para type="description">The campaign to change; binds from the Id of New-SmartleadCampaign or Get-SmartleadCampaign output.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "campaign_id")]
    [ArgumentCompleter(typeof(SmartleadCampaignCompleter))]
    public long CampaignId { get; set; }

    /// <summary>The WhatIf/Confirm target.</summary>
    protected string Target => $"Smartlead campaign {CampaignId}";

    /// <summary>
    /// Takes one campaign through the bulk path: <paramref name="validate"/>, <paramref name="confirmed"/>,
    /// then <paramref name="change"/> in flight, and with -PassThru the campaign is read back from the server and written.
    /// <paramref name="change"/> gets the campaign id of this record: it runs while the next record is being
    /// bound, so it must not read the cmdlet's parameters itself.
    /// </summary>
    protected void Apply(SmartleadClient smartlead, Action validate, Func<bool> confirmed, Func<long, CancellationToken, Task> change)
    {
        long campaignId = CampaignId;
        bool passThru = PassThru.IsPresent;
        Submit(campaignId, validate, confirmed, async token =>
        {
            await change(campaignId, token).ConfigureAwait(false);
            return passThru ? await smartlead.GetCampaignAsync(campaignId, token).ConfigureAwait(false) : null;
        }, WriteIfPassThru);
    }
}
