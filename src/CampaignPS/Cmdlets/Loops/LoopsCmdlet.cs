using CampaignPS.Engine.Loops;
using CampaignPS.Engine.Platforms;
using CampaignPS.Infrastructure;

namespace CampaignPS.Cmdlets.Loops
{
    /// <summary>Base of the Loops cmdlets: the Loops connection and client.</summary>
    public abstract class LoopsCmdlet : PlatformCmdlet
    {
        /// <inheritdoc />
        protected override PlatformInfo Platform => PlatformInfo.Loops;

        /// <summary>The client of the connection in use.</summary>
        protected LoopsClient Loops => CurrentConnection.Loops;
    }
}
