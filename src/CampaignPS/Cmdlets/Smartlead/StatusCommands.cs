using System.Management.Automation;
using CampaignPS.Engine.Smartlead;

namespace CampaignPS.Cmdlets.Smartlead
{
    /// <summary>
    /// <para type="synopsis">Starts a Smartlead campaign: it begins sending email to its leads.</para>
    /// <para type="description">Sends POST /campaigns/{id}/status with START (Smartlead's API reference). The campaign needs a sequence, an email account and leads. Sending cannot be undone, so the cmdlet asks for confirmation unless -Force or -Confirm:$false.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "SmartleadCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(SmartleadCampaign))]
    public sealed class StartSmartleadCampaignCommand : SmartleadCampaignChangeCmdlet
    {
        /// <summary><para type="description">Start without asking for confirmation.</para></summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord() =>
            Apply(ShouldProcessUnlessForced(Target, "Start Smartlead campaign (sends email)", Force.IsPresent),
                token => Smartlead.SetStatusAsync(CampaignId, SmartleadStatusChange.Start, token));
    }

    /// <summary>
    /// <para type="synopsis">Pauses a Smartlead campaign; Start-SmartleadCampaign resumes it.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Suspend, "SmartleadCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SmartleadCampaign))]
    public sealed class SuspendSmartleadCampaignCommand : SmartleadCampaignChangeCmdlet
    {
        /// <inheritdoc />
        protected override void ProcessRecord() =>
            Apply(ShouldProcess(Target, "Pause Smartlead campaign"),
                token => Smartlead.SetStatusAsync(CampaignId, SmartleadStatusChange.Pause, token));
    }

    /// <summary>
    /// <para type="synopsis">Stops a Smartlead campaign for good. Smartlead's STOPPED cannot be undone; use Suspend-SmartleadCampaign to pause.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "SmartleadCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(SmartleadCampaign))]
    public sealed class StopSmartleadCampaignCommand : SmartleadCampaignChangeCmdlet
    {
        /// <summary><para type="description">Stop without asking for confirmation.</para></summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord() =>
            Apply(ShouldProcessUnlessForced(Target, "Stop Smartlead campaign for good (cannot be undone)", Force.IsPresent),
                token => Smartlead.SetStatusAsync(CampaignId, SmartleadStatusChange.Stop, token));
    }
}
