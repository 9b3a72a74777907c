using System.Net;
using CampaignPS.Engine.Errors;
using CampaignPS.Engine.Http;
using CampaignPS.Engine.Platforms;
using CampaignPS.Engine.Loops;
using CampaignPS.Engine.Paging;
using CampaignPS.Engine.Validation;
using CampaignPS.Sandbox;
using LoopsCreateShape = CampaignPS.Sandbox.Platforms.Loops.LoopsCreateShape;
using CampaignPS.Tests.Support;
using Xunit;

namespace CampaignPS.Tests.Engine;

/// <summary>Every Loops operation against the sandbox over real loopback HTTP: success and each documented error.</summary>
public sealed class LoopsClientTests
{
    [Fact]
    public async Task Create_reads_the_current_response_shape_with_id_and_url()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();

        LoopsCampaign campaign = await client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Spring announcement", MailingListId = "list_main" });

        Assert.StartsWith("cmp_", campaign.Id);
        Assert.Equal("Spring announcement", campaign.Name);
        Assert.Equal("Draft", campaign.Status);
        Assert.Equal("list_main", campaign.MailingListId);
        Assert.EndsWith(campaign.Id, campaign.Url);
        Assert.NotNull(campaign.EmailMessageId);
        Assert.Equal(sandbox.Server.Loops.GetCurrentRevision(campaign.EmailMessageId!), campaign.EmailMessageContentRevisionId);
    }

    [Fact]
    public async Task Create_reads_the_legacy_response_shape_with_campaignId()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        sandbox.Server.Loops.CreateShape = LoopsCreateShape.Legacy;
        using var client = sandbox.Client();

        LoopsCampaign campaign = await client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Legacy" });
        LoopsCampaign again = await client.GetCampaignAsync(campaign.Id);

        Assert.StartsWith("cmp_", campaign.Id);
        Assert.Null(campaign.Url);
        Assert.Equal(campaign.Id, again.Id);
        Assert.Equal(1, sandbox.Server.Loops.CampaignCount);
    }

    [Fact]
    public async Task A_create_answer_that_leaves_out_the_audience_and_group_is_filled_from_the_request()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        sandbox.Server.Loops.CreateShape = LoopsCreateShape.Sparse;
        using var client = sandbox.Client();

        LoopsCampaign campaign = await client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Sparse", MailingListId = "list_main", CampaignGroupId = "grp_launches", AudienceSegmentId = "seg_01" });

        Assert.Equal("list_main", campaign.MailingListId);
        Assert.Equal("grp_launches", campaign.CampaignGroupId);
        Assert.Equal("seg_01", campaign.AudienceSegmentId);
        Assert.Equal("list_main", sandbox.Server.Loops.GetCampaign(campaign.Id)!.MailingListId);
    }

    [Fact]
    public async Task A_campaign_has_one_set_of_fields_whether_listed_or_read_by_id()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        LoopsCampaign created = await client.CreateCampaignAsync(new NewLoopsCampaign { Name = "One meaning" });
        await client.UpdateEmailMessageAsync(created.EmailMessageId!, new LoopsEmailMessageChanges { ExpectedRevisionId = created.EmailMessageContentRevisionId, Subject = "Listed subject" });

        LoopsCampaign listed = (await client.GetCampaignPageAsync()).Items.Single(c => c.Id == created.Id);
        LoopsCampaign read = await client.GetCampaignAsync(created.Id);
        LoopsEmailMessage message = await client.GetEmailMessageAsync(created.EmailMessageId!);

        // The subject is the email message's (the campaign object of 1.21.6 and 1.22.2 has none).
        Assert.Null(typeof(LoopsCampaign).GetProperty("Subject"));
        Assert.Equal(
            string.Join("|", typeof(LoopsCampaign).GetProperties().Where(p => p.Name != "UpdatedAt").Select(p => $"{p.Name}={p.GetValue(listed)}")),
            string.Join("|", typeof(LoopsCampaign).GetProperties().Where(p => p.Name != "UpdatedAt").Select(p => $"{p.Name}={p.GetValue(read)}")));
        Assert.Equal("Listed subject", message.Subject);
        Assert.Equal("styled", message.EmailFormat);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task Create_without_a_name_fails_before_sending(string? name)
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();

        var error = await Assert.ThrowsAsync<InputValidationException>(() => client.CreateCampaignAsync(new NewLoopsCampaign { Name = name }));

        Assert.Equal("LoopsInvalidName", error.ErrorId);
        Assert.Contains("Name is empty", error.Message);
        Assert.Empty(sandbox.Server.Requests.Snapshot());
    }

    [Fact]
    public async Task Create_with_an_unknown_mailing_list_or_segment_is_that_resource_not_found_naming_the_id()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();

        var list = await Assert.ThrowsAsync<CampaignApiException>(() => client.CreateCampaignAsync(new NewLoopsCampaign { Name = "x", MailingListId = "list_nope" }));
        var segment = await Assert.ThrowsAsync<CampaignApiException>(() => client.CreateCampaignAsync(new NewLoopsCampaign { Name = "x", MailingListId = "list_main", AudienceSegmentId = "seg_nope" }));

        Assert.Equal("LoopsMailingListNotFound", list.ErrorId);
        Assert.Equal(FailureCategory.ObjectNotFound, list.Failure.Category);
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Contains("Check the mailing list id 'list_nope'", list.Message);
        Assert.DoesNotContain("campaign id", list.Message);
        Assert.NotNull(list.Failure.RequestId);
        Assert.Contains(list.Failure.RequestId!, list.Failure.Details);
        Assert.Equal("LoopsAudienceSegmentNotFound", segment.ErrorId);
        Assert.Contains("Check the audience segment id 'seg_nope'", segment.Message);
    }

    [Theory]
    [InlineData("Referenced mailing list or audience segment not found.", "LoopsNotFound", "the mailing list id 'list_a' and the audience segment id 'seg_b'")]
    [InlineData("Campaign not found.", "LoopsCampaignNotFound", "the campaign id 'cmp_c'")]
    [InlineData("Not found", "LoopsNotFound", "the campaign id 'cmp_c' and the mailing list id 'list_a' and the audience segment id 'seg_b'")]
    [InlineData("No such thing: seg_b", "LoopsAudienceSegmentNotFound", "the audience segment id 'seg_b'")]
    public void A_404_names_the_resource_the_server_names_else_the_ids_the_request_carried(string apiMessage, string errorId, string advice)
    {
        var operation = new ApiOperation("update campaign", "Campaign", RequestSafety.IdempotentWrite).About(("Campaign", "cmp_c"), ("MailingList", "list_a"), ("AudienceSegment", "seg_b"), ("CampaignGroup", null));
        var builder = new ApiFailureBuilder(PlatformInfo.Loops, operation, "POST", "https://app.loops.so/api/v1/campaigns/cmp_c");

        ApiFailure failure = builder.FromResponse(HttpStatusCode.NotFound, "{\"message\":\"" + apiMessage + "\"}", null, null);

        Assert.Equal(errorId, failure.ErrorId);
        Assert.Contains("Check " + advice + ".", failure.Message);
    }

    [Fact]
    public void Hints_name_resources_in_words_and_a_409_hint_names_its_operation()
    {
        var get = new ApiFailureBuilder(PlatformInfo.Loops, new ApiOperation("get email message", "EmailMessage", RequestSafety.Read), "GET", "https://app.loops.so/api/v1/email-messages/em_1");
        var group = new ApiFailureBuilder(PlatformInfo.Loops, new ApiOperation("rename campaign group", "CampaignGroup", RequestSafety.IdempotentWrite), "POST", "https://app.loops.so/api/v1/campaign-groups/grp_1");

        ApiFailure notFound = get.FromResponse(HttpStatusCode.NotFound, null, null, null);
        ApiFailure conflict = group.FromResponse(HttpStatusCode.Conflict, null, null, null);

        Assert.EndsWith("Check the email message id.", notFound.Message);
        Assert.Contains("The campaign group's current state does not allow this rename campaign group", conflict.Message);
    }

    [Fact]
    public async Task A_409_of_an_email_message_update_that_names_no_cause_is_about_the_revision()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        LoopsCampaign campaign = await client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Revisions" });
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.Status, StatusCode = 409, Times = 1, Method = "POST", PathPrefix = sandbox.ApiPath + "email-messages/" });

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.UpdateEmailMessageAsync(campaign.EmailMessageId!, new LoopsEmailMessageChanges { ExpectedRevisionId = campaign.EmailMessageContentRevisionId, Subject = "Hi" }));

        Assert.Equal("LoopsRevisionStale", error.ErrorId);
        Assert.Contains("ContentRevisionId", error.Message);
    }

    [Fact]
    public async Task A_501_is_reported_at_once_as_not_implemented_and_not_retried()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.Status, StatusCode = 501, Times = -1, Method = "GET", PathPrefix = sandbox.ApiPath + "campaigns/" });

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.GetCampaignAsync("cmp_1"));

        Assert.Equal("LoopsNotImplemented", error.ErrorId);
        Assert.Equal(FailureCategory.InvalidOperation, error.Failure.Category);
        Assert.False(error.Failure.OutcomeUnknown);
        Assert.Equal(1, sandbox.Count("GET", "campaigns/"));
    }

    [Fact]
    public async Task Get_of_a_missing_campaign_is_ObjectNotFound()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.GetCampaignAsync("cmp_missing"));

        Assert.Equal("LoopsCampaignNotFound", error.ErrorId);
        Assert.Equal(FailureCategory.ObjectNotFound, error.Failure.Category);
        Assert.False(error.Failure.IsTerminating);
        Assert.Equal(1, sandbox.Count("GET", "campaigns/cmp_missing"));
    }

    [Fact]
    public async Task Paging_reads_every_page_to_the_end_or_stops_at_First()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        for (int i = 0; i < 23; i++)
        {
            await client.CreateCampaignAsync(new NewLoopsCampaign { Name = $"Campaign {i:00}" });
        }

        var all = await ReadAll(new CursorPager<LoopsCampaign>((c, t) => client.GetCampaignPageAsync(c, 10, t), allPages: true, maxItems: null));
        var firstFifteen = await ReadAll(new CursorPager<LoopsCampaign>((c, t) => client.GetCampaignPageAsync(c, 10, t), allPages: false, maxItems: 15));
        var firstPage = await ReadAll(new CursorPager<LoopsCampaign>((c, t) => client.GetCampaignPageAsync(c, null, t), allPages: false, maxItems: null));

        Assert.Equal(23, all.Items.Select(c => c.Id).Distinct().Count());
        Assert.Equal(3, all.Pages);
        Assert.Equal(15, firstFifteen.Items.Count);
        Assert.Equal(2, firstFifteen.Pages);
        Assert.Equal(20, firstPage.Items.Count);
        Assert.Equal(1, firstPage.Pages);
    }

    [Fact]
    public async Task Page_size_outside_10_to_50_fails_before_sending()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();

        var error = await Assert.ThrowsAsync<InputValidationException>(() => client.GetCampaignPageAsync(null, 5));

        Assert.Equal("PageSize", error.Field);
        Assert.Empty(sandbox.Server.Requests.Snapshot());
    }

    [Fact]
    public async Task Update_changes_a_draft_and_rejects_a_campaign_that_is_no_longer_a_draft()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        LoopsCampaign campaign = await client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Before" });

        LoopsCampaign renamed = await client.UpdateCampaignAsync(campaign.Id, new LoopsCampaignChanges { Name = "After", MailingListId = "list_beta" });
        sandbox.Server.Loops.SetCampaignStatus(campaign.Id, "Sent");
        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.UpdateCampaignAsync(campaign.Id, new LoopsCampaignChanges { MailingListId = "list_main" }));

        Assert.Equal("After", renamed.Name);
        Assert.Equal("list_beta", renamed.MailingListId);
        Assert.Equal("LoopsCampaignNotDraft", error.ErrorId);
        Assert.Equal(FailureCategory.InvalidOperation, error.Failure.Category);
        Assert.Contains("no longer a draft", error.Message);
    }

    [Fact]
    public async Task Segment_and_filter_are_sent_in_the_published_shape()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        LoopsCampaign campaign = await client.CreateCampaignAsync(new NewLoopsCampaign
        {
            Name = "Filtered",
            AudienceFilter = LoopsAudienceFilter.FromJson("""{"match":"all","conditions":[{"property":"plan","operator":"equals","value":"pro"}]}"""),
        });

        LoopsCampaign segmented = await client.UpdateCampaignAsync(campaign.Id, new LoopsCampaignChanges { AudienceSegmentId = "seg_03" });

        Assert.Contains("\"match\":\"all\"", campaign.AudienceFilter);
        Assert.Equal("seg_03", segmented.AudienceSegmentId);
        Assert.Null(segmented.AudienceFilter);
    }

    [Fact]
    public async Task Scheduling_maps_SendNow_and_ScheduleAt_and_rejects_the_past_before_sending()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        LoopsCampaign now = await client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Now" });
        LoopsCampaign later = await client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Later" });
        DateTimeOffset tomorrow = DateTimeOffset.UtcNow.AddDays(1);
        int requestsBefore = sandbox.Server.Requests.Snapshot().Count;

        var past = await Assert.ThrowsAsync<InputValidationException>(() => client.UpdateCampaignAsync(later.Id, new LoopsCampaignChanges { ScheduleAt = DateTimeOffset.UtcNow.AddMinutes(-1) }));
        var both = await Assert.ThrowsAsync<InputValidationException>(() => client.UpdateCampaignAsync(later.Id, new LoopsCampaignChanges { SendNow = true, ScheduleAt = tomorrow }));
        var nothing = await Assert.ThrowsAsync<InputValidationException>(() => client.UpdateCampaignAsync(later.Id, new LoopsCampaignChanges()));
        Assert.Equal(requestsBefore, sandbox.Server.Requests.Snapshot().Count);

        LoopsCampaign sent = await client.UpdateCampaignAsync(now.Id, new LoopsCampaignChanges { SendNow = true });
        LoopsCampaign scheduled = await client.UpdateCampaignAsync(later.Id, new LoopsCampaignChanges { ScheduleAt = tomorrow });

        Assert.Equal("LoopsInvalidScheduleAt", past.ErrorId);
        Assert.Contains("not in the future", past.Message);
        Assert.Equal("ScheduleAt", both.Field);
        Assert.Contains("at least one of", nothing.Message);
        Assert.Equal("Sending", sent.Status);
        Assert.Equal("now", sent.SchedulingMethod);
        Assert.Equal("Scheduled", scheduled.Status);
        Assert.Equal(tomorrow.ToUnixTimeSeconds(), scheduled.ScheduledAt!.Value.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Email_message_updates_chain_on_the_returned_revision_and_a_stale_one_is_reported()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        LoopsCampaign campaign = await client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Content" });

        LoopsEmailMessage first = await client.UpdateEmailMessageAsync(campaign.EmailMessageId!, new LoopsEmailMessageChanges
        {
            ExpectedRevisionId = campaign.EmailMessageContentRevisionId,
            Subject = "Big spring updates",
            FromName = "Acme",
            FromEmail = "hello",
            Lmx = "<Paragraph>Hi</Paragraph>",
        });
        LoopsEmailMessage second = await client.UpdateEmailMessageAsync(first.EmailMessageId, new LoopsEmailMessageChanges { ExpectedRevisionId = first.ContentRevisionId, PreviewText = "Read on" });
        var stale = await Assert.ThrowsAsync<CampaignApiException>(() => client.UpdateEmailMessageAsync(first.EmailMessageId, new LoopsEmailMessageChanges { ExpectedRevisionId = first.ContentRevisionId, Subject = "Late" }));
        LoopsEmailMessage read = await client.GetEmailMessageAsync(first.EmailMessageId);

        Assert.Equal(campaign.Id, first.CampaignId);
        Assert.NotEqual(campaign.EmailMessageContentRevisionId, first.ContentRevisionId);
        Assert.NotEqual(first.ContentRevisionId, second.ContentRevisionId);
        Assert.Equal("LoopsRevisionStale", stale.ErrorId);
        Assert.Contains("Get-LoopsEmailMessage", stale.Message);
        Assert.Equal("Big spring updates", read.Subject);
        Assert.Equal("Read on", read.PreviewText);
        Assert.Equal(second.ContentRevisionId, read.ContentRevisionId);
    }

    [Fact]
    public async Task Force_reads_the_current_revision_first_and_without_it_a_missing_revision_is_rejected_before_sending()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        LoopsCampaign campaign = await client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Forced" });
        int before = sandbox.Server.Requests.Snapshot().Count;

        var missing = await Assert.ThrowsAsync<InputValidationException>(() => client.UpdateEmailMessageAsync(campaign.EmailMessageId!, new LoopsEmailMessageChanges { Subject = "x" }));
        Assert.Equal(before, sandbox.Server.Requests.Snapshot().Count);
        LoopsEmailMessage forced = await client.UpdateEmailMessageAsync(campaign.EmailMessageId!, new LoopsEmailMessageChanges { Subject = "Forced" }, force: true);
        LoopsEmailMessage overStale = await client.UpdateEmailMessageAsync(campaign.EmailMessageId!, new LoopsEmailMessageChanges { ExpectedRevisionId = campaign.EmailMessageContentRevisionId, Subject = "Forced again" }, force: true);

        Assert.Equal("ExpectedRevisionId", missing.Field);
        Assert.Contains("-Force", missing.Message);
        Assert.Equal("Forced", forced.Subject);
        Assert.Equal("Forced again", overStale.Subject);
        Assert.Equal(2, sandbox.Count("GET", "email-messages/"));
    }

    [Theory]
    [InlineData("hello@acme.com", null, "FromEmail", "user name")]
    [InlineData(null, "not-an-address", "ReplyToEmail", "not a valid e-mail")]
    public async Task Sender_fields_are_checked_before_sending(string? fromEmail, string? replyTo, string field, string phrase)
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();

        var error = await Assert.ThrowsAsync<InputValidationException>(() => client.UpdateEmailMessageAsync("em_1", new LoopsEmailMessageChanges { ExpectedRevisionId = "rev", FromEmail = fromEmail, ReplyToEmail = replyTo }));

        Assert.Equal(field, error.Field);
        Assert.Contains(phrase, error.Message);
        Assert.Empty(sandbox.Server.Requests.Snapshot());
    }

    [Fact]
    public async Task Lmx_over_100_KB_is_rejected_before_sending_and_the_servers_413_and_422_are_mapped()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        LoopsCampaign campaign = await client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Big" });
        string tooBig = "<Paragraph>" + new string('x', 100 * 1024) + "</Paragraph>";
        int before = sandbox.Server.Requests.Snapshot().Count;

        var local = await Assert.ThrowsAsync<InputValidationException>(() => client.UpdateEmailMessageAsync(campaign.EmailMessageId!, new LoopsEmailMessageChanges { ExpectedRevisionId = "r", Lmx = tooBig }));
        Assert.Equal(before, sandbox.Server.Requests.Snapshot().Count);
        var invalid = await Assert.ThrowsAsync<CampaignApiException>(() => client.UpdateEmailMessageAsync(campaign.EmailMessageId!, new LoopsEmailMessageChanges { ExpectedRevisionId = campaign.EmailMessageContentRevisionId, Lmx = "<Paragraph>unclosed" }));
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.Status, StatusCode = 413, Method = "POST", PathPrefix = "/loops/api/v1/email-messages" });
        var tooLarge = await Assert.ThrowsAsync<CampaignApiException>(() => client.UpdateEmailMessageAsync(campaign.EmailMessageId!, new LoopsEmailMessageChanges { ExpectedRevisionId = campaign.EmailMessageContentRevisionId, Lmx = "<Paragraph/>" }));

        Assert.Equal("LoopsInvalidLmx", local.ErrorId);
        Assert.Contains("100 KB", local.Message);
        Assert.Equal("LoopsLmxInvalid", invalid.ErrorId);
        Assert.Equal((HttpStatusCode)422, invalid.StatusCode);
        Assert.Equal("LoopsLmxTooLarge", tooLarge.ErrorId);
    }

    [Fact]
    public async Task Email_message_of_a_sent_campaign_cannot_be_changed()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        LoopsCampaign campaign = await client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Gone" });
        sandbox.Server.Loops.SetCampaignStatus(campaign.Id, "Sending");

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.UpdateEmailMessageAsync(campaign.EmailMessageId!, new LoopsEmailMessageChanges { ExpectedRevisionId = campaign.EmailMessageContentRevisionId, Subject = "x" }));

        Assert.Equal("LoopsCampaignNotDraft", error.ErrorId);
    }

    [Fact]
    public async Task Lists_segments_and_groups_are_read_and_groups_created()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();

        var lists = await client.GetMailingListsAsync();
        var segments = await ReadAll(new CursorPager<LoopsAudienceSegment>((c, t) => client.GetAudienceSegmentPageAsync(c, 10, t), true, null));
        LoopsAudienceSegment segment = await client.GetAudienceSegmentAsync("seg_07");
        LoopsCampaignGroup created = await client.CreateCampaignGroupAsync(new NewLoopsCampaignGroup { Name = "Newsletters", Description = "Monthly" });
        LoopsCampaignGroup read = await client.GetCampaignGroupAsync(created.Id);
        var groups = await ReadAll(new CursorPager<LoopsCampaignGroup>((c, t) => client.GetCampaignGroupPageAsync(c, null, t), true, null));
        var duplicate = await Assert.ThrowsAsync<CampaignApiException>(() => client.CreateCampaignGroupAsync(new NewLoopsCampaignGroup { Name = "newsletters" }));
        var reserved = await Assert.ThrowsAsync<InputValidationException>(() => client.CreateCampaignGroupAsync(new NewLoopsCampaignGroup { Name = "Unsorted" }));
        var missing = await Assert.ThrowsAsync<CampaignApiException>(() => client.GetAudienceSegmentAsync("seg_99"));

        Assert.Equal(["list_main", "list_beta"], lists.Select(l => l.Id).OrderByDescending(i => i));
        Assert.Contains(lists, l => l.Id == "list_beta" && !l.IsPublic);
        Assert.Equal(25, segments.Items.Select(s => s.Id).Distinct().Count());
        Assert.Equal("Segment 07", segment.Name);
        Assert.Equal("Newsletters", read.Name);
        Assert.Equal("Monthly", read.Description);
        Assert.Contains(groups.Items, g => g.Id == created.Id);
        Assert.Equal("LoopsCampaignGroupExists", duplicate.ErrorId);
        Assert.Equal(FailureCategory.ResourceExists, duplicate.Failure.Category);
        Assert.Equal("Name", reserved.Field);
        Assert.Equal("LoopsAudienceSegmentNotFound", missing.ErrorId);
    }

    [Fact]
    public async Task A_rejected_key_is_terminating_PermissionDenied()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client(apiKey: "wrong-key-123");

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.TestApiKeyAsync());

        Assert.Equal("LoopsUnauthorized", error.ErrorId);
        Assert.Equal(FailureCategory.PermissionDenied, error.Failure.Category);
        Assert.True(error.Failure.IsTerminating);
        Assert.Contains("Connect-Loops", error.Message);
        Assert.Equal(1, sandbox.Count("GET", "api-key"));
    }

    [Fact]
    public async Task A_valid_key_reports_the_team()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();

        LoopsApiKeyInfo info = await client.TestApiKeyAsync();

        Assert.Equal("Sandbox team", info.TeamName);
    }

    private static async Task<(List<T> Items, int Pages)> ReadAll<T>(CursorPager<T> pager)
    {
        var items = new List<T>();
        while (await pager.NextAsync(CancellationToken.None) is { } page)
        {
            items.AddRange(page);
        }

        return (items, pager.PagesRead);
    }
}
