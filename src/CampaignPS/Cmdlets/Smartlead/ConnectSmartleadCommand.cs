using System.Management.Automation;
using CampaignPS.Connections;
using CampaignPS.Engine.Http;
using CampaignPS.Engine.Platforms;
using CampaignPS.Engine.Smartlead;

namespace CampaignPS.Cmdlets.Smartlead
{
    /// <summary>
    /// <para type="synopsis">Connects to the Smartlead API and makes the connection the session default.</para>
    /// <para type="description">Takes the key from -ApiKey, -Credential or $env:SMARTLEAD_API_KEY and checks it unless -SkipKeyCheck. Smartlead expects the key in the query string (?api_key=); every URL CampaignPS logs or reports has it masked. Requests are paced to the plan's limits (-Plan; Standard by default: 10 per second, 60 per minute, 1,000 per hour) and follow the server's rate-limit headers; -RequestsPerSecond overrides the pacing.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "Smartlead", DefaultParameterSetName = "ApiKey")]
    [OutputType(typeof(CampaignConnection))]
    public sealed class ConnectSmartleadCommand : ConnectCmdlet
    {
        /// <summary><para type="description">Your Smartlead plan, whose limits the connection keeps to: Standard (10/s, 60/min, 1,000/h; the default), Pro (20/s, 120/min, 3,000/h) or Enterprise (no client-side pacing; the server's headers are followed). -RequestsPerSecond overrides it.</para></summary>
        [Parameter]
        public SmartleadPlan? Plan { get; set; }

        /// <inheritdoc />
        protected override PlatformInfo Platform => PlatformInfo.Smartlead;

        /// <inheritdoc />
        protected override IPlatformClient CreateClient(ApiConnectionOptions options)
        {
            if (Plan.HasValue && options.RequestsPerSecond == null)
            {
                options.RateLimits = PlatformInfo.SmartleadLimits(Plan.Value);
            }

            return new SmartleadClient(options);
        }
    }

    /// <summary>
    /// <para type="synopsis">Closes the Smartlead connection (the session default, or the one given).</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Smartlead")]
    public sealed class DisconnectSmartleadCommand : DisconnectCmdlet
    {
        /// <inheritdoc />
        protected override PlatformInfo Platform => PlatformInfo.Smartlead;
    }
}
