using System.Linq;
using System.Management.Automation;
using CampaignPS.Engine.Platforms;
using CampaignPS.Infrastructure;

namespace CampaignPS.Connections
{
    /// <summary>
    /// <para type="synopsis">Lists the connections made in this session with Connect-*: platform, address, where the key came from, rate limits and which one is the default. Never the key.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CampaignConnection")]
    [OutputType(typeof(CampaignConnection))]
    public sealed class GetCampaignConnectionCommand : CampaignCmdlet
    {
        /// <summary><para type="description">Only connections to these platforms.</para></summary>
        [Parameter(Position = 0)]
        public Platform[]? Platform { get; set; }

        /// <summary><para type="description">Only the session defaults (what cmdlets use without -Connection).</para></summary>
        [Parameter]
        public SwitchParameter Default { get; set; }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            foreach (CampaignConnection connection in ConnectionRegistry.All()
                .Where(c => Platform == null || Platform.Contains(c.Platform))
                .Where(c => !Default.IsPresent || c.IsDefault))
            {
                WriteObject(connection);
            }
        }
    }
}
