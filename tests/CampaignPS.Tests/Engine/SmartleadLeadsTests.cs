using System.Net;
using CampaignPS.Engine.Errors;
using CampaignPS.Engine.Paging;
using CampaignPS.Engine.Smartlead;
using CampaignPS.Engine.Validation;
using CampaignPS.Tests.Support;
using Xunit;
using SmartleadReadShape = CampaignPS.Sandbox.Platforms.Smartlead.SmartleadReadShape;
using SmartleadEmailEvent = CampaignPS.Sandbox.Platforms.Smartlead.SmartleadEmailEvent;
using SmartleadSandboxState = CampaignPS.Sandbox.Platforms.Smartlead.SmartleadSandboxState;

namespace CampaignPS.Tests.Engine;

/// <summary>A campaign's leads after import against the sandbox: paging, filters, lookups, the lead actions and their documented errors.</summary>
[Collection(SmartleadAfterLaunchCollection.Name)]
public sealed class SmartleadLeadsTests
{
    private const long UnknownCampaign = 424242;

    [Fact]
    public async Task Pages_of_100_are_read_one_at_a_time_until_the_total_and_the_pager_stops_there()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        var campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Paged" });
        sandbox.State.SeedLeads(campaign.Id, 250);

        var pager = new CursorPager<SmartleadCampaignLead>((cursor, token) => client.Leads.GetPageAsync(campaign.Id, null, cursor, null, token), allPages: true, maxItems: null);
        var read = new List<SmartleadCampaignLead>();
        while (await pager.NextAsync(CancellationToken.None) is { } page)
        {
            read.AddRange(page);
        }

        Assert.Equal(250, read.Count);
        Assert.Equal(250, read.Select(l => l.Id).Distinct().Count());
        Assert.Equal(3, pager.PagesRead);
        Assert.All(read, l => Assert.Equal(campaign.Id, l.CampaignId));
        Assert.Equal("lead00001@seed.example", read[0].Email);
        Assert.Equal("Seed", read[0].CustomFields["Tier"]);
        Assert.Equal("{\"Tier\":\"Seed\"}", read[0].CustomFields.ToString());
        var queries = sandbox.Server.Requests.Snapshot().Where(r => r.Method == "GET" && r.Path.EndsWith("/leads", StringComparison.Ordinal)).Select(r => r.QueryString).ToList();
        Assert.Equal(3, queries.Count);
        Assert.Contains(queries, q => q.Contains("offset=200", StringComparison.Ordinal) && q.Contains("limit=100", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_filters_go_out_in_the_references_names_and_the_sandbox_applies_them()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        long campaignId = await SmartleadLaunch.StartAsync(sandbox, client, "ann@acme.example", "bo@acme.example", "cy@acme.example");
        await client.Leads.PauseAsync(campaignId, SmartleadLaunch.LeadId(sandbox, campaignId, "cy@acme.example"));
        SmartleadLaunch.Deliver(sandbox, campaignId, ("ann@acme.example", SmartleadEmailEvent.Replied));
        await client.Leads.SetCategoryAsync(campaignId, SmartleadLaunch.LeadId(sandbox, campaignId, "bo@acme.example"), 3);

        var paused = (await client.Leads.GetPageAsync(campaignId, new SmartleadLeadFilter { Status = SmartleadLeadStatus.Paused }, null)).Items;
        var replied = (await client.Leads.GetPageAsync(campaignId, new SmartleadLeadFilter { EmailStatus = SmartleadEmailStatus.Replied }, null)).Items;
        var inProgress = (await client.Leads.GetPageAsync(campaignId, new SmartleadLeadFilter { Status = SmartleadLeadStatus.InProgress }, null)).Items;
        var booked = (await client.Leads.GetPageAsync(campaignId, new SmartleadLeadFilter { CategoryId = 3, SequenceNumber = 1 }, null)).Items;

        Assert.Equal(["cy@acme.example"], paused.Select(l => l.Email));
        Assert.Equal("PAUSED", paused[0].Status);
        Assert.Equal(["ann@acme.example"], replied.Select(l => l.Email));
        Assert.Equal("COMPLETED", replied[0].Status);
        Assert.Equal(["bo@acme.example"], inProgress.Select(l => l.Email));
        Assert.Equal(["bo@acme.example"], booked.Select(l => l.Email));
        var queries = sandbox.Server.Requests.Snapshot().Select(r => r.QueryString).ToList();
        Assert.Contains(queries, q => q.Contains("status=PAUSED", StringComparison.Ordinal));
        Assert.Contains(queries, q => q.Contains("email_status=Replied", StringComparison.Ordinal));
        Assert.Contains(queries, q => q.Contains("status=INPROGRESS", StringComparison.Ordinal));
        Assert.Contains(queries, q => q.Contains("lead_category_id=3", StringComparison.Ordinal) && q.Contains("email_sequence_number=1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_docs_nested_lead_list_is_read_with_status_category_and_total()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        long campaignId = await SmartleadLaunch.StartAsync(sandbox, client, "ann@acme.example", "bo@acme.example");
        await client.Leads.SetCategoryAsync(campaignId, SmartleadLaunch.LeadId(sandbox, campaignId, "bo@acme.example"), 1);
        sandbox.State.ReadShape = SmartleadReadShape.Docs;

        var page = await client.Leads.GetPageAsync(campaignId, null, null);

        Assert.Equal(["ann@acme.example", "bo@acme.example"], page.Items.Select(l => l.Email));
        Assert.Equal("STARTED", page.Items[0].Status);
        Assert.Equal(1, page.Items[1].CategoryId);
        Assert.Equal("Gold", page.Items[0].CustomFields["Tier"]);
        Assert.False(page.Items[0].IsUnsubscribed);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task A_lead_is_found_by_email_in_every_campaign_it_is_in_in_both_documented_shapes()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        long first = await SmartleadLaunch.StartAsync(sandbox, client, "ada@example.com");
        var second = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Second" });
        sandbox.State.SeedLead(second.Id, "ada@example.com"); // a lead in two campaigns (the reference has no setting that adds one)

        var reference = await client.Leads.FindByEmailAsync("ada@example.com");
        sandbox.State.ReadShape = SmartleadReadShape.Docs;
        var docs = await client.Leads.FindByEmailAsync(" ada@example.com ");

        foreach (var found in new[] { reference, docs })
        {
            Assert.Equal([first, second.Id], found.Select(l => l.CampaignId));
            Assert.Single(found.Select(l => l.Id).Distinct());
            Assert.All(found, l => Assert.Equal("ada@example.com", l.Email));
        }

        Assert.Equal("Second", reference[1].CampaignName);
        Assert.Equal("ACTIVE", reference[0].Status);
        Assert.Equal(1, sandbox.Count("GET", "leads/" + reference[0].Id + "/campaigns"));
        Assert.Equal("Second", docs[1].CampaignName);
    }

    [Theory]
    [InlineData(SmartleadReadShape.Reference)]
    [InlineData(SmartleadReadShape.Docs)]
    public async Task An_unknown_address_is_LeadNotFound_whether_the_server_says_404_or_an_empty_object(SmartleadReadShape shape)
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        sandbox.State.ReadShape = shape;

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.Leads.FindByEmailAsync("nobody@example.com"));

        Assert.Equal("SmartleadLeadNotFound", error.ErrorId);
        Assert.Equal(FailureCategory.ObjectNotFound, error.Failure.Category);
    }

    [Theory]
    [InlineData("", "Email")]
    [InlineData("not-an-email", "Email")]
    public async Task A_bad_address_fails_before_sending(string email, string field)
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();

        var error = await Assert.ThrowsAsync<InputValidationException>(() => client.Leads.FindByEmailAsync(email));

        Assert.Equal(field, error.Field);
        Assert.Empty(sandbox.Server.Requests.Snapshot());
    }

    [Fact]
    public async Task Pause_and_resume_change_the_leads_status_and_a_paused_lead_gets_no_email()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        long campaignId = await SmartleadLaunch.StartAsync(sandbox, client, "ann@acme.example", "bo@acme.example");
        long bo = SmartleadLaunch.LeadId(sandbox, campaignId, "bo@acme.example");

        await client.Leads.PauseAsync(campaignId, bo);
        await client.Leads.PauseAsync(campaignId, bo);
        string paused = sandbox.State.Leads(campaignId).Single(l => l.Id == bo).Status;
        int sent = sandbox.State.Deliver(campaignId);
        await client.Leads.ResumeAsync(campaignId, bo);
        var after = await client.Leads.GetCampaignsOfLeadAsync(bo);

        Assert.Equal(SmartleadSandboxState.LeadPaused, paused);
        Assert.Equal(1, sent);
        Assert.Equal(["ann@acme.example"], sandbox.State.Sends(campaignId).Select(s => s.LeadEmail));
        Assert.Equal("ACTIVE", Assert.Single(after).Status);
        Assert.Equal(campaignId, after[0].CampaignId);
        Assert.Equal(2, sandbox.Count("POST", $"campaigns/{campaignId}/leads/{bo}/pause"));
    }

    [Fact]
    public async Task Unsubscribing_from_a_campaign_and_everywhere_and_the_docs_no_update_answer()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        long first = await SmartleadLaunch.StartAsync(sandbox, client, "ada@example.com", "bo@example.com");
        var second = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Second" });
        sandbox.State.SeedLead(second.Id, "ada@example.com"); // a lead in two campaigns (the reference has no setting that adds one)
        long ada = SmartleadLaunch.LeadId(sandbox, first, "ada@example.com");
        long bo = SmartleadLaunch.LeadId(sandbox, first, "bo@example.com");
        sandbox.State.ReadShape = SmartleadReadShape.Docs;

        bool campaignOnly = await client.Leads.UnsubscribeAsync(first, bo);
        bool everywhere = await client.Leads.UnsubscribeEverywhereAsync(ada);
        bool again = await client.Leads.UnsubscribeEverywhereAsync(ada);

        Assert.True(campaignOnly);
        Assert.True(everywhere);
        Assert.False(again);
        Assert.Equal("UNSUBSCRIBED", sandbox.State.Leads(first).Single(l => l.Id == bo).Status);
        Assert.All(new[] { first, second.Id }, id => Assert.Equal("UNSUBSCRIBED", sandbox.State.Leads(id).Single(l => l.Email == "ada@example.com").Status));
        Assert.Contains("ada@example.com", sandbox.State.UnsubscribedEmails);
    }

    [Fact]
    public async Task Categories_are_listed_and_set_and_an_unknown_category_is_LeadCategoryNotFound()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        long campaignId = await SmartleadLaunch.StartAsync(sandbox, client, "ann@acme.example");
        long ann = SmartleadLaunch.LeadId(sandbox, campaignId, "ann@acme.example");

        var categories = await client.Leads.GetCategoriesAsync();
        await client.Leads.SetCategoryAsync(campaignId, ann, 789, pauseLead: true);
        var unknown = await Assert.ThrowsAsync<CampaignApiException>(() => client.Leads.SetCategoryAsync(campaignId, ann, 5));
        sandbox.State.ReadShape = SmartleadReadShape.Docs;
        var docs = await client.Leads.GetCategoriesAsync();

        Assert.Equal([1L, 2, 3, 789], categories.Select(c => c.Id));
        Assert.Equal("Interested", categories[0].Name);
        Assert.Equal("#2e7d32", categories[0].Color);
        Assert.Equal("positive", docs[0].Sentiment);
        Assert.Equal(789, sandbox.State.LeadCategoryId(campaignId, ann));
        Assert.Equal("PAUSED", sandbox.State.Leads(campaignId).Single().Status);
        Assert.Equal("SmartleadLeadCategoryNotFound", unknown.ErrorId);
        Assert.Contains("Get-SmartleadLeadCategory", unknown.Message);
    }

    [Fact]
    public async Task A_removed_lead_is_gone_and_removing_it_again_is_LeadNotFound_and_not_retried_and_an_unknown_campaign_is_CampaignNotFound()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        long campaignId = await SmartleadLaunch.StartAsync(sandbox, client, "ann@acme.example", "bo@acme.example");
        long ann = SmartleadLaunch.LeadId(sandbox, campaignId, "ann@acme.example");

        await client.Leads.DeleteAsync(campaignId, ann);
        var again = await Assert.ThrowsAsync<CampaignApiException>(() => client.Leads.DeleteAsync(campaignId, ann));
        var unknownCampaign = await Assert.ThrowsAsync<CampaignApiException>(() => client.Leads.PauseAsync(UnknownCampaign, ann));

        Assert.Equal(["bo@acme.example"], sandbox.State.LeadEmails(campaignId));
        Assert.Equal("SmartleadLeadNotFound", again.ErrorId);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        // A 404 names what was not found (ApiOperation.About): the campaign the server's message names, not the lead.
        Assert.Equal("SmartleadCampaignNotFound", unknownCampaign.ErrorId);
        Assert.Contains($"campaign id '{UnknownCampaign}'", unknownCampaign.Message);
        Assert.Equal(2, sandbox.Count("DELETE", $"campaigns/{campaignId}/leads/{ann}"));
    }

    [Fact]
    public async Task A_pause_that_failed_is_sent_again_but_a_removal_whose_answer_was_lost_is_not()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        long campaignId = await SmartleadLaunch.StartAsync(sandbox, client, "ann@acme.example", "bo@acme.example");
        long ann = SmartleadLaunch.LeadId(sandbox, campaignId, "ann@acme.example");
        long bo = SmartleadLaunch.LeadId(sandbox, campaignId, "bo@acme.example");
        sandbox.Server.Faults.Add(new CampaignPS.Sandbox.FaultRule { PathPrefix = sandbox.ApiPath + $"campaigns/{campaignId}/leads/{ann}/pause", Kind = CampaignPS.Sandbox.FaultKind.Status, StatusCode = 503 });
        sandbox.Server.Faults.Add(new CampaignPS.Sandbox.FaultRule { PathPrefix = sandbox.ApiPath + $"campaigns/{campaignId}/leads/{bo}", Method = "DELETE", Kind = CampaignPS.Sandbox.FaultKind.Status, StatusCode = 503, When = CampaignPS.Sandbox.FaultTiming.AfterHandler });

        await client.Leads.PauseAsync(campaignId, ann);
        var removal = await Assert.ThrowsAsync<CampaignApiException>(() => client.Leads.DeleteAsync(campaignId, bo));

        Assert.Equal(2, sandbox.Count("POST", $"campaigns/{campaignId}/leads/{ann}/pause"));
        Assert.Equal("PAUSED", sandbox.State.Leads(campaignId).Single(l => l.Id == ann).Status);
        Assert.Equal("SmartleadOutcomeUnknown", removal.ErrorId);
        Assert.True(removal.Failure.OutcomeUnknown);
        Assert.Equal(["ann@acme.example"], sandbox.State.LeadEmails(campaignId));
        Assert.Equal(1, sandbox.Count("DELETE", $"campaigns/{campaignId}/leads/{bo}"));
    }

    [Theory]
    [InlineData(0L, 1L, "CampaignId")]
    [InlineData(1L, -5L, "LeadId")]
    public async Task Ids_below_one_fail_before_sending(long campaignId, long leadId, string field)
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();

        var pause = await Assert.ThrowsAsync<InputValidationException>(() => client.Leads.PauseAsync(campaignId, leadId));
        var list = await Assert.ThrowsAsync<InputValidationException>(() => client.Leads.GetPageAsync(campaignId == 0 ? 0 : 1, new SmartleadLeadFilter { SequenceNumber = 21 }, null));

        Assert.Equal(field, pause.Field);
        Assert.Contains(list.Field, new[] { "CampaignId", "SequenceNumber" });
        Assert.Empty(sandbox.Server.Requests.Snapshot());
    }

    [Fact]
    public async Task A_lead_list_filter_the_list_does_not_have_fails_before_sending()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();

        var error = await Assert.ThrowsAsync<InputValidationException>(() => client.Leads.GetPageAsync(1, new SmartleadLeadFilter { EmailStatus = SmartleadEmailStatus.Unsubscribed }, null));
        var pageSize = await Assert.ThrowsAsync<InputValidationException>(() => client.Leads.GetPageAsync(1, null, null, pageSize: 101));
        var cursor = await Assert.ThrowsAsync<InputValidationException>(() => client.Leads.GetPageAsync(1, null, "next, please"));

        Assert.Equal("EmailStatus", error.Field);
        Assert.Contains("-Status Unsubscribed", error.Message);
        Assert.Equal("PageSize", pageSize.Field);
        Assert.Equal("Cursor", cursor.Field);
        Assert.Empty(sandbox.Server.Requests.Snapshot());
    }

    [Fact]
    public async Task An_unknown_campaign_is_CampaignNotFound()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.Leads.GetPageAsync(UnknownCampaign, null, null));

        Assert.Equal("SmartleadCampaignNotFound", error.ErrorId);
    }
}
