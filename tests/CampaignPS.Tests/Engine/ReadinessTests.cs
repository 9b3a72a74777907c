using CampaignPS.Engine.Errors;
using CampaignPS.Engine.Platforms;
using CampaignPS.Engine.Readiness;
using CampaignPS.Engine.Smartlead;
using CampaignPS.Engine.Sms;
using CampaignPS.Sandbox;
using CampaignPS.Tests.Support;
using Xunit;
using SmartleadReadShape = CampaignPS.Sandbox.Platforms.Smartlead.SmartleadReadShape;

namespace CampaignPS.Tests.Engine;

/// <summary>The pure readiness checkers (each finding, and a ready campaign giving none), and their reads against the sandbox.</summary>
public sealed class ReadinessTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    // ---- Smartlead ----

    private static SmartleadEmailAccount Mailbox(long id, string connection = "CONNECTED", bool suspended = false, bool warmup = true, double? reputation = 97) => new()
    {
        Id = id,
        FromEmail = $"m{id}@outreach.example",
        ConnectionStatus = connection,
        IsSuspended = suspended,
        WarmupEnabled = warmup,
        WarmupReputation = reputation,
    };

    private static SmartleadReadinessInput ReadySmartlead() => new()
    {
        Campaign = new SmartleadCampaign
        {
            Id = 125,
            Name = "Q1",
            Status = "DRAFTED",
            TimeZone = "America/New_York",
            Days = [DayOfWeek.Monday, DayOfWeek.Tuesday],
            StartHour = "09:00",
            EndHour = "17:00",
            StopLeadSettings = "REPLY_TO_AN_EMAIL",
        },
        Sequence = [new SmartleadSequenceStep { Number = 1, Subject = "Hello", Body = "Hi {{first_name}}", DelayDays = 0 }],
        EmailAccounts = [Mailbox(456)],
        HasLeads = true,
    };

    private static IReadOnlyList<string> Checks(IReadOnlyList<CampaignReadinessFinding> findings) => findings.Select(f => f.Check).ToList();

    [Fact]
    public void Readiness_a_ready_Smartlead_campaign_has_no_findings()
    {
        IReadOnlyList<CampaignReadinessFinding> findings = SmartleadReadiness.Check(ReadySmartlead());

        Assert.Empty(findings);
        Assert.True(CampaignReadiness.IsReady(findings));
    }

    [Fact]
    public void Readiness_a_new_Smartlead_campaign_lacks_sequence_mailbox_leads_schedule_and_settings()
    {
        var input = new SmartleadReadinessInput { Campaign = new SmartleadCampaign { Id = 125, Status = "DRAFTED" } };

        IReadOnlyList<CampaignReadinessFinding> findings = SmartleadReadiness.Check(input);

        Assert.Equal(["SequenceMissing", "MailboxMissing", "LeadsMissing", "ScheduleMissing", "SettingsMissing"], Checks(findings));
        Assert.Equal([ReadinessSeverity.Error, ReadinessSeverity.Error, ReadinessSeverity.Error, ReadinessSeverity.Warning, ReadinessSeverity.Warning], findings.Select(f => f.Severity));
        Assert.All(findings, f => Assert.Equal(Platform.Smartlead, f.Platform));
        Assert.All(findings, f => Assert.Equal("125", f.CampaignId));
        Assert.Contains("Set-SmartleadSequence -CampaignId 125", findings[0].Fix, StringComparison.Ordinal);
        Assert.Contains("Add-SmartleadEmailAccount -CampaignId 125", findings[1].Fix, StringComparison.Ordinal);
        Assert.Contains("Add-SmartleadLead -CampaignId 125", findings[2].Fix, StringComparison.Ordinal);
        Assert.Contains("Set-SmartleadSchedule -CampaignId 125", findings[3].Fix, StringComparison.Ordinal);
        Assert.Contains("Set-SmartleadSetting -CampaignId 125", findings[4].Fix, StringComparison.Ordinal);
        Assert.False(CampaignReadiness.IsReady(findings));
    }

    [Fact]
    public void Readiness_a_sequence_without_a_first_subject_is_SequenceInvalid()
    {
        SmartleadReadinessInput input = ReadySmartlead();
        input.Sequence = [new SmartleadSequenceStep { Number = 1, Subject = "", Body = "Hi", DelayDays = 0 }];

        CampaignReadinessFinding finding = Assert.Single(SmartleadReadiness.Check(input));

        Assert.Equal("SequenceInvalid", finding.Check);
        Assert.Equal(ReadinessSeverity.Error, finding.Severity);
        Assert.Contains("ubject", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("STOPPED", "StatusNotStartable", ReadinessSeverity.Error)]
    [InlineData("ARCHIVED", "StatusNotStartable", ReadinessSeverity.Error)]
    [InlineData("COMPLETED", "CampaignCompleted", ReadinessSeverity.Warning)]
    [InlineData("ACTIVE", "CampaignActive", ReadinessSeverity.Info)]
    public void Readiness_the_Smartlead_status_is_checked(string status, string check, ReadinessSeverity severity)
    {
        SmartleadReadinessInput input = ReadySmartlead();
        input.Campaign.Status = status;

        CampaignReadinessFinding finding = Assert.Single(SmartleadReadiness.Check(input));

        Assert.Equal(check, finding.Check);
        Assert.Equal(severity, finding.Severity);
    }

    [Fact]
    public void Readiness_PAUSED_may_start_again()
    {
        SmartleadReadinessInput input = ReadySmartlead();
        input.Campaign.Status = "PAUSED";

        Assert.Empty(SmartleadReadiness.Check(input));
    }

    [Fact]
    public void Readiness_a_mailbox_that_cannot_send_is_an_Error_only_when_no_other_can()
    {
        SmartleadReadinessInput alone = ReadySmartlead();
        alone.EmailAccounts = [Mailbox(458, connection: "DISCONNECTED"), Mailbox(457, suspended: true)];
        SmartleadReadinessInput withAnother = ReadySmartlead();
        withAnother.EmailAccounts = [Mailbox(456), Mailbox(458, connection: "DISCONNECTED"), Mailbox(457, suspended: true)];

        IReadOnlyList<CampaignReadinessFinding> blocked = SmartleadReadiness.Check(alone);
        IReadOnlyList<CampaignReadinessFinding> warned = SmartleadReadiness.Check(withAnother);

        Assert.Equal(["MailboxDisconnected", "MailboxSuspended"], Checks(blocked));
        Assert.All(blocked, f => Assert.Equal(ReadinessSeverity.Error, f.Severity));
        Assert.Contains("(458)", blocked[0].Message, StringComparison.Ordinal);
        Assert.Contains("Resume-SmartleadEmailAccount -EmailAccountId 457", blocked[1].Fix, StringComparison.Ordinal);
        Assert.Equal(["MailboxDisconnected", "MailboxSuspended"], Checks(warned));
        Assert.All(warned, f => Assert.Equal(ReadinessSeverity.Warning, f.Severity));
        Assert.True(CampaignReadiness.IsReady(warned));
    }

    [Fact]
    public void Readiness_warmup_off_low_or_short_is_a_Warning()
    {
        SmartleadReadinessInput input = ReadySmartlead();
        input.EmailAccounts = [Mailbox(456), Mailbox(457, warmup: false, reputation: 72), Mailbox(458, reputation: 60), Mailbox(459, reputation: null)];
        input.Warmup = new Dictionary<long, SmartleadWarmupStatistic> { [459] = new SmartleadWarmupStatistic { EmailAccountId = 459, Reputation = 95, DaysInWarmup = 5 } };

        IReadOnlyList<CampaignReadinessFinding> findings = SmartleadReadiness.Check(input);

        Assert.Equal(["MailboxWarmupOff", "MailboxWarmupLow", "MailboxWarmupLow"], Checks(findings));
        Assert.All(findings, f => Assert.Equal(ReadinessSeverity.Warning, f.Severity));
        Assert.Contains("72%", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("Set-SmartleadWarmup -EmailAccountId 457 -Enabled", findings[0].Fix, StringComparison.Ordinal);
        Assert.Contains("60%", findings[1].Message, StringComparison.Ordinal);
        Assert.Contains("5 days", findings[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Readiness_warmup_results_that_could_not_be_read_are_Info()
    {
        SmartleadReadinessInput input = ReadySmartlead();
        input.EmailAccounts = [Mailbox(456, reputation: null)];
        input.WarmupUnread = new Dictionary<long, string> { [456] = "SmartleadServerError" };

        CampaignReadinessFinding finding = Assert.Single(SmartleadReadiness.Check(input));

        Assert.Equal("MailboxWarmupUnread", finding.Check);
        Assert.Equal(ReadinessSeverity.Info, finding.Severity);
    }

    [Fact]
    public void Readiness_NotReady_lists_the_errors_with_their_fixes_under_the_platform_ErrorId()
    {
        IReadOnlyList<CampaignReadinessFinding> findings = SmartleadReadiness.Check(new SmartleadReadinessInput { Campaign = new SmartleadCampaign { Id = 125, Status = "DRAFTED" } });

        CampaignApiException refusal = CampaignReadiness.NotReady(PlatformInfo.Smartlead, "125", findings, "Start-SmartleadCampaign");

        Assert.Equal("SmartleadCampaignNotReady", refusal.ErrorId);
        Assert.Equal(FailureCategory.InvalidOperation, refusal.Failure.Category);
        Assert.Contains("(1) SequenceMissing", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("(3) LeadsMissing", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Add-SmartleadLead", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ScheduleMissing", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("-Force", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_Smartlead_reads_a_new_sandbox_campaign_as_not_ready_and_a_configured_one_as_ready()
    {
        await using SmartleadSandbox sandbox = await SmartleadSandbox.StartAsync();
        SmartleadClient client = sandbox.Client();
        SmartleadCampaign campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Readiness" });

        IReadOnlyList<CampaignReadinessFinding> fresh = await SmartleadReadiness.TestAsync(client, campaign.Id);

        Assert.Equal(["SequenceMissing", "MailboxMissing", "LeadsMissing", "ScheduleMissing", "SettingsMissing"], Checks(fresh));

        await client.SetSequenceAsync(campaign.Id, [new SmartleadSequenceStep { Subject = "Hello", Body = "Hi", DelayDays = 0 }]);
        await client.AddEmailAccountsAsync(campaign.Id, [456L, 458L]);
        await client.ImportLeadsAsync(campaign.Id, [SmartleadLead.FromFields([new KeyValuePair<string, object?>("email", "ann@acme.example")], 1)]);
        await client.SetScheduleAsync(campaign.Id, new SmartleadSchedule { TimeZone = "Europe/Berlin", Days = [DayOfWeek.Monday], StartHour = 9, EndHour = 17 });
        await client.SetSettingsAsync(campaign.Id, new SmartleadSettings { StopLeadOn = SmartleadStopCondition.Reply });

        IReadOnlyList<CampaignReadinessFinding> configured = await SmartleadReadiness.TestAsync(client, campaign.Id);

        // 458 is seeded disconnected with warmup off; 456 still sends, so the campaign is ready.
        Assert.Equal(["MailboxDisconnected", "MailboxWarmupOff"], Checks(configured));
        Assert.True(CampaignReadiness.IsReady(configured));
    }

    private static async Task<SmartleadCampaign> ConfiguredAsync(SmartleadClient client, params long[] mailboxes)
    {
        SmartleadCampaign campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Readiness" });
        await client.SetSequenceAsync(campaign.Id, [new SmartleadSequenceStep { Subject = "Hello", Body = "Hi", DelayDays = 0 }]);
        await client.AddEmailAccountsAsync(campaign.Id, mailboxes);
        await client.ImportLeadsAsync(campaign.Id, [SmartleadLead.FromFields([new KeyValuePair<string, object?>("email", "ann@acme.example")], 1)]);
        await client.SetScheduleAsync(campaign.Id, new SmartleadSchedule { TimeZone = "Europe/Berlin", Days = [DayOfWeek.Monday], StartHour = 9, EndHour = 17 });
        await client.SetSettingsAsync(campaign.Id, new SmartleadSettings { StopLeadOn = SmartleadStopCondition.Reply });
        return campaign;
    }

    [Fact]
    public async Task Readiness_Smartlead_the_docs_answers_give_the_same_findings_without_warmup_reads()
    {
        await using SmartleadSandbox sandbox = await SmartleadSandbox.StartAsync();
        SmartleadClient client = sandbox.Client();
        SmartleadCampaign campaign = await ConfiguredAsync(client, 456, 458);
        sandbox.State.ReadShape = SmartleadReadShape.Docs;

        IReadOnlyList<CampaignReadinessFinding> findings = await SmartleadReadiness.TestAsync(client, campaign.Id);

        // The docs' account answer carries the SMTP error and the reputation ("98%"), so no warmup-stats read is needed.
        Assert.Equal(["MailboxDisconnected", "MailboxWarmupOff"], Checks(findings));
        Assert.Contains(CampaignPS.Sandbox.Platforms.Smartlead.SmartleadSandboxState.DisconnectedSmtpError, findings[0].Message, StringComparison.Ordinal);
        Assert.Equal(0, sandbox.Count("GET", "email-accounts/456/warmup-stats"));
    }

    [Fact]
    public async Task Readiness_Smartlead_warmup_results_that_fail_to_read_are_an_Info_finding_not_a_failure()
    {
        await using SmartleadSandbox sandbox = await SmartleadSandbox.StartAsync();
        SmartleadClient client = sandbox.Client();
        SmartleadCampaign campaign = await ConfiguredAsync(client, 456);
        sandbox.Server.Faults.Add(new FaultRule { Method = "GET", PathPrefix = sandbox.ApiPath + "email-accounts/456/warmup-stats", Kind = FaultKind.Status, StatusCode = 404, Times = -1 });

        IReadOnlyList<CampaignReadinessFinding> findings = await SmartleadReadiness.TestAsync(client, campaign.Id);

        CampaignReadinessFinding finding = Assert.Single(findings);
        Assert.Equal("MailboxWarmupUnread", finding.Check);
        Assert.Equal(ReadinessSeverity.Info, finding.Severity);
        Assert.True(CampaignReadiness.IsReady(findings));
    }

    [Fact]
    public async Task Readiness_Smartlead_an_unknown_campaign_is_SmartleadCampaignNotFound()
    {
        await using SmartleadSandbox sandbox = await SmartleadSandbox.StartAsync();

        var failure = await Assert.ThrowsAsync<CampaignApiException>(() => SmartleadReadiness.TestAsync(sandbox.Client(), 999999));

        Assert.Equal("SmartleadCampaignNotFound", failure.ErrorId);
    }

    // ---- SMS ----

    private static SmsContact Contact(string id, string? first, string phone, string? email = null) =>
        SmsContact.FromApi(new Dictionary<string, string>
        {
            ["firstName"] = first ?? string.Empty,
            ["phoneNumber"] = phone,
            ["email"] = email ?? string.Empty,
        }.Where(f => f.Value.Length > 0).ToDictionary(f => f.Key, f => f.Value), id);

    private static SmsReadinessInput ReadySms() => new()
    {
        Campaign = new SmsCampaign
        {
            Id = "665f1a0c0e0a4b001a2c9f10",
            Name = "Q2",
            Message = "Hi {{firstName}}",
            Status = "scheduled",
            ScheduleDate = Now.AddDays(1),
            UserIds = ["c1", "c2"],
            Total = 2,
        },
        Contacts = [Contact("c1", "Sam", "+14165550100"), Contact("c2", "Alex", "+14165550101")],
        Now = Now,
    };

    [Fact]
    public void Readiness_a_ready_SMS_campaign_has_no_findings()
    {
        Assert.Empty(SmsReadiness.Check(ReadySms()));
    }

    [Fact]
    public void Readiness_SMS_contacts_whose_numbers_are_not_E164_are_named()
    {
        SmsReadinessInput input = ReadySms();
        input.Contacts = [Contact("c1", "Sam", "0416 555 0100"), Contact("c2", "Alex", "+14165550101"), Contact("c3", "Riley", "+1416555")];
        input.Campaign.UserIds = ["c1", "c2", "c3"];
        input.Campaign.Total = 3;

        CampaignReadinessFinding finding = Assert.Single(SmsReadiness.Check(input));

        Assert.Equal("ContactPhoneInvalid", finding.Check);
        Assert.Equal(ReadinessSeverity.Error, finding.Severity);
        Assert.StartsWith("2 contacts", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Sam (c1) '0416 555 0100'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Riley (c3)", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Readiness_SMS_merge_fields_must_be_filled_on_every_contact_and_known_to_Tether()
    {
        SmsReadinessInput input = ReadySms();
        input.Campaign.Message = "Hi {{firstName}}, your code went to {{ email }}; {{company}}";
        input.Contacts = [Contact("c1", "Sam", "+14165550100", "sam@example.com"), Contact("c2", null, "+14165550101")];

        IReadOnlyList<CampaignReadinessFinding> findings = SmsReadiness.Check(input);

        Assert.Equal(["MergeFieldMissing", "MergeFieldMissing", "MergeFieldUnknown"], Checks(findings));
        Assert.Contains("{{firstName}}", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("1 contact has no firstName: +14165550101 (c2)", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("{{email}}", findings[1].Message, StringComparison.Ordinal);
        Assert.Contains("{{company}}", findings[2].Message, StringComparison.Ordinal);
        Assert.All(findings, f => Assert.Equal(ReadinessSeverity.Error, f.Severity));
    }

    [Fact]
    public void Readiness_SMS_a_schedule_that_has_passed_is_ScheduleInPast()
    {
        SmsReadinessInput input = ReadySms();
        input.Campaign.ScheduleDate = Now.AddMinutes(-1);

        CampaignReadinessFinding finding = Assert.Single(SmsReadiness.Check(input));

        Assert.Equal("ScheduleInPast", finding.Check);
        Assert.Equal(ReadinessSeverity.Error, finding.Severity);
        Assert.Contains("Send-SmsCampaign", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Readiness_SMS_a_launch_checks_its_own_message_and_brings_its_own_time()
    {
        SmsReadinessInput input = ReadySms();
        input.Campaign.ScheduleDate = Now.AddMinutes(-1);
        input.Launch = new SmsCampaignChanges { ScheduleDate = Now.AddDays(1), Message = "Your code went to {{email}}" };

        CampaignReadinessFinding finding = Assert.Single(SmsReadiness.Check(input));

        Assert.Equal("MergeFieldMissing", finding.Check);
        input.Launch.Message = null;
        Assert.Empty(SmsReadiness.Check(input));
    }

    [Fact]
    public void Readiness_SMS_a_draft_without_a_schedule_is_ready()
    {
        SmsReadinessInput input = ReadySms();
        input.Campaign.Status = "draft";
        input.Campaign.ScheduleDate = null;

        Assert.Empty(SmsReadiness.Check(input));
    }

    [Theory]
    [InlineData("completed")]
    [InlineData("sending")]
    [InlineData("cancelled")]
    [InlineData("failed")]
    public void Readiness_SMS_a_campaign_past_sending_is_StatusNotSendable(string status)
    {
        SmsReadinessInput input = ReadySms();
        input.Campaign.Status = status;
        input.Campaign.ScheduleDate = null;

        CampaignReadinessFinding finding = Assert.Single(SmsReadiness.Check(input));

        Assert.Equal("StatusNotSendable", finding.Check);
    }

    [Fact]
    public void Readiness_SMS_no_contacts_and_no_message_are_Errors()
    {
        SmsReadinessInput input = ReadySms();
        input.Campaign.Message = " ";
        input.Campaign.UserIds = [];
        input.Campaign.Total = 0;
        input.Contacts = [];

        Assert.Equal(["MessageMissing", "ContactsMissing"], Checks(SmsReadiness.Check(input)));
    }

    [Fact]
    public void Readiness_SMS_contacts_that_could_not_be_read_are_one_Info_finding()
    {
        SmsReadinessInput input = ReadySms();
        // The docs' example: one userId (the rep) for 250 messages.
        input.Campaign.UserIds = ["64ee9a8b1e7f2a0011223399"];
        input.Campaign.Total = 250;
        input.Contacts = [];

        CampaignReadinessFinding finding = Assert.Single(SmsReadiness.Check(input));

        Assert.Equal("ContactsNotReadable", finding.Check);
        Assert.Equal(ReadinessSeverity.Info, finding.Severity);
        Assert.Contains("0 of the campaign's 250", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_SMS_reads_the_recipients_through_userIds_and_GET_api_contacts()
    {
        await using SmsSandbox sandbox = await SmsSandbox.StartAsync();
        SmsClient client = sandbox.Client();
        SmsCampaign campaign = await client.CreateCampaignAsync(new NewSmsCampaign
        {
            Name = "Codes",
            Message = "Hi {{firstName}}, your code is on its way to {{email}}",
            ExistingContacts = [SmsContact.FromFields([new KeyValuePair<string, object?>("_id", "665f1a0c0e0a4b001a2c9f01")], 1, null)],
        });
        sandbox.State.EditContact("665f1a0c0e0a4b001a2c9f01", null, null, "416-555-0100", null);

        IReadOnlyList<CampaignReadinessFinding> findings = await SmsReadiness.TestAsync(client, campaign.Id);

        Assert.Equal(["ContactPhoneInvalid", "MergeFieldMissing"], Checks(findings));
        Assert.Contains("Sam Patel", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("no email", findings[1].Message, StringComparison.Ordinal);
        Assert.Equal(1, sandbox.Count("GET", "api/contacts"));
    }

    [Fact]
    public async Task Readiness_SMS_an_unknown_campaign_is_SmsCampaignNotFound()
    {
        await using SmsSandbox sandbox = await SmsSandbox.StartAsync();

        var failure = await Assert.ThrowsAsync<CampaignApiException>(() => SmsReadiness.TestAsync(sandbox.Client(), "665f1a0c0e0a4b001a2c9fff"));

        Assert.Equal("SmsCampaignNotFound", failure.ErrorId);
    }
}
