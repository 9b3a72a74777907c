using System.Management.Automation;
using CampaignPS.Connections;
using CampaignPS.Engine.Http;
using CampaignPS.Engine.Platforms;
using CampaignPS.Engine.Smartlead;

namespace CampaignPS.Cmdlets.Smartlead
{
    /// <summary>
    /// <para type="synopsis">Connects to the Smartlead API and makes the connection the session default.</para>
    /// <para type="description">Takes the key from -ApiKey, -Credential or $env:SMARTLEAD_API_KEY and checks it unless -SkipKeyCheck. Smartlead expects the key in the query string (?api_key=); every URL CampaignPS logs or reports has it masked. Requests are paced at 60 per minute, Smartlead's standard-plan limit; -RequestsPerSecond changes that.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "Smartlead", DefaultParameterSetName = "ApiKey")]
    [OutputType(typeof(CampaignConnection))]
    public sealed class ConnectSmartleadCommand : ConnectCmdlet
    {
        /// <inheritdoc />
        protected override PlatformInfo Platform => PlatformInfo.Smartlead;

        /// <inheritdoc />
        protected override IPlatformClient CreateClient(ApiConnectionOptions options) => new SmartleadClient(options);
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
