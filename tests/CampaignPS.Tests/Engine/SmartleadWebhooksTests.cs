using System.Net;
using System.Text;
using CampaignPS.Engine.Errors;
using CampaignPS.Engine.Http;
using CampaignPS.Engine.Smartlead;
using CampaignPS.Engine.Validation;
using CampaignPS.Tests.Support;
using Xunit;
using SmartleadReadShape = CampaignPS.Sandbox.Platforms.Smartlead.SmartleadReadShape;

namespace CampaignPS.Tests.Engine;

/// <summary>Campaign webhooks against the sandbox: create, list (both shapes), update by merging with the server's copy, delete, and a create never sent twice.</summary>
[Collection(SmartleadAfterLaunchCollection.Name)]
public sealed class SmartleadWebhooksTests
{
    [Fact]
    public async Task A_webhook_is_created_with_the_references_event_names_and_read_back_in_both_shapes()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        var campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Hooks" });

        SmartleadWebhook created = await client.Webhooks.CreateAsync(campaign.Id, new SmartleadWebhookChange
        {
            Name = " CRM replies ",
            Url = "https://crm.example.com/smartlead",
            EventTypes = [SmartleadWebhookEvent.Replied, SmartleadWebhookEvent.Bounced, SmartleadWebhookEvent.Replied, SmartleadWebhookEvent.Sent],
        });
        var reference = await client.Webhooks.GetAsync(campaign.Id);
        sandbox.State.ReadShape = SmartleadReadShape.Docs;
        var docs = await client.Webhooks.GetAsync(campaign.Id);

        var stored = Assert.Single(sandbox.State.Webhooks(campaign.Id));
        Assert.Equal(["LEAD_REPLIED", "LEAD_BOUNCED", "EMAIL_SENT"], stored.EventTypes);
        Assert.Equal("CRM replies", stored.Name);
        Assert.Equal(stored.Id, created.Id);
        Assert.Equal([SmartleadWebhookEvent.Replied, SmartleadWebhookEvent.Bounced, SmartleadWebhookEvent.Sent], created.EventTypes);
        foreach (var read in new[] { reference, docs })
        {
            SmartleadWebhook webhook = Assert.Single(read);
            Assert.Equal((created.Id, campaign.Id, "CRM replies", "https://crm.example.com/smartlead"), (webhook.Id, webhook.CampaignId, webhook.Name, webhook.Url));
            Assert.Equal(created.EventTypes, webhook.EventTypes);
            Assert.True(webhook.IsActive);
        }

        string body = sandbox.Server.Requests.Snapshot().Single(r => r.Method == "POST" && r.Path.EndsWith("/webhooks", StringComparison.Ordinal)).Body!;
        Assert.Contains("\"id\":null", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_events_reference_vocabulary_is_sent_when_asked()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        var campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Hooks" });

        await client.Webhooks.CreateAsync(campaign.Id, new SmartleadWebhookChange
        {
            Name = "Events names",
            Url = "https://crm.example.com/smartlead",
            EventTypes = [SmartleadWebhookEvent.Replied, SmartleadWebhookEvent.Opened, SmartleadWebhookEvent.Clicked, SmartleadWebhookEvent.Unsubscribed],
            Vocabulary = SmartleadWebhookVocabulary.EventsReference,
        });

        Assert.Equal(["EMAIL_REPLY", "EMAIL_OPEN", "EMAIL_LINK_CLICK", "LEAD_UNSUBSCRIBED"], Assert.Single(sandbox.State.Webhooks(campaign.Id)).EventTypes);
    }

    [Fact]
    public async Task An_update_keeps_what_it_does_not_change_and_an_unknown_webhook_is_WebhookNotFound()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        var campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Hooks" });
        var created = await client.Webhooks.CreateAsync(campaign.Id, new SmartleadWebhookChange { Name = "CRM", Url = "https://crm.example.com/a", EventTypes = [SmartleadWebhookEvent.Replied] });

        var updated = await client.Webhooks.UpdateAsync(campaign.Id, created.Id, new SmartleadWebhookChange { Url = "https://crm.example.com/b" });
        var unknown = await Assert.ThrowsAsync<CampaignApiException>(() => client.Webhooks.UpdateAsync(campaign.Id, 77, new SmartleadWebhookChange { Name = "x" }));
        var everything = await client.Webhooks.UpdateAsync(campaign.Id, created.Id, new SmartleadWebhookChange { Name = "CRM 2", Url = "https://crm.example.com/c", EventTypes = [SmartleadWebhookEvent.Bounced] });

        Assert.Equal(("CRM", "https://crm.example.com/b"), (updated.Name, updated.Url));
        Assert.Equal([SmartleadWebhookEvent.Replied], updated.EventTypes);
        Assert.Equal("SmartleadWebhookNotFound", unknown.ErrorId);
        Assert.Equal(["LEAD_BOUNCED"], Assert.Single(sandbox.State.Webhooks(campaign.Id)).EventTypes);
        Assert.Equal("CRM 2", everything.Name);
        // The partial updates read the server's copy first; the full one does not.
        Assert.Equal(2, sandbox.Count("GET", $"campaigns/{campaign.Id}/webhooks"));
    }

    [Fact]
    public async Task A_deleted_webhook_is_gone_and_deleting_it_again_is_WebhookNotFound()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        var campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Hooks" });
        var created = await client.Webhooks.CreateAsync(campaign.Id, new SmartleadWebhookChange { Name = "CRM", Url = "https://crm.example.com/a", EventTypes = [SmartleadWebhookEvent.Replied] });

        await client.Webhooks.DeleteAsync(campaign.Id, created.Id);
        var again = await Assert.ThrowsAsync<CampaignApiException>(() => client.Webhooks.DeleteAsync(campaign.Id, created.Id));
        var unknownCampaign = await Assert.ThrowsAsync<CampaignApiException>(() => client.Webhooks.GetAsync(424242));

        Assert.Empty(sandbox.State.Webhooks(campaign.Id));
        Assert.Equal("SmartleadWebhookNotFound", again.ErrorId);
        Assert.Equal("SmartleadCampaignNotFound", unknownCampaign.ErrorId);
    }

    [Theory]
    [InlineData(null, "https://crm.example.com", true, "Name")]
    [InlineData("CRM", "", true, "Url")]
    [InlineData("CRM", "ftp://crm.example.com", true, "Url")]
    [InlineData("CRM", "http://crm.example.com/hook", true, "Url")]
    [InlineData("CRM", "not a url", true, "Url")]
    [InlineData("CRM", "https://crm.example.com", false, "EventType")]
    public async Task A_bad_webhook_fails_before_sending(string? name, string url, bool withEvents, string field)
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        var change = new SmartleadWebhookChange { Name = name, Url = url, EventTypes = withEvents ? [SmartleadWebhookEvent.Replied] : [] };

        var error = await Assert.ThrowsAsync<InputValidationException>(() => client.Webhooks.CreateAsync(1, change));

        Assert.Equal(field, error.Field);
        Assert.Empty(sandbox.Server.Requests.Snapshot());
    }

    [Fact]
    public async Task A_create_whose_answer_has_no_id_is_OutcomeUnknown_and_not_sent_again()
    {
        var handler = new CannedAnswer("{\"success\": true}");
        using var client = new SmartleadClient(new ApiConnectionOptions(ApiSecret.FromString("canned-key")) { BaseUri = new Uri("http://127.0.0.1:9/api/v1/"), HttpMessageHandler = handler, RequestsPerSecond = 0 });

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.Webhooks.CreateAsync(5, new SmartleadWebhookChange { Name = "CRM", Url = "https://crm.example.com", EventTypes = [SmartleadWebhookEvent.Replied] }));

        Assert.Equal("SmartleadOutcomeUnknown", error.ErrorId);
        Assert.True(error.Failure.OutcomeUnknown);
        Assert.Contains("without the new webhook's id", error.Message);
        Assert.Contains("not sent again", error.Message);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task A_create_that_fails_after_reaching_the_server_is_not_sent_again()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        var campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Hooks" });
        sandbox.Server.Faults.Add(new CampaignPS.Sandbox.FaultRule { Method = "POST", PathPrefix = sandbox.ApiPath + $"campaigns/{campaign.Id}/webhooks", Kind = CampaignPS.Sandbox.FaultKind.DropConnection, When = CampaignPS.Sandbox.FaultTiming.AfterHandler });

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.Webhooks.CreateAsync(campaign.Id, new SmartleadWebhookChange { Name = "CRM", Url = "https://crm.example.com", EventTypes = [SmartleadWebhookEvent.Replied] }));

        Assert.Equal("SmartleadOutcomeUnknown", error.ErrorId);
        Assert.Single(sandbox.State.Webhooks(campaign.Id));
        Assert.Equal(1, sandbox.Count("POST", $"campaigns/{campaign.Id}/webhooks"));
    }

    [Theory]
    [InlineData("LEAD_REPLIED", SmartleadWebhookEvent.Replied)]
    [InlineData("EMAIL_REPLY", SmartleadWebhookEvent.Replied)]
    [InlineData("email_replied", SmartleadWebhookEvent.Replied)]
    [InlineData("EMAIL_LINK_CLICK", SmartleadWebhookEvent.Clicked)]
    [InlineData("LEAD_CATEGORY_UPDATED", SmartleadWebhookEvent.CategoryUpdated)]
    [InlineData("UNTRACKED_REPLIES", SmartleadWebhookEvent.UntrackedReply)]
    public void Every_documented_spelling_of_an_event_is_read(string wire, SmartleadWebhookEvent expected) =>
        Assert.Equal(expected, SmartleadWebhookEvents.Read(wire));

    /// <summary>Answers every request with one fixed 200 body.</summary>
    private sealed class CannedAnswer(string body) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
