using System.Net;
using CampaignPS.Engine.Errors;
using CampaignPS.Engine.Loops;
using CampaignPS.Tests.Support;
using Xunit;

namespace CampaignPS.Tests.Engine;

/// <summary>Requests go through a configured proxy: a real forward proxy process on loopback, with and without credentials.</summary>
public sealed class ProxyTests
{
    [Fact]
    public async Task Requests_travel_through_the_proxy()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        await using var proxy = new LoopbackProxy();
        using var client = sandbox.Client(o => o.Proxy = proxy.Uri);

        LoopsCampaign campaign = await client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Via proxy" });
        var lists = await client.GetMailingListsAsync();

        Assert.Equal("Via proxy", campaign.Name);
        Assert.Equal(2, lists.Count);
        Assert.Equal([$"POST {sandbox.BaseUri}campaigns", $"GET {sandbox.BaseUri}lists"], proxy.Forwarded.ToArray());
    }

    [Fact]
    public async Task A_proxy_that_wants_credentials_gets_them()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        await using var proxy = new LoopbackProxy("proxyuser", "proxy-pass-123");
        using var client = sandbox.Client(o =>
        {
            o.Proxy = proxy.Uri;
            o.ProxyCredentials = new NetworkCredential("proxyuser", "proxy-pass-123");
        });

        var lists = await client.GetMailingListsAsync();

        Assert.Equal(2, lists.Count);
        Assert.Single(proxy.Forwarded);
        Assert.DoesNotContain(sandbox.Logs.Lines, l => l.Contains("proxy-pass-123", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_the_proxys_credentials_the_run_stops_with_a_clear_error()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        await using var proxy = new LoopbackProxy("proxyuser", "proxy-pass-123");
        using var client = sandbox.Client(o => o.Proxy = proxy.Uri);

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.GetMailingListsAsync());

        Assert.Equal("LoopsProxyAuthenticationRequired", error.ErrorId);
        Assert.True(error.Failure.IsTerminating);
        Assert.Contains("-ProxyCredential", error.Message);
        Assert.Empty(proxy.Forwarded);
        Assert.Empty(sandbox.Server.Requests.Snapshot());
    }
}
