using CampaignPS.Engine.Sms;
using CampaignPS.Sandbox;
using CampaignPS.Sandbox.Platforms.Sms;

namespace CampaignPS.Tests.Support;

/// <summary>A sandbox on a free loopback port plus SMS (Tether) clients pointed at it, with fast retries.</summary>
internal sealed class SmsSandbox : PlatformSandbox<SmsClient>
{
    private SmsSandbox(SandboxServer server, string token)
        : base(server, server.SmsBaseUri, token, options => new SmsClient(options))
    {
    }

    public SmsSandboxState State => Server.Sms;

    /// <summary>Starts a sandbox that accepts <paramref name="token"/>.</summary>
    public static async Task<SmsSandbox> StartAsync(string token = SandboxServer.DefaultSmsToken)
    {
        var server = await SandboxServer.StartAsync(new SandboxOptions { EnforceRateLimits = false, SmsToken = token });
        return new SmsSandbox(server, token);
    }
}
