using CampaignPS.Engine.Outbox;
using CampaignPS.Sandbox;
using CampaignPS.Sandbox.Platforms.Outbox;

namespace CampaignPS.Tests.Support;

/// <summary>A sandbox on a free loopback port plus Outbox clients pointed at it, with fast retries.</summary>
internal sealed class OutboxSandbox : PlatformSandbox<OutboxClient>
{
    private OutboxSandbox(SandboxServer server, string apiKey)
        : base(server, server.OutboxBaseUri, apiKey, options => new OutboxClient(options, OutboxSandboxState.SeedCompanyId))
    {
    }

    public OutboxSandboxState State => Server.Outbox;

    /// <summary>Starts a sandbox that accepts <paramref name="apiKey"/>; clients default to the seeded company.</summary>
    public static async Task<OutboxSandbox> StartAsync(string apiKey = SandboxServer.DefaultOutboxApiKey)
    {
        var server = await SandboxServer.StartAsync(new SandboxOptions { EnforceRateLimits = false, OutboxApiKey = apiKey });
        return new OutboxSandbox(server, apiKey);
    }

    /// <summary>A client with no default company.</summary>
    public OutboxClient ClientWithoutCompany() => new(Options());
}
