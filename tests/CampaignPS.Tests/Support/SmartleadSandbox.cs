using CampaignPS.Engine.Smartlead;
using CampaignPS.Sandbox;
using CampaignPS.Sandbox.Platforms.Smartlead;

namespace CampaignPS.Tests.Support;

/// <summary>A sandbox on a free loopback port plus a Smartlead client pointed at it, with fast retries.</summary>
internal sealed class SmartleadSandbox : PlatformSandbox<SmartleadClient>
{
    private SmartleadSandbox(SandboxServer server, string apiKey)
        : base(server, server.SmartleadBaseUri, apiKey, options => new SmartleadClient(options))
    {
    }

    public SmartleadSandboxState State => Server.Smartlead;

    /// <summary>Starts a sandbox; rate limits are off unless asked for, and <paramref name="apiKey"/> is the key it accepts.</summary>
    public static async Task<SmartleadSandbox> StartAsync(bool enforceRateLimits = false, int requestsPerSecond = 10, string apiKey = SandboxServer.DefaultSmartleadApiKey)
    {
        var server = await SandboxServer.StartAsync(new SandboxOptions
        {
            EnforceRateLimits = enforceRateLimits,
            SmartleadRequestsPerSecond = requestsPerSecond,
            SmartleadApiKey = apiKey,
        });
        return new SmartleadSandbox(server, apiKey);
    }

    /// <summary>The path prefix of one campaign's add-leads route, for fault rules.</summary>
    public string LeadsPath(long campaignId) => $"{ApiPath}campaigns/{campaignId}/leads";
}
