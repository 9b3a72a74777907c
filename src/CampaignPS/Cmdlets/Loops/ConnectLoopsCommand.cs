using System.Management.Automation;
using CampaignPS.Connections;
using CampaignPS.Engine.Http;
using CampaignPS.Engine.Loops;
using CampaignPS.Engine.Platforms;

namespace CampaignPS.Cmdlets.Loops
{
    /// <summary>
    /// <para type="synopsis">Connects to the Loops API and makes the connection the session default.</para>
    /// <para type="description">Takes the key from -ApiKey, -Credential or $env:LOOPS_API_KEY, checks it (GET /api-key) unless -SkipKeyCheck, and keeps one reused HTTP connection. The key is never shown.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "Loops", DefaultParameterSetName = "ApiKey")]
    [OutputType(typeof(CampaignConnection))]
    public sealed class ConnectLoopsCommand : ConnectCmdlet
    {
        /// <inheritdoc />
        protected override PlatformInfo Platform => PlatformInfo.Loops;

        /// <inheritdoc />
        protected override IPlatformClient CreateClient(ApiConnectionOptions options) => new LoopsClient(options);
    }

    /// <summary>
    /// <para type="synopsis">Closes the Loops connection (the session default, or the one given).</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Loops")]
    public sealed class DisconnectLoopsCommand : DisconnectCmdlet
    {
        /// <inheritdoc />
        protected override PlatformInfo Platform => PlatformInfo.Loops;
    }
}
