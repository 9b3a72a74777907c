using System.Net;
using System.Text;
using CampaignPS.Engine.Errors;
using CampaignPS.Engine.Loops;
using CampaignPS.Engine.Validation;
using CampaignPS.Sandbox.Platforms.Loops;
using CampaignPS.Tests.Support;
using Xunit;
using LoopsCampaign = CampaignPS.Engine.Loops.LoopsCampaign;
using LoopsAudienceSegment = CampaignPS.Engine.Loops.LoopsAudienceSegment;
using LoopsCampaignGroup = CampaignPS.Engine.Loops.LoopsCampaignGroup;
using LoopsEmailMessage = CampaignPS.Engine.Loops.LoopsEmailMessage;

namespace CampaignPS.Tests.Engine;

/// <summary>Loops after create (issue 15): metrics, Guardian, previews, uploads, segments, groups, cleared targets, message fields.</summary>
public sealed class LoopsContentTests
{
    private static readonly byte[] Png = Encoding.ASCII.GetBytes("\u0089PNG fake image bytes");

    [Fact]
    public async Task Metrics_count_the_sends_of_the_audience_and_the_engagement_after_them()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        LoopsCampaign campaign = await client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Metrics", MailingListId = "list_main" });

        LoopsCampaignMetric draft = await client.GetCampaignMetricsAsync(campaign.Id);
        await client.UpdateCampaignAsync(campaign.Id, new LoopsCampaignChanges { SendNow = true });
        sandbox.Server.Loops.AddEngagement(campaign.Id, new CampaignPS.Sandbox.Platforms.Loops.LoopsCampaignMetrics(0, 60, 12, 3, 1, 4, 2));
        LoopsCampaignMetric sent = await client.GetCampaignMetricsAsync(campaign.Id);

        Assert.Equal(0, draft.Sends);
        Assert.Equal(campaign.Id, sent.CampaignId);
        Assert.Equal(120, sent.Sends);
        Assert.Equal((60L, 12L, 3L, 1L, 4L, 2L, 6L), (sent.Opens, sent.Clicks, sent.Unsubscribes, sent.SpamReports, sent.HardBounces, sent.SoftBounces, sent.Bounces));
        Assert.Equal(0.5, sent.OpenRate, 3);
        Assert.Equal(2, sandbox.Count("GET", $"campaigns/{campaign.Id}/metrics"));
    }

    [Fact]
    public async Task Metrics_of_a_missing_campaign_are_CampaignNotFound_and_a_bad_id_fails_before_sending()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();

        var missing = await Assert.ThrowsAsync<CampaignApiException>(() => client.GetCampaignMetricsAsync("cmp_nope"));
        var bad = await Assert.ThrowsAsync<InputValidationException>(() => client.GetCampaignMetricsAsync("a/b"));

        Assert.Equal("LoopsCampaignNotFound", missing.ErrorId);
        Assert.Equal("CampaignId", bad.Field);
        Assert.Equal(1, sandbox.Count("GET", "campaigns/"));
    }

    [Fact]
    public async Task Guardian_returns_errors_and_warnings_as_findings()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        LoopsCampaign campaign = await client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Guardian" });
        LoopsGuardianReport clean = await client.GetGuardianReportAsync(campaign.EmailMessageId!);
        await client.UpdateEmailMessageAsync(campaign.EmailMessageId!, new LoopsEmailMessageChanges
        {
            ExpectedRevisionId = campaign.EmailMessageContentRevisionId,
            Lmx = "<Paragraph>Hi {firstName} {favouriteColour}</Paragraph><Button>Buy</Button><Link href=\"https://example.com\">ok</Link>",
        });

        LoopsGuardianReport report = await client.GetGuardianReportAsync(campaign.EmailMessageId!);

        Assert.True(clean.Passed);
        Assert.Empty(clean.Findings);
        Assert.False(report.Passed);
        Assert.Equal(new[] { "missingButtonHrefs", "unsupportedContactProperties" }, report.Errors.Select(f => f.Rule));
        LoopsGuardianFinding warning = Assert.Single(report.Warnings);
        Assert.Equal(LoopsGuardianSeverity.Warning, warning.Severity);
        Assert.Equal("missingFallbackContactProperties", warning.Rule);
        Assert.Equal(new[] { "firstName" }, warning.Items);
        Assert.Equal(campaign.EmailMessageId, warning.EmailMessageId);
        Assert.Equal(new[] { "Buy" }, report.Errors[0].Items);
    }

    [Fact]
    public async Task Guardian_of_a_missing_message_is_EmailMessageNotFound()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.GetGuardianReportAsync("em_nope"));

        Assert.Equal("LoopsEmailMessageNotFound", error.ErrorId);
    }

    [Fact]
    public async Task A_preview_goes_to_the_given_addresses_with_contact_properties()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        LoopsCampaign campaign = await client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Preview" });

        LoopsEmailPreviewResult result = await client.SendEmailMessagePreviewAsync(campaign.EmailMessageId!, new LoopsEmailPreview
        {
            Emails = new[] { "me@example.com", " ME@example.com ", "you@example.com" },
            ContactProperties = new Dictionary<string, string> { ["firstName"] = "Alex" },
        });

        Assert.Equal(campaign.EmailMessageId, result.EmailMessageId);
        Assert.Equal(new[] { "me@example.com", "you@example.com" }, result.Emails);
        var preview = Assert.Single(sandbox.Server.Loops.Previews);
        Assert.Equal(new[] { "me@example.com", "you@example.com" }, preview.Emails);
        Assert.Contains("Alex", preview.ContactPropertiesJson);
    }

    [Fact]
    public async Task A_preview_without_a_valid_address_or_with_more_than_a_days_previews_fails_before_sending()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();

        var none = await Assert.ThrowsAsync<InputValidationException>(() => client.SendEmailMessagePreviewAsync("em_1", new LoopsEmailPreview { Emails = new[] { " " } }));
        var invalid = await Assert.ThrowsAsync<InputValidationException>(() => client.SendEmailMessagePreviewAsync("em_1", new LoopsEmailPreview { Emails = new[] { "not-an-address" } }));
        var tooMany = await Assert.ThrowsAsync<InputValidationException>(() => client.SendEmailMessagePreviewAsync("em_1", new LoopsEmailPreview { Emails = Enumerable.Range(1, 101).Select(n => $"r{n}@example.com").ToArray() }));
        var missing = await Assert.ThrowsAsync<CampaignApiException>(() => client.SendEmailMessagePreviewAsync("em_nope", new LoopsEmailPreview { Emails = new[] { "me@example.com" } }));

        Assert.Equal(new[] { "Email", "Email", "Email" }, new[] { none.Field, invalid.Field, tooMany.Field });
        Assert.Contains("100", tooMany.Message);
        Assert.Equal("LoopsEmailMessageNotFound", missing.ErrorId);
        Assert.Equal(1, sandbox.Count("POST", "email-messages/"));
    }

    [Fact]
    public async Task An_upload_takes_the_three_documented_steps_and_the_key_never_goes_to_storage()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();

        LoopsUpload upload = await client.UploadImageAsync(new LoopsImageUpload { Content = Png, FileName = "logo.png" });

        Assert.StartsWith("ast_", upload.EmailAssetId);
        Assert.StartsWith("https://assets.loops.so/" + upload.EmailAssetId, upload.FinalUrl);
        Assert.Equal("image/png", upload.ContentType);
        Assert.Equal(Png.Length, upload.ContentLength);
        var stored = Assert.Single(sandbox.Server.Loops.Uploads);
        Assert.Equal(Png, stored.Content);
        Assert.NotNull(stored.CompletedAt);
        Assert.Null(stored.AuthorizationSeen);
        Assert.Equal(1, sandbox.Count("POST", "uploads/" + upload.EmailAssetId + "/complete"));
        Assert.DoesNotContain(sandbox.Logs.Lines, l => l.Contains("X-Amz-Signature", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_upload_that_Loops_refuses_at_either_step_names_the_reason()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();

        // Type, size and emptiness are checked before anything is sent.
        var type = await Assert.ThrowsAsync<InputValidationException>(() => client.UploadImageAsync(new LoopsImageUpload { Content = Png, FileName = "logo.bmp" }));
        var size = await Assert.ThrowsAsync<InputValidationException>(() => client.UploadImageAsync(new LoopsImageUpload { Content = new byte[4_000_001], FileName = "big.png" }));
        var empty = await Assert.ThrowsAsync<InputValidationException>(() => client.UploadImageAsync(new LoopsImageUpload { Content = Array.Empty<byte>(), FileName = "empty.png" }));
        // Step 3: the daily limit of completed uploads.
        for (int n = 0; n < LoopsSandboxState.MaxUploadsPerDay; n++)
        {
            await client.UploadImageAsync(new LoopsImageUpload { Content = Png, FileName = $"i{n}.png" });
        }

        var limit = await Assert.ThrowsAsync<CampaignApiException>(() => client.UploadImageAsync(new LoopsImageUpload { Content = Png, FileName = "one-more.png" }));

        Assert.Equal(("ContentType", "Content", "Content"), (type.Field, size.Field, empty.Field));
        Assert.Equal("LoopsUploadLimitReached", limit.ErrorId);
        Assert.Equal(HttpStatusCode.TooManyRequests, limit.StatusCode);
        Assert.Equal(1, sandbox.Count("POST", "uploads/") - (LoopsSandboxState.MaxUploadsPerDay * 1));
    }

    [Fact]
    public async Task Local_images_in_LMX_are_uploaded_and_replaced_by_their_urls()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        const string lmx = "<Image src=\"logo.png\" /><Image src='https://example.com/a.png' /><Image src=\"img/b.gif\"/><Image src=\"logo.png\"/><Image src=\"{imageUrl}\"/>";

        IReadOnlyList<string> local = LoopsLmxImages.LocalSources(lmx);
        LoopsLmxUploadResult result = await client.UploadLmxImagesAsync(lmx, local.ToDictionary(s => s, s => new LoopsImageUpload { Content = Png, FileName = Path.GetFileName(s) }));

        Assert.Equal(new[] { "logo.png", "img/b.gif" }, local);
        Assert.Equal(2, result.Uploads.Count);
        Assert.DoesNotContain("\"logo.png\"", result.Lmx);
        Assert.Contains("https://example.com/a.png", result.Lmx);
        Assert.Contains("{imageUrl}", result.Lmx);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(result.Lmx, "assets.loops.so/" + result.Uploads[0].EmailAssetId).Count);
        Assert.Equal("image/gif", result.Uploads[1].ContentType);
    }

    [Fact]
    public async Task Clearing_the_list_and_segment_sends_JSON_null_and_the_campaign_has_neither()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        LoopsCampaign campaign = await client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Clear", MailingListId = "list_main", AudienceSegmentId = "seg_02" });

        LoopsCampaign cleared = await client.UpdateCampaignAsync(campaign.Id, new LoopsCampaignChanges { ClearMailingList = true, ClearAudienceSegment = true });

        Assert.Null(cleared.MailingListId);
        Assert.Null(cleared.AudienceSegmentId);
        string body = sandbox.Server.Requests.Snapshot().Last(r => r.Method == "POST").Body;
        Assert.Contains("\"mailingListId\":null", body);
        Assert.Contains("\"audienceSegmentId\":null", body);
        var both = Assert.Throws<InputValidationException>(() => new LoopsCampaignChanges { MailingListId = "list_main", ClearMailingList = true }.Validate(DateTimeOffset.UtcNow));
        Assert.Equal("ClearMailingList", both.Field);
    }

    [Fact]
    public async Task Email_format_language_and_fallbacks_are_set_merged_and_read_back()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        LoopsCampaign campaign = await client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Fields" });

        LoopsEmailMessage first = await client.UpdateEmailMessageAsync(campaign.EmailMessageId!, new LoopsEmailMessageChanges
        {
            ExpectedRevisionId = campaign.EmailMessageContentRevisionId,
            EmailFormat = "Plain",
            LanguageCode = "FR",
            ContactPropertiesFallbacks = new Dictionary<string, string?> { ["firstName"] = "there", ["lastName"] = "friend" },
        });
        LoopsEmailMessage second = await client.UpdateEmailMessageAsync(campaign.EmailMessageId!, new LoopsEmailMessageChanges
        {
            ExpectedRevisionId = first.ContentRevisionId,
            ContactPropertiesFallbacks = new Dictionary<string, string?> { ["lastName"] = null },
        });

        Assert.Equal(("plain", "fr"), (first.EmailFormat, first.LanguageCode));
        Assert.Equal(2, first.ContactPropertiesFallbacks.Count);
        Assert.Equal(new Dictionary<string, string> { ["firstName"] = "there" }, second.ContactPropertiesFallbacks);
        Assert.Equal("plain", (await client.GetEmailMessageAsync(campaign.EmailMessageId!)).EmailFormat);
        Assert.Equal("EmailFormat", Assert.Throws<InputValidationException>(() => new LoopsEmailMessageChanges { EmailFormat = "fancy" }.Validate()).Field);
        Assert.Equal("LanguageCode", Assert.Throws<InputValidationException>(() => new LoopsEmailMessageChanges { LanguageCode = "eng" }.Validate()).Field);
    }

    [Fact]
    public async Task A_segment_is_created_from_a_filter_and_a_name_in_use_is_AudienceSegmentExists()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        var filter = LoopsAudienceFilter.FromJson("{\"match\":\"all\",\"conditions\":[{\"property\":\"source\",\"operator\":\"equals\",\"value\":\"web\"}]}");

        LoopsAudienceSegment segment = await client.CreateAudienceSegmentAsync(new NewLoopsAudienceSegment { Name = "Web", Description = "From the site", Filter = filter });
        var again = await Assert.ThrowsAsync<CampaignApiException>(() => client.CreateAudienceSegmentAsync(new NewLoopsAudienceSegment { Name = "web", Filter = filter }));
        var noFilter = Assert.Throws<InputValidationException>(() => new NewLoopsAudienceSegment { Name = "x" }.Validate());
        var noConditions = Assert.Throws<InputValidationException>(() => new NewLoopsAudienceSegment { Name = "x", Filter = LoopsAudienceFilter.FromJson("{\"match\":\"any\",\"conditions\":[]}") }.Validate());

        Assert.StartsWith("seg_", segment.Id);
        Assert.Equal(("Web", "From the site"), (segment.Name, segment.Description));
        Assert.Contains("source", segment.Filter);
        Assert.Equal(segment.Id, (await client.GetAudienceSegmentAsync(segment.Id)).Id);
        Assert.Equal("LoopsAudienceSegmentExists", again.ErrorId);
        Assert.Equal(("Filter", "Filter"), (noFilter.Field, noConditions.Field));
    }

    [Fact]
    public async Task A_group_is_renamed_and_the_Unsorted_group_cannot_be_changed()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();

        LoopsCampaignGroup renamed = await client.UpdateCampaignGroupAsync("grp_launches", new LoopsCampaignGroupChanges { Name = "Product launches" });
        var reserved = await Assert.ThrowsAsync<CampaignApiException>(() => client.UpdateCampaignGroupAsync(LoopsSandboxState.UnsortedGroupId, new LoopsCampaignGroupChanges { Description = "x" }));
        var missing = await Assert.ThrowsAsync<CampaignApiException>(() => client.UpdateCampaignGroupAsync("grp_nope", new LoopsCampaignGroupChanges { Description = "x" }));
        var nothing = Assert.Throws<InputValidationException>(() => new LoopsCampaignGroupChanges().Validate());
        var unsorted = Assert.Throws<InputValidationException>(() => new LoopsCampaignGroupChanges { Name = "unsorted" }.Validate());

        Assert.Equal("Product launches", renamed.Name);
        Assert.Equal("LoopsCampaignGroupReserved", reserved.ErrorId);
        Assert.Equal("LoopsCampaignGroupNotFound", missing.ErrorId);
        Assert.Equal(("Changes", "Name"), (nothing.Field, unsorted.Field));
    }
}
