using System.Management.Automation;
using CampaignPS.Engine.Platforms;
using CampaignPS.Infrastructure;

namespace CampaignPS.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Sends a request to a Loops API endpoint that CampaignPS does not wrap, with the connection's key, pacing, retries and errors.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "LoopsRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject), typeof(string))]
    public sealed class InvokeLoopsRequestCommand : InvokeRequestCmdlet
    {
        /// <inheritdoc />
        protected override PlatformInfo Platform => PlatformInfo.Loops;
    }

    /// <summary>
    /// <para type="synopsis">Sends a request to a Smartlead API endpoint that CampaignPS does not wrap, with the connection's key (?api_key=, masked in logs), pacing, retries and errors.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "SmartleadRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject), typeof(string))]
    public sealed class InvokeSmartleadRequestCommand : InvokeRequestCmdlet
    {
        /// <inheritdoc />
        protected override PlatformInfo Platform => PlatformInfo.Smartlead;
    }

    /// <summary>
    /// <para type="synopsis">Sends a request to an Outbox API endpoint that CampaignPS does not wrap, with the connection's key, retries and errors.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "OutboxRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject), typeof(string))]
    public sealed class InvokeOutboxRequestCommand : InvokeRequestCmdlet
    {
        /// <inheritdoc />
        protected override PlatformInfo Platform => PlatformInfo.Outbox;
    }

    /// <summary>
    /// <para type="synopsis">Sends a request to a Tether endpoint that CampaignPS does not wrap, with the connection's token, retries and errors.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "SmsRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject), typeof(string))]
    public sealed class InvokeSmsRequestCommand : InvokeRequestCmdlet
    {
        /// <inheritdoc />
        protected override PlatformInfo Platform => PlatformInfo.Sms;
    }
}
