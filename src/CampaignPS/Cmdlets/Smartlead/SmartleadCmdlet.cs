using System;
using System.Management.Automation;
using CampaignPS.Infrastructure.Completion;
using System.Threading;
using System.Threading.Tasks;
using CampaignPS.Engine.Platforms;
using CampaignPS.Engine.Smartlead;
using CampaignPS.Infrastructure;

namespace CampaignPS.Cmdlets.Smartlead
{
    /// <summary>Base of the Smartlead cmdlets: the Smartlead connection and client.</summary>
    public abstract class SmartleadCmdlet : PlatformCmdlet
    {
        /// <inheritdoc />
        protected override PlatformInfo Platform => PlatformInfo.Smartlead;

        /// <summary>The client of the connection in use.</summary>
        protected SmartleadClient Smartlead => CurrentConnection.Smartlead;
    }

    /// <summary>
    /// Base of the cmdlets that change one campaign: the campaign binds from the pipeline (Id of
    /// New-/Get-SmartleadCampaign, or a campaign_id column), and -PassThru writes it on so the
    /// next configuration step can follow in the same pipeline.
    /// </summary>
    public abstract class SmartleadCampaignChangeCmdlet : SmartleadCmdlet
    {
        /// <summary><para type="description">The campaign to change; binds from the Id of New-SmartleadCampaign or Get-SmartleadCampaign output.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "campaign_id")]
        [ArgumentCompleter(typeof(SmartleadCampaignCompleter))]
        public long CampaignId { get; set; }

        /// <summary><para type="description">Write the campaign to the pipeline after the change, for the next step.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The WhatIf/Confirm target.</summary>
        protected string Target => $"Smartlead campaign {CampaignId}";

        /// <summary><para type="description">Campaigns changed at once when several come down the pipeline (1 to 32; default 2). Results are still written in input order.</para></summary>
        [Parameter]
        [ValidateRange(1, 32)]
        public int? ThrottleLimit { get; set; }

        /// <summary>
        /// Makes the change when <paramref name="confirmed"/>, with up to -ThrottleLimit campaigns in flight, then
        /// writes the campaign with -PassThru. <paramref name="change"/> gets the campaign id of this record: it runs
        /// while the next record is being bound, so it must not read the cmdlet's parameters itself.
        /// </summary>
        protected void Apply(bool confirmed, Func<long, CancellationToken, Task> change)
        {
            if (!confirmed)
            {
                return;
            }

            long campaignId = CampaignId;
            bool passThru = PassThru.IsPresent;
            SubmitOrdered(campaignId, Throttle(ThrottleLimit), async token =>
            {
                await change(campaignId, token).ConfigureAwait(false);
                return passThru ? await Smartlead.GetKnownCampaignAsync(campaignId, token).ConfigureAwait(false) : null;
            }, campaign =>
            {
                if (campaign != null)
                {
                    WriteObject(campaign);
                }
            });
        }
    }
}
