using System.Net;
using CampaignPS.Engine.Errors;
using CampaignPS.Engine.Smartlead;
using CampaignPS.Engine.Validation;
using CampaignPS.Sandbox;
using CampaignPS.Tests.Support;
using Xunit;
using SmartleadErrorShape = CampaignPS.Sandbox.Platforms.Smartlead.SmartleadErrorShape;

namespace CampaignPS.Tests.Engine;

/// <summary>Every Smartlead campaign operation against the sandbox over real loopback HTTP: success and each documented error.</summary>
public sealed class SmartleadClientTests
{
    private const long UnknownCampaign = 424242;

    [Fact]
    public async Task Create_with_a_name_and_a_client_and_without_a_name()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();

        SmartleadCampaign named = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "  Q1 CFO outreach ", ClientId = 77 });
        SmartleadCampaign untitled = await client.CreateCampaignAsync(new NewSmartleadCampaign());

        Assert.Equal("Q1 CFO outreach", named.Name);
        Assert.Equal("DRAFTED", named.Status);
        Assert.Equal(77, named.ClientId);
        Assert.NotNull(named.CreatedAt);
        Assert.Equal("Q1 CFO outreach", sandbox.State.Campaign(named.Id)!.Name);
        Assert.Equal(77, sandbox.State.Campaign(named.Id)!.ClientId);
        Assert.Equal("Untitled Campaign", untitled.Name);
        Assert.Equal("Untitled Campaign", sandbox.State.Campaign(untitled.Id)!.Name);
        Assert.Null(sandbox.State.Campaign(untitled.Id)!.ClientId);
        Assert.NotEqual(named.Id, untitled.Id);
    }

    [Theory]
    [InlineData("", null, "Name")]
    [InlineData("  ", null, "Name")]
    [InlineData("Fine", 0L, "ClientId")]
    public async Task Create_with_a_blank_name_or_a_bad_client_id_fails_before_sending(string name, long? clientId, string field)
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();

        var error = await Assert.ThrowsAsync<InputValidationException>(() => client.CreateCampaignAsync(new NewSmartleadCampaign { Name = name, ClientId = clientId }));

        Assert.Equal(field, error.Field);
        Assert.Equal("SmartleadInvalid" + field, error.ErrorId);
        Assert.Empty(sandbox.Server.Requests.Snapshot());
    }

    [Fact]
    public async Task Get_and_list_read_the_campaigns_and_the_list_filters_by_client()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        SmartleadCampaign first = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "First", ClientId = 77 });
        SmartleadCampaign second = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Second", ClientId = 88 });
        SmartleadCampaign third = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Third", ClientId = 77 });

        SmartleadCampaign read = await client.GetCampaignAsync(second.Id);
        var all = await client.GetCampaignsAsync();
        var forClient = await client.GetCampaignsAsync(77);

        Assert.Equal(second.Id, read.Id);
        Assert.Equal("Second", read.Name);
        Assert.Equal("DRAFTED", read.Status);
        Assert.Equal(88, read.ClientId);
        Assert.Equal([third.Id, second.Id, first.Id], all.Select(c => c.Id));
        Assert.Equal([third.Id, first.Id], forClient.Select(c => c.Id));
        Assert.Contains(sandbox.Server.Requests.Snapshot(), r => r.Method == "GET" && r.QueryString.Contains("client_id=77", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deleted_campaign_is_gone_and_reading_it_is_ObjectNotFound()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        SmartleadCampaign campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Short-lived" });

        await client.DeleteCampaignAsync(campaign.Id);
        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.GetCampaignAsync(campaign.Id));

        Assert.Null(sandbox.State.Campaign(campaign.Id));
        Assert.Equal("SmartleadCampaignNotFound", error.ErrorId);
        Assert.Equal(FailureCategory.ObjectNotFound, error.Failure.Category);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.False(error.Failure.IsTerminating);
        Assert.Equal(1, sandbox.Count("DELETE", $"campaigns/{campaign.Id}"));
        Assert.Equal(1, sandbox.Count("GET", $"campaigns/{campaign.Id}"));
    }

    [Fact]
    public async Task Status_start_needs_a_set_up_campaign_then_pause_stop_and_stopped_is_final()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        SmartleadCampaign campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Lifecycle" });

        var notReady = await Assert.ThrowsAsync<CampaignApiException>(() => client.SetStatusAsync(campaign.Id, SmartleadStatusChange.Start));
        Assert.Equal("DRAFTED", sandbox.State.Campaign(campaign.Id)!.Status);

        await SetUpForStartAsync(client, campaign.Id);
        await client.SetStatusAsync(campaign.Id, SmartleadStatusChange.Start);
        string afterStart = sandbox.State.Campaign(campaign.Id)!.Status;
        await client.SetStatusAsync(campaign.Id, SmartleadStatusChange.Pause);
        string afterPause = sandbox.State.Campaign(campaign.Id)!.Status;
        await client.SetStatusAsync(campaign.Id, SmartleadStatusChange.Stop);
        string afterStop = sandbox.State.Campaign(campaign.Id)!.Status;
        var stopped = await Assert.ThrowsAsync<CampaignApiException>(() => client.SetStatusAsync(campaign.Id, SmartleadStatusChange.Start));

        Assert.Equal("SmartleadCampaignNotReady", notReady.ErrorId);
        Assert.Equal(FailureCategory.InvalidOperation, notReady.Failure.Category);
        Assert.Contains("Set-SmartleadSequence", notReady.Message);
        Assert.Contains("cannot start", notReady.Failure.ApiMessage);
        Assert.Equal("ACTIVE", afterStart);
        Assert.Equal("PAUSED", afterPause);
        Assert.Equal("STOPPED", afterStop);
        Assert.Equal("SmartleadCampaignStopped", stopped.ErrorId);
        Assert.Equal(FailureCategory.InvalidOperation, stopped.Failure.Category);
        Assert.Contains("cannot be started", stopped.Message);
        Assert.Equal("STOPPED", sandbox.State.Campaign(campaign.Id)!.Status);

        var statusRequests = sandbox.Server.Requests.Snapshot().Where(r => r.Path.EndsWith("/status", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, statusRequests.Count);
        Assert.All(statusRequests, r => Assert.Equal("POST", r.Method));
        Assert.Equal(["START", "START", "PAUSED", "STOPPED", "START"], statusRequests.Select(r => System.Text.Json.JsonDocument.Parse(r.Body).RootElement.GetProperty("status").GetString()));
        Assert.Contains("\"START\"", statusRequests[1].Body);
        Assert.Equal($"{sandbox.ApiPath}campaigns/{campaign.Id}/status", statusRequests[1].Path);
    }

    [Fact]
    public async Task A_sequence_is_numbered_in_order_saved_and_read_back()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        SmartleadCampaign campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Sequenced" });
        var steps = new[]
        {
            new SmartleadSequenceStep { Number = 9, Subject = "Quick question", Body = "Hi {{first_name}}", DelayDays = 0 },
            new SmartleadSequenceStep { Number = 4, Subject = null, Body = "Following up", DelayDays = 3 },
            new SmartleadSequenceStep { Number = 1, Subject = "Last try", Body = "<p>Bye</p>", DelayDays = 365 },
        };

        await client.SetSequenceAsync(campaign.Id, steps);
        var read = await client.GetSequenceAsync(campaign.Id);

        Assert.Equal([1, 2, 3], steps.Select(s => s.Number));
        Assert.Equal([1, 2, 3], read.Select(s => s.Number));
        Assert.Equal(["Quick question", "", "Last try"], read.Select(s => s.Subject));
        Assert.Equal(["Hi {{first_name}}", "Following up", "<p>Bye</p>"], read.Select(s => s.Body));
        Assert.Equal([0, 3, 365], read.Select(s => s.DelayDays));
        Assert.Equal([1, 2, 3], sandbox.State.Campaign(campaign.Id)!.Sequences.Select(s => s.SeqNumber));
    }

    [Theory]
    [InlineData("no steps", "Step is empty")]
    [InlineData("first step without subject", "Step 1 has no Subject")]
    [InlineData("missing body", "Step 2 has no Body")]
    [InlineData("delay -1", "Step 2 has DelayDays -1")]
    [InlineData("delay 366", "Step 2 has DelayDays 366")]
    public async Task A_bad_sequence_fails_before_sending(string problem, string phrase)
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        var first = new SmartleadSequenceStep { Subject = "Hello", Body = "Hi", DelayDays = 0 };
        SmartleadSequenceStep[] steps = problem switch
        {
            "no steps" => [],
            "first step without subject" => [new SmartleadSequenceStep { Subject = " ", Body = "Hi" }],
            "missing body" => [first, new SmartleadSequenceStep { Body = "  ", DelayDays = 2 }],
            "delay -1" => [first, new SmartleadSequenceStep { Body = "Again", DelayDays = -1 }],
            _ => [first, new SmartleadSequenceStep { Body = "Again", DelayDays = 366 }],
        };

        var error = await Assert.ThrowsAsync<InputValidationException>(() => client.SetSequenceAsync(1001, steps));

        Assert.Equal("Step", error.Field);
        Assert.Equal("SmartleadInvalidStep", error.ErrorId);
        Assert.Contains(phrase, error.Message);
        Assert.Empty(sandbox.Server.Requests.Snapshot());
    }

    [Fact]
    public async Task The_sequence_of_a_campaign_this_client_started_is_refused_by_the_server_and_allowed_after_a_pause()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        SmartleadCampaign campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Running" });
        await SetUpForStartAsync(client, campaign.Id);
        await client.SetStatusAsync(campaign.Id, SmartleadStatusChange.Start);

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.SetSequenceAsync(campaign.Id, [new SmartleadSequenceStep { Subject = "New", Body = "New body" }]));
        await client.SetStatusAsync(campaign.Id, SmartleadStatusChange.Pause);
        await client.SetSequenceAsync(campaign.Id, [new SmartleadSequenceStep { Subject = "New", Body = "New body" }]);

        // The server says so: nothing is refused from what this client did before.
        Assert.Equal("SmartleadCampaignActive", error.ErrorId);
        Assert.Equal(FailureCategory.InvalidOperation, error.Failure.Category);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("Suspend-SmartleadCampaign", error.Message);
        Assert.Equal(3, sandbox.Count("POST", $"campaigns/{campaign.Id}/sequences"));
        Assert.Equal("New", Assert.Single(sandbox.State.Campaign(campaign.Id)!.Sequences).Subject);
    }

    [Fact]
    public async Task The_sequence_of_a_campaign_started_elsewhere_is_refused_by_the_server_as_CampaignActive()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        SmartleadCampaign campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Started in the web app" });
        sandbox.State.SetCampaignStatus(campaign.Id, "ACTIVE");

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.SetSequenceAsync(campaign.Id, [new SmartleadSequenceStep { Subject = "S", Body = "B" }]));

        Assert.Equal("SmartleadCampaignActive", error.ErrorId);
        Assert.Equal(FailureCategory.InvalidOperation, error.Failure.Category);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("Suspend-SmartleadCampaign", error.Message);
        Assert.Equal(1, sandbox.Count("POST", $"campaigns/{campaign.Id}/sequences"));
        Assert.Empty(sandbox.State.Campaign(campaign.Id)!.Sequences);
    }

    [Fact]
    public async Task Email_accounts_are_added_and_read_back()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        SmartleadCampaign campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Senders" });

        await client.AddEmailAccountsAsync(campaign.Id, [456, 457, 456]);
        var accounts = await client.GetEmailAccountsAsync(campaign.Id);

        Assert.Equal([456L, 457L], sandbox.State.Campaign(campaign.Id)!.EmailAccountIds);
        Assert.Equal(["alex@outreach.example", "blair@outreach.example"], accounts.Select(a => a.FromEmail));
        Assert.Contains("\"email_account_ids\":[456,457]", sandbox.Server.Requests.Snapshot().Single(r => r.Method == "POST" && r.Path.EndsWith("/email-accounts", StringComparison.Ordinal)).Body);
    }

    [Fact]
    public async Task An_unknown_email_account_is_EmailAccountNotFound_and_an_unknown_campaign_is_CampaignNotFound()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        SmartleadCampaign campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Senders" });

        var account = await Assert.ThrowsAsync<CampaignApiException>(() => client.AddEmailAccountsAsync(campaign.Id, [456, 999]));
        var missingCampaign = await Assert.ThrowsAsync<CampaignApiException>(() => client.AddEmailAccountsAsync(UnknownCampaign, [456]));

        Assert.Equal("SmartleadEmailAccountNotFound", account.ErrorId);
        Assert.Equal(FailureCategory.ObjectNotFound, account.Failure.Category);
        Assert.Contains("999", account.Failure.ApiMessage);
        Assert.Contains("Get-SmartleadEmailAccount", account.Message);
        Assert.Empty(sandbox.State.Campaign(campaign.Id)!.EmailAccountIds);
        Assert.Equal("SmartleadCampaignNotFound", missingCampaign.ErrorId);
        Assert.Equal(FailureCategory.ObjectNotFound, missingCampaign.Failure.Category);
    }

    [Fact]
    public async Task An_empty_or_invalid_email_account_list_fails_before_sending()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();

        var empty = await Assert.ThrowsAsync<InputValidationException>(() => client.AddEmailAccountsAsync(1001, []));
        var zero = await Assert.ThrowsAsync<InputValidationException>(() => client.AddEmailAccountsAsync(1001, [456, 0]));

        Assert.Equal("EmailAccountId", empty.Field);
        Assert.Contains("EmailAccountId is empty", empty.Message);
        Assert.Equal("EmailAccountId", zero.Field);
        Assert.Empty(sandbox.Server.Requests.Snapshot());
    }

    [Fact]
    public async Task A_schedule_arrives_as_the_references_flat_body()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        SmartleadCampaign campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Scheduled" });

        await client.SetScheduleAsync(campaign.Id, new SmartleadSchedule
        {
            TimeZone = "America/New_York",
            Days = [DayOfWeek.Friday, DayOfWeek.Sunday, DayOfWeek.Monday],
            StartHour = 9,
            EndHour = 17,
            MinTimeBetweenEmails = 10,
        });

        var stored = sandbox.State.Campaign(campaign.Id)!.Schedule!;
        Assert.Equal("America/New_York", stored.Timezone);
        Assert.Equal([0, 1, 5], stored.Days);
        Assert.Equal("09:00", stored.StartHour);
        Assert.Equal("17:00", stored.EndHour);
        Assert.Equal(10, stored.MinTimeBetweenEmails);
        string body = sandbox.Server.Requests.Snapshot().Single(r => r.Path.EndsWith("/schedule", StringComparison.Ordinal)).Body;
        Assert.Contains("\"days\":[0,1,5]", body);
        Assert.Contains("\"startHour\":\"09:00\"", body);
        Assert.Contains("\"endHour\":\"17:00\"", body);
        Assert.DoesNotContain("\"schedule\"", body);
    }

    [Theory]
    [InlineData("Mars/Olympus", 9, 17, true, "TimeZone", "is not an IANA time zone name")]
    [InlineData("Eastern Standard Time", 9, 17, true, "TimeZone", "Windows names like 'Eastern Standard Time' are not accepted")]
    [InlineData("america/new_york", 9, 17, true, "TimeZone", "did you mean 'America/New_York'")]
    [InlineData("Europe/Berlin", 17, 9, true, "EndHour", "EndHour 9 is not after StartHour 17")]
    [InlineData("Europe/Berlin", 9, 9, true, "EndHour", "not after StartHour")]
    [InlineData("Europe/Berlin", 9, 24, true, "EndHour", "EndHour 24 is outside the allowed range")]
    [InlineData("Europe/Berlin", 9, 17, false, "Day", "Day is empty")]
    public async Task A_bad_schedule_fails_before_sending(string timeZone, int start, int end, bool withDays, string field, string phrase)
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        var schedule = new SmartleadSchedule
        {
            TimeZone = timeZone,
            Days = withDays ? [DayOfWeek.Monday] : [],
            StartHour = start,
            EndHour = end,
        };

        var error = await Assert.ThrowsAsync<InputValidationException>(() => client.SetScheduleAsync(1001, schedule));

        Assert.Equal(field, error.Field);
        Assert.Contains(phrase, error.Message);
        if (field == "TimeZone")
        {
            Assert.Contains("IANA", error.Message);
        }

        Assert.Empty(sandbox.Server.Requests.Snapshot());
    }

    [Fact]
    public async Task Settings_are_sent_in_the_API_reference_vocabulary_by_default()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        SmartleadCampaign campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Reference" });

        await client.SetSettingsAsync(campaign.Id, new SmartleadSettings { TrackOpen = false, StopLeadOn = SmartleadStopCondition.Reply });

        var stored = sandbox.State.Campaign(campaign.Id)!.Settings;
        Assert.Equal(["DONT_EMAIL_OPEN"], stored.TrackSettings!);
        Assert.Equal("REPLY_TO_AN_EMAIL", stored.StopLeadSettings);
    }

    [Fact]
    public async Task Settings_are_sent_in_the_docs_vocabulary_when_asked()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        SmartleadCampaign campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Docs" });

        await client.SetSettingsAsync(campaign.Id, new SmartleadSettings
        {
            TrackOpen = false,
            TrackReply = false,
            StopLeadOn = SmartleadStopCondition.Click,
            Vocabulary = SmartleadVocabulary.Docs,
        });

        var stored = sandbox.State.Campaign(campaign.Id)!.Settings;
        Assert.Equal(["DONT_TRACK_EMAIL_OPEN", "DONT_TRACK_REPLY_TO_AN_EMAIL"], stored.TrackSettings!);
        Assert.Equal("CLICK_ON_A_LINK", stored.StopLeadSettings);
    }

    [Theory]
    [InlineData("TrackReply without Docs", "TrackReply", "-Vocabulary Docs")]
    [InlineData("FollowUpPercentage 101", "FollowUpPercentage", "FollowUpPercentage 101 is outside the allowed range")]
    [InlineData("nothing", "Changes", "Nothing to change")]
    public async Task Bad_settings_fail_before_sending(string problem, string field, string phrase)
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        SmartleadSettings settings = problem switch
        {
            "TrackReply without Docs" => new SmartleadSettings { TrackReply = false },
            "FollowUpPercentage 101" => new SmartleadSettings { FollowUpPercentage = 101 },
            _ => new SmartleadSettings(),
        };

        var error = await Assert.ThrowsAsync<InputValidationException>(() => client.SetSettingsAsync(1001, settings));

        Assert.Equal(field, error.Field);
        Assert.Contains(phrase, error.Message);
        Assert.Empty(sandbox.Server.Requests.Snapshot());
    }

    [Fact]
    public async Task A_rejected_key_is_terminating_PermissionDenied_and_not_retried()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client(apiKey: "wrong-key-123");

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.GetCampaignsAsync());

        Assert.Equal("SmartleadUnauthorized", error.ErrorId);
        Assert.Equal(FailureCategory.PermissionDenied, error.Failure.Category);
        Assert.True(error.Failure.IsTerminating);
        Assert.Equal("Invalid API Key", error.Failure.ApiMessage);
        Assert.Contains("Connect-Smartlead", error.Message);
        Assert.Equal(1, sandbox.Count("GET", "campaigns"));
    }

    [Theory]
    [InlineData(SmartleadErrorShape.Nested, "NOT_FOUND")]
    [InlineData(SmartleadErrorShape.Flat, null)]
    [InlineData(SmartleadErrorShape.FlatError, null)]
    public async Task Every_documented_error_shape_gives_the_APIs_message(SmartleadErrorShape shape, string? code)
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        sandbox.State.ErrorShape = shape;
        using var client = sandbox.Client();
        SmartleadCampaign campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Shapes" });

        var missing = await Assert.ThrowsAsync<CampaignApiException>(() => client.GetCampaignAsync(UnknownCampaign));
        var notReady = await Assert.ThrowsAsync<CampaignApiException>(() => client.SetStatusAsync(campaign.Id, SmartleadStatusChange.Start));

        Assert.Equal($"Campaign {UnknownCampaign} not found.", missing.Failure.ApiMessage);
        Assert.Equal(code, missing.Failure.ApiErrorCode);
        Assert.Equal("SmartleadCampaignNotFound", missing.ErrorId);
        Assert.Contains($"Campaign {UnknownCampaign} not found", missing.Message);
        Assert.StartsWith($"Campaign {campaign.Id} cannot start: it needs at least one email sequence", notReady.Failure.ApiMessage);
        Assert.Equal("SmartleadCampaignNotReady", notReady.ErrorId);
        Assert.NotNull(missing.Failure.RequestId);
        Assert.Contains(missing.Failure.RequestId!, missing.Failure.Details);
    }

    [Fact]
    public async Task A_campaign_read_after_changes_is_what_the_server_stored()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        SmartleadCampaign campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Stored" });
        await SetUpForStartAsync(client, campaign.Id);
        await client.SetScheduleAsync(campaign.Id, new SmartleadSchedule { TimeZone = "Europe/Berlin", Days = [DayOfWeek.Tuesday, DayOfWeek.Thursday], StartHour = 8, EndHour = 16, MinTimeBetweenEmails = 12 });
        await client.SetSettingsAsync(campaign.Id, new SmartleadSettings { TrackOpen = false, TrackClick = false, StopLeadOn = SmartleadStopCondition.Open, FollowUpPercentage = 40, MaxLeadsPerDay = 200, PlainText = true });
        await client.SetStatusAsync(campaign.Id, SmartleadStatusChange.Start);

        SmartleadCampaign read = await client.GetCampaignAsync(campaign.Id);

        Assert.Equal(1, sandbox.Count("GET", $"campaigns/{campaign.Id}"));
        Assert.Equal("ACTIVE", read.Status);
        Assert.Equal("Europe/Berlin", read.TimeZone);
        Assert.Equal([DayOfWeek.Tuesday, DayOfWeek.Thursday], read.Days);
        Assert.Equal("08:00", read.StartHour);
        Assert.Equal("16:00", read.EndHour);
        Assert.Equal(12, read.MinTimeBetweenEmails);
        Assert.Equal(["DONT_EMAIL_OPEN", "DONT_LINK_CLICK"], read.TrackSettings);
        Assert.Equal("OPENED_EMAIL", read.StopLeadSettings);
        Assert.Equal(40, read.FollowUpPercentage);
        Assert.Equal(200, read.MaxLeadsPerDay);
        Assert.True(read.SendAsPlainText);
    }

    [Fact]
    public async Task A_campaign_this_client_started_and_another_paused_takes_a_new_sequence()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        using var elsewhere = sandbox.Client();
        SmartleadCampaign campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Paused elsewhere" });
        await SetUpForStartAsync(client, campaign.Id);
        await client.SetStatusAsync(campaign.Id, SmartleadStatusChange.Start);
        await elsewhere.SetStatusAsync(campaign.Id, SmartleadStatusChange.Pause);

        await client.SetSequenceAsync(campaign.Id, [new SmartleadSequenceStep { Subject = "New start", Body = "Hi again" }]);
        SmartleadCampaign read = await client.GetCampaignAsync(campaign.Id);

        Assert.Equal(["New start"], sandbox.State.Campaign(campaign.Id)!.Sequences.Select(s => s.Subject));
        Assert.Equal("PAUSED", read.Status);
    }

    [Fact]
    public async Task Reads_of_one_campaign_do_not_depend_on_what_the_client_did_before()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var configurer = sandbox.Client();
        using var reader = sandbox.Client();
        SmartleadCampaign campaign = await configurer.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Same" });
        await SetUpForStartAsync(configurer, campaign.Id);

        SmartleadCampaign byConfigurer = await configurer.GetCampaignAsync(campaign.Id);
        SmartleadCampaign byReader = await reader.GetCampaignAsync(campaign.Id);

        Assert.Equal(
            string.Join("|", typeof(SmartleadCampaign).GetProperties().Select(p => $"{p.Name}={Show(p.GetValue(byReader))}")),
            string.Join("|", typeof(SmartleadCampaign).GetProperties().Select(p => $"{p.Name}={Show(p.GetValue(byConfigurer))}")));

        static string Show(object? value) => value is System.Collections.IEnumerable list and not string ? string.Join(",", list.Cast<object>()) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "null";
    }

    [Fact]
    public async Task The_servers_own_rate_limit_is_waited_out_with_Retry_After()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync(enforceRateLimits: true, requestsPerSecond: 10);
        using var client = sandbox.Client();
        SmartleadCampaign campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Popular" });

        var reads = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => client.GetCampaignAsync(campaign.Id)));

        Assert.All(reads, r => Assert.Equal(campaign.Id, r.Id));
        Assert.Contains(sandbox.Server.Requests.Snapshot(), r => r.StatusCode == 429);
        Assert.Equal(30, sandbox.Server.Requests.Snapshot().Count(r => r.Method == "GET" && r.StatusCode == 200));
        Assert.Contains(sandbox.Logs.Lines, l => l.Contains("Rate limited: waiting", StringComparison.Ordinal) && l.Contains("(Retry-After)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_query_string_key_is_in_no_log_line_error_or_redacted_url()
    {
        const string Key = "sl_TOPSECRET+live/7d2c";
        const string WrongKey = "sl_WRONGSECRET_51ab";
        await using var sandbox = await SmartleadSandbox.StartAsync(apiKey: Key);
        using var client = sandbox.Client(o => o.Retry.MaxAttempts = 2);
        using var wrong = sandbox.Client(apiKey: WrongKey);
        SmartleadCampaign campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Secret" });
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.Status, StatusCode = 500, Times = -1, Method = "POST", PathPrefix = sandbox.LeadsPath(campaign.Id) });
        var outcomes = new List<SmartleadLeadBatchOutcome>();

        var missing = await Assert.ThrowsAsync<CampaignApiException>(() => client.GetCampaignAsync(UnknownCampaign));
        var rejected = await Assert.ThrowsAsync<CampaignApiException>(() => wrong.GetCampaignsAsync());
        await client.ImportLeadsAsync(campaign.Id, [SmartleadLead.FromFields([new("email", "a@lead.example")], 1)], onBatch: outcomes.Add);
        CampaignApiException batch = Assert.Single(outcomes).Failure!;

        Assert.Contains(sandbox.Server.Requests.Snapshot(), r => r.QueryString.Contains("api_key=" + Uri.EscapeDataString(Key), StringComparison.Ordinal));
        Assert.Equal("SmartleadUnauthorized", rejected.ErrorId);
        foreach (CampaignApiException error in new[] { missing, rejected, batch })
        {
            Assert.Contains("api_key=***", error.Failure.RedactedUrl);
            AssertNoKey([Key, WrongKey], error.ToString(), error.Message, error.Failure.Details, error.Failure.RedactedUrl, error.Failure.ToString());
        }

        Assert.NotEmpty(sandbox.Logs.Lines);
        Assert.Contains(sandbox.Logs.Lines, l => l.Contains("api_key=***", StringComparison.Ordinal));
        AssertNoKey([Key, WrongKey], [.. sandbox.Logs.Lines, client.ToString(), wrong.ToString()]);
    }

    /// <summary>A sequence, two email accounts and one lead: what START needs.</summary>
    internal static async Task SetUpForStartAsync(SmartleadClient client, long campaignId)
    {
        await client.SetSequenceAsync(campaignId,
        [
            new SmartleadSequenceStep { Subject = "Quick question", Body = "Hi {{first_name}}" },
            new SmartleadSequenceStep { Body = "Following up", DelayDays = 2 },
        ]);
        await client.AddEmailAccountsAsync(campaignId, [456, 457]);
        var result = await client.ImportLeadsAsync(campaignId, [SmartleadLead.FromFields([new("Email", "first@lead.example")], 1)]);
        Assert.Equal(1, result.Inserted);
    }

    private static void AssertNoKey(string[] keys, params string?[] texts)
    {
        foreach (string key in keys)
        {
            foreach (string? text in texts)
            {
                Assert.DoesNotContain(key, text ?? string.Empty, StringComparison.Ordinal);
                Assert.DoesNotContain(Uri.EscapeDataString(key), text ?? string.Empty, StringComparison.Ordinal);
            }
        }
    }
}
