using CampaignPS.Engine.Errors;
using CampaignPS.Engine.Loops;
using CampaignPS.Engine.Platforms;
using CampaignPS.Engine.Readiness;
using CampaignPS.Tests.Support;
using Xunit;

namespace CampaignPS.Tests.Engine;

/// <summary>The Loops readiness check: each finding, a ready campaign giving none, the launch's own change, and its reads against the sandbox.</summary>
public sealed class LoopsReadinessTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static LoopsReadinessInput Ready() => new()
    {
        Campaign = new LoopsCampaign { Id = "cmp_1", Name = "Spring", Status = "Draft", EmailMessageId = "em_1", MailingListId = "list_main" },
        EmailMessage = new LoopsEmailMessage { EmailMessageId = "em_1", Subject = "Spring is here", FromName = "Acme", FromEmail = "news", Lmx = "<Paragraph>Hi</Paragraph>" },
        Guardian = new LoopsGuardianReport { EmailMessageId = "em_1" },
        Now = Now,
    };

    private static IReadOnlyList<string> Checks(IReadOnlyList<CampaignReadinessFinding> findings) => findings.Select(f => f.Check).ToList();

    [Fact]
    public void Loops_readiness_a_ready_campaign_has_no_findings()
    {
        Assert.Empty(LoopsReadiness.Check(Ready()));
    }

    [Fact]
    public void Loops_readiness_a_new_campaign_lacks_audience_subject_sender_and_content()
    {
        LoopsReadinessInput input = Ready();
        input.Campaign.MailingListId = null;
        input.EmailMessage = new LoopsEmailMessage { EmailMessageId = "em_1", FromEmail = "news" };

        IReadOnlyList<CampaignReadinessFinding> findings = LoopsReadiness.Check(input);

        Assert.Equal(["AudienceMissing", "SubjectMissing", "SenderMissing", "ContentMissing"], Checks(findings));
        Assert.All(findings, f => Assert.Equal(ReadinessSeverity.Error, f.Severity));
        Assert.All(findings, f => Assert.Equal(Platform.Loops, f.Platform));
        Assert.All(findings, f => Assert.Equal("cmp_1", f.CampaignId));
        Assert.Contains("no sender name", findings[2].Message, StringComparison.Ordinal);
        Assert.Contains("Set-LoopsEmailMessage -EmailMessageId em_1", findings[1].Fix, StringComparison.Ordinal);
        Assert.Contains("Set-LoopsCampaign -CampaignId cmp_1", findings[0].Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("segment")]
    [InlineData("filter")]
    public void Loops_readiness_a_segment_or_a_filter_is_an_audience(string audience)
    {
        LoopsReadinessInput input = Ready();
        input.Campaign.MailingListId = null;
        if (audience == "segment")
        {
            input.Campaign.AudienceSegmentId = "seg_07";
        }
        else
        {
            input.Campaign.AudienceFilter = "{\"match\":\"all\",\"conditions\":[]}";
        }

        Assert.Empty(LoopsReadiness.Check(input));
    }

    [Fact]
    public void Loops_readiness_counts_the_audience_the_launch_sets_and_clears()
    {
        LoopsReadinessInput input = Ready();
        input.Campaign.MailingListId = null;
        input.Launch = new LoopsCampaignChanges { MailingListId = "list_beta", SendNow = true };
        Assert.Empty(LoopsReadiness.Check(input));

        input.Campaign.MailingListId = "list_main";
        input.Launch = new LoopsCampaignChanges { ClearMailingList = true, SendNow = true };
        Assert.Equal(["AudienceMissing"], Checks(LoopsReadiness.Check(input)));
    }

    [Fact]
    public void Loops_readiness_a_campaign_without_an_email_message_is_EmailMessageMissing()
    {
        LoopsReadinessInput input = Ready();
        input.Campaign.EmailMessageId = null;
        input.EmailMessage = null;
        input.Guardian = null;

        Assert.Equal(["EmailMessageMissing"], Checks(LoopsReadiness.Check(input)));
    }

    [Fact]
    public void Loops_readiness_Guardian_errors_block_and_warnings_warn()
    {
        LoopsReadinessInput input = Ready();
        input.Guardian = new LoopsGuardianReport
        {
            EmailMessageId = "em_1",
            Errors = [new LoopsGuardianFinding { EmailMessageId = "em_1", Severity = LoopsGuardianSeverity.Error, Rule = "missingButtonHrefs", Title = "Missing button link", Description = "Buttons won't work without href value", Items = ["Buy now"] }],
            Warnings = [new LoopsGuardianFinding { EmailMessageId = "em_1", Severity = LoopsGuardianSeverity.Warning, Rule = "missingFallbackContactProperties", Title = "Missing fallback", Items = ["First name (firstName)"] }],
        };

        IReadOnlyList<CampaignReadinessFinding> findings = LoopsReadiness.Check(input);

        Assert.Equal(["GuardianError", "GuardianWarning"], Checks(findings));
        Assert.Equal([ReadinessSeverity.Error, ReadinessSeverity.Warning], findings.Select(f => f.Severity));
        Assert.Contains("missingButtonHrefs: Missing button link (Buy now).", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("Buttons won't work", findings[0].Message, StringComparison.Ordinal);
        Assert.False(CampaignReadiness.IsReady(findings));
    }

    [Fact]
    public void Loops_readiness_a_message_Guardian_cannot_check_is_Info()
    {
        LoopsReadinessInput input = Ready();
        input.Guardian = null;
        input.GuardianUnavailable = "Guardian cannot check MJML email messages through the API.";

        CampaignReadinessFinding finding = Assert.Single(LoopsReadiness.Check(input));

        Assert.Equal("GuardianNotAvailable", finding.Check);
        Assert.Equal(ReadinessSeverity.Info, finding.Severity);
        Assert.Contains("MJML", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sending")]
    [InlineData("Sent")]
    public void Loops_readiness_a_campaign_past_draft_is_StatusNotDraft(string status)
    {
        LoopsReadinessInput input = Ready();
        input.Campaign.Status = status;

        CampaignReadinessFinding finding = Assert.Single(LoopsReadiness.Check(input));

        Assert.Equal("StatusNotDraft", finding.Check);
        Assert.Equal(ReadinessSeverity.Error, finding.Severity);
    }

    [Fact]
    public void Loops_readiness_a_schedule_that_has_passed_is_an_Error_unless_the_launch_brings_its_own()
    {
        LoopsReadinessInput input = Ready();
        input.Campaign.ScheduledAt = Now.AddMinutes(-5);

        CampaignReadinessFinding finding = Assert.Single(LoopsReadiness.Check(input));
        Assert.Equal("ScheduleInPast", finding.Check);
        Assert.Equal(ReadinessSeverity.Error, finding.Severity);

        input.Launch = new LoopsCampaignChanges { ScheduleAt = Now.AddDays(1) };
        Assert.Empty(LoopsReadiness.Check(input));
    }

    [Fact]
    public void Loops_readiness_a_campaign_scheduled_in_the_future_is_Info()
    {
        LoopsReadinessInput input = Ready();
        input.Campaign.Status = "Scheduled";
        input.Campaign.ScheduledAt = Now.AddDays(1);

        CampaignReadinessFinding finding = Assert.Single(LoopsReadiness.Check(input));

        Assert.Equal("AlreadyScheduled", finding.Check);
        Assert.Equal(ReadinessSeverity.Info, finding.Severity);
        Assert.True(CampaignReadiness.IsReady([finding]));

        input.Launch = new LoopsCampaignChanges { SendNow = true };
        CampaignReadinessFinding launch = Assert.Single(LoopsReadiness.Check(input));
        Assert.Equal("StatusNotDraft", launch.Check);
        Assert.Equal(ReadinessSeverity.Error, launch.Severity);
    }

    [Fact]
    public async Task Loops_readiness_reads_the_campaign_its_email_message_and_Guardian_from_the_sandbox()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        LoopsClient client = sandbox.Client();
        LoopsCampaign campaign = await client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Readiness" });

        Assert.Equal(["AudienceMissing", "SubjectMissing", "SenderMissing", "ContentMissing"], Checks(await LoopsReadiness.TestAsync(client, campaign.Id)));

        LoopsEmailMessage message = await client.GetEmailMessageAsync(campaign.EmailMessageId!);
        await client.UpdateEmailMessageAsync(message.EmailMessageId, new LoopsEmailMessageChanges
        {
            ExpectedRevisionId = message.ContentRevisionId,
            Subject = "Spring",
            FromName = "Acme",
            FromEmail = "news",
            Lmx = "<Paragraph>Hi</Paragraph><Button>Buy now</Button>",
        });
        IReadOnlyList<CampaignReadinessFinding> findings = await LoopsReadiness.TestAsync(client, campaign.Id, new LoopsCampaignChanges { MailingListId = "list_main", SendNow = true });

        CampaignReadinessFinding guardian = Assert.Single(findings);
        Assert.Equal("GuardianError", guardian.Check);
        Assert.Contains("missingButtonHrefs", guardian.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loops_readiness_an_unknown_campaign_is_LoopsCampaignNotFound()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();

        var failure = await Assert.ThrowsAsync<CampaignApiException>(() => LoopsReadiness.TestAsync(sandbox.Client(), "cmp_missing"));

        Assert.Equal("LoopsCampaignNotFound", failure.ErrorId);
    }
}
