using CampaignPS.Engine.Errors;
using CampaignPS.Engine.Paging;
using CampaignPS.Engine.Smartlead;
using CampaignPS.Engine.Validation;
using CampaignPS.Tests.Support;
using Xunit;
using SmartleadReadShape = CampaignPS.Sandbox.Platforms.Smartlead.SmartleadReadShape;
using SmartleadSandboxState = CampaignPS.Sandbox.Platforms.Smartlead.SmartleadSandboxState;

namespace CampaignPS.Tests.Engine;

/// <summary>Mailboxes and their health against the sandbox: list, read, warmup settings and statistics, suspend and resume, leaving a campaign.</summary>
[Collection(SmartleadAfterLaunchCollection.Name)]
public sealed class SmartleadMailboxesTests
{
    [Theory]
    [InlineData(SmartleadReadShape.Reference)]
    [InlineData(SmartleadReadShape.Docs)]
    public async Task The_health_figures_read_the_same_from_both_shapes_and_no_password_is_kept(SmartleadReadShape shape)
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        sandbox.State.ReadShape = shape;

        var page = await client.Mailboxes.GetPageAsync(null);
        var casey = await client.Mailboxes.GetAsync(458);

        Assert.Equal([456L, 457, 458], page.Items.Select(a => a.Id));
        Assert.Null(page.NextCursor);
        SmartleadEmailAccount alex = page.Items[0];
        Assert.Equal(("alex@outreach.example", "CONNECTED", false, true, 20, 50), (alex.FromEmail, alex.ConnectionStatus, alex.IsSuspended, alex.WarmupEnabled, alex.WarmupPerDay, alex.MaxEmailPerDay));
        Assert.Equal(("DISCONNECTED", false), (casey.ConnectionStatus, casey.WarmupEnabled));
        Assert.Equal("INACTIVE", casey.WarmupStatus);
        if (shape == SmartleadReadShape.Docs)
        {
            Assert.Equal(98, alex.WarmupReputation);
            Assert.Equal(SmartleadSandboxState.DisconnectedSmtpError, casey.ConnectionError);
            Assert.Equal(0, alex.DailySentCount);
            Assert.Contains(SmartleadSandboxState.MailboxPassword, GetRawAnswer(sandbox), StringComparison.Ordinal);
        }

        foreach (var account in page.Items.Append(casey))
        {
            Assert.DoesNotContain(typeof(SmartleadEmailAccount).GetProperties().Select(p => p.GetValue(account)?.ToString() ?? string.Empty), v => v.Contains(SmartleadSandboxState.MailboxPassword, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Warmup_settings_are_sent_and_read_back_and_out_of_range_values_fail_before_sending()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();

        await client.Mailboxes.SetWarmupAsync(458, new SmartleadWarmupSettings { Enabled = true, PerDay = 12, DailyRampup = 6, ReplyRatePercentage = 40 });
        var after = await client.Mailboxes.GetAsync(458);
        var perDay = await Assert.ThrowsAsync<InputValidationException>(() => client.Mailboxes.SetWarmupAsync(458, new SmartleadWarmupSettings { Enabled = true, PerDay = 51 }));
        var rampup = await Assert.ThrowsAsync<InputValidationException>(() => client.Mailboxes.SetWarmupAsync(458, new SmartleadWarmupSettings { Enabled = true, DailyRampup = 4 }));
        var reply = await Assert.ThrowsAsync<InputValidationException>(() => client.Mailboxes.SetWarmupAsync(458, new SmartleadWarmupSettings { Enabled = true, ReplyRatePercentage = 19 }));
        var unknown = await Assert.ThrowsAsync<CampaignApiException>(() => client.Mailboxes.SetWarmupAsync(999, new SmartleadWarmupSettings { Enabled = false }));

        Assert.Equal((true, 12, 6, 40), (sandbox.State.Health(458).WarmupEnabled, sandbox.State.Health(458).WarmupPerDay, sandbox.State.Health(458).DailyRampup, sandbox.State.Health(458).ReplyRatePercentage));
        Assert.Equal((true, 12), (after.WarmupEnabled, after.WarmupPerDay));
        Assert.Equal(["PerDay", "DailyRampup", "ReplyRatePercentage"], new[] { perDay, rampup, reply }.Select(e => e.Field));
        Assert.Equal("SmartleadEmailAccountNotFound", unknown.ErrorId);
        Assert.Equal(2, sandbox.Count("POST", "email-accounts/"));
    }

    [Theory]
    [InlineData(SmartleadReadShape.Reference)]
    [InlineData(SmartleadReadShape.Docs)]
    public async Task Warmup_statistics_read_from_both_shapes(SmartleadReadShape shape)
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        sandbox.State.ReadShape = shape;

        var stats = await client.Mailboxes.GetWarmupStatisticsAsync(456);

        Assert.Equal(456, stats.EmailAccountId);
        Assert.Equal(98, stats.Reputation);
        Assert.True(stats.Sent > 0);
        Assert.True(stats.Spam >= 0);
        if (shape == SmartleadReadShape.Docs)
        {
            Assert.Equal(7, stats.Daily.Count);
            Assert.Equal(20, stats.Daily[0].Sent);
        }
        else
        {
            Assert.Equal(42, stats.DaysInWarmup);
            Assert.Equal(stats.Sent - stats.Spam, stats.Inbox);
        }
    }

    [Theory]
    [InlineData(SmartleadReadShape.Reference)]
    [InlineData(SmartleadReadShape.Docs)]
    public async Task Suspend_and_resume_and_an_unknown_account_is_EmailAccountNotFound_with_404_or_the_docs_400(SmartleadReadShape shape)
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        sandbox.State.ReadShape = shape;

        await client.Mailboxes.SuspendAsync(457);
        bool suspended = sandbox.State.Health(457).IsSuspended;
        await client.Mailboxes.ResumeAsync(457);
        var unknown = await Assert.ThrowsAsync<CampaignApiException>(() => client.Mailboxes.SuspendAsync(999));

        Assert.True(suspended);
        Assert.False(sandbox.State.Health(457).IsSuspended);
        Assert.Equal("SmartleadEmailAccountNotFound", unknown.ErrorId);
        Assert.Equal(FailureCategory.ObjectNotFound, unknown.Failure.Category);
    }

    [Fact]
    public async Task A_suspended_or_disconnected_mailbox_sends_nothing()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        long campaignId = await SmartleadLaunch.StartAsync(sandbox, client, "ann@acme.example", "bo@acme.example", "cy@acme.example");
        await client.AddEmailAccountsAsync(campaignId, [458]);
        await client.Mailboxes.SuspendAsync(457);

        sandbox.State.Deliver(campaignId);

        Assert.All(sandbox.State.Sends(campaignId), s => Assert.Equal(456, s.EmailAccountId));
    }

    [Theory]
    [InlineData(SmartleadReadShape.Reference)]
    [InlineData(SmartleadReadShape.Docs)]
    public async Task A_campaigns_mailboxes_are_read_bare_or_in_the_docs_envelope(SmartleadReadShape shape)
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        long campaignId = await SmartleadLaunch.StartAsync(sandbox, client, "ann@acme.example");
        sandbox.State.ReadShape = shape;

        var accounts = await client.GetEmailAccountsAsync(campaignId);

        Assert.Equal([456L, 457], accounts.Select(a => a.Id));
        Assert.All(accounts, a => Assert.Equal("CONNECTED", a.ConnectionStatus));
    }

    [Fact]
    public void A_top_level_reputation_word_is_left_out_and_a_number_kept()
    {
        var word = System.Text.Json.JsonSerializer.Deserialize<EmailAccountDto>("{\"id\": 2001, \"warmup_enabled\": true, \"warmup_reputation\": \"excellent\"}", CampaignPS.Engine.Json.ApiJson.Options)!.ToModel();
        var number = System.Text.Json.JsonSerializer.Deserialize<EmailAccountDto>("{\"id\": 2002, \"warmup_reputation\": \"97%\"}", CampaignPS.Engine.Json.ApiJson.Options)!.ToModel();

        Assert.Null(word.WarmupReputation);
        Assert.True(word.WarmupEnabled);
        Assert.Equal(97, number.WarmupReputation);
    }

    [Fact]
    public async Task Mailboxes_leave_a_campaign_and_empty_or_bad_ids_fail_before_sending()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        long campaignId = await SmartleadLaunch.StartAsync(sandbox, client, "ann@acme.example");

        await client.Mailboxes.RemoveFromCampaignAsync(campaignId, [457, 457]);
        var remaining = await client.GetEmailAccountsAsync(campaignId);
        var unknown = await Assert.ThrowsAsync<CampaignApiException>(() => client.Mailboxes.RemoveFromCampaignAsync(campaignId, [999]));
        int requests = sandbox.Server.Requests.Snapshot().Count;
        var empty = await Assert.ThrowsAsync<InputValidationException>(() => client.Mailboxes.RemoveFromCampaignAsync(campaignId, []));
        var zero = await Assert.ThrowsAsync<InputValidationException>(() => client.Mailboxes.RemoveFromCampaignAsync(campaignId, [0]));

        Assert.Equal([456L], remaining.Select(a => a.Id));
        Assert.Equal([456L], sandbox.State.Campaign(campaignId)!.EmailAccountIds);
        Assert.Contains("\"email_account_ids\":[457]", sandbox.Server.Requests.Snapshot().First(r => r.Method == "DELETE").Body, StringComparison.Ordinal);
        Assert.Equal("SmartleadEmailAccountNotFound", unknown.ErrorId);
        Assert.Equal(["EmailAccountId", "EmailAccountId"], new[] { empty, zero }.Select(e => e.Field));
        Assert.Equal(requests, sandbox.Server.Requests.Snapshot().Count);
    }

    [Fact]
    public async Task The_account_list_is_paged_by_the_page_size()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();

        var pager = new CursorPager<SmartleadEmailAccount>((cursor, token) => client.Mailboxes.GetPageAsync(cursor, 2, token), allPages: true, maxItems: null);
        var all = new List<SmartleadEmailAccount>();
        while (await pager.NextAsync(CancellationToken.None) is { } page)
        {
            all.AddRange(page);
        }

        Assert.Equal([456L, 457, 458], all.Select(a => a.Id));
        Assert.Equal(2, pager.PagesRead);
    }

    // The sandbox does send the password in the docs shape (so that the test above proves it is dropped on reading).
    private static string GetRawAnswer(SmartleadSandbox sandbox)
    {
        using var http = new HttpClient();
        return http.GetStringAsync(new Uri(sandbox.BaseUri, "email-accounts/?api_key=" + CampaignPS.Sandbox.SandboxServer.DefaultSmartleadApiKey)).GetAwaiter().GetResult();
    }
}
