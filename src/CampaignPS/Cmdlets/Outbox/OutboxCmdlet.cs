using System;
using System.Management.Automation;
using CampaignPS.Connections;
using CampaignPS.Engine.Http;
using CampaignPS.Engine.Outbox;
using CampaignPS.Engine.Platforms;
using CampaignPS.Infrastructure;

namespace CampaignPS.Cmdlets.Outbox
{
    /// <summary>Base of the Outbox cmdlets: the Outbox connection and client.</summary>
    public abstract class OutboxCmdlet : PlatformCmdlet
    {
        /// <inheritdoc />
        protected override PlatformInfo Platform => PlatformInfo.Outbox;

        /// <summary>The client of the connection in use.</summary>
        protected OutboxClient Outbox => CurrentConnection.Outbox;
    }

    /// <summary>
    /// <para type="synopsis">Connects to the Outbox (getoutbox.ai) API and makes the connection the session default.</para>
    /// <para type="description">Takes the key from -ApiKey, -Credential or $env:OUTBOX_API_KEY. -Company sets the company (uuid) that New-OutboxCampaign and New-OutboxSender use when they are not given one. Outbox documents no endpoint to test a key with, so the key is checked by the first call.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "Outbox", DefaultParameterSetName = "ApiKey")]
    [OutputType(typeof(CampaignConnection))]
    public sealed class ConnectOutboxCommand : ConnectCmdlet
    {
        /// <summary><para type="description">The default company (uuid) for campaigns and senders.</para></summary>
        [Parameter]
        public Guid? Company { get; set; }

        /// <inheritdoc />
        protected override PlatformInfo Platform => PlatformInfo.Outbox;

        /// <inheritdoc />
        protected override IPlatformClient CreateClient(ApiConnectionOptions options) => new OutboxClient(options, Company);
    }

    /// <summary>
    /// <para type="synopsis">Closes the Outbox connection (the session default, or the one given).</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Outbox")]
    public sealed class DisconnectOutboxCommand : DisconnectCmdlet
    {
        /// <inheritdoc />
        protected override PlatformInfo Platform => PlatformInfo.Outbox;
    }
}
