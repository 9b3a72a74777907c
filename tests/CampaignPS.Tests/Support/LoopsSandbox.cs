using CampaignPS.Engine.Loops;
using CampaignPS.Sandbox;

namespace CampaignPS.Tests.Support;

/// <summary>A sandbox on a free loopback port plus a Loops client pointed at it, with fast retries.</summary>
internal sealed class LoopsSandbox : PlatformSandbox<LoopsClient>
{
    private LoopsSandbox(SandboxServer server)
        : base(server, server.LoopsBaseUri, SandboxServer.DefaultLoopsApiKey, options => new LoopsClient(options))
    {
    }

    public static async Task<LoopsSandbox> StartAsync(bool enforceRateLimits = false, int requestsPerSecond = 10)
    {
        var server = await SandboxServer.StartAsync(new SandboxOptions { EnforceRateLimits = enforceRateLimits, LoopsRequestsPerSecond = requestsPerSecond });
        return new LoopsSandbox(server);
    }
}
