using System.Net;
using System.Text.Json;
using CampaignPS.Engine.Errors;
using CampaignPS.Engine.Sms;
using CampaignPS.Engine.Validation;
using CampaignPS.Sandbox;
using CampaignPS.Tests.Support;
using Xunit;
using SmsErrorShape = CampaignPS.Sandbox.Platforms.Sms.SmsErrorShape;
using SmsSandboxState = CampaignPS.Sandbox.Platforms.Sms.SmsSandboxState;

namespace CampaignPS.Tests.Engine;

/// <summary>Every SMS (Tether) operation against the sandbox over real loopback HTTP: success, each documented error, input checks and the no-resend rule.</summary>
public sealed class SmsClientTests
{
    private const string UnknownCampaign = "000000000000000000000abc";

    [Fact]
    public async Task Create_posts_once_then_reads_the_campaign_back_with_its_contacts_and_stats()
    {
        await using var sandbox = await SmsSandbox.StartAsync();
        using var client = sandbox.Client();

        SmsCampaign campaign = await client.CreateCampaignAsync(new NewSmsCampaign
        {
            Name = " Spring promo ",
            Message = "Hi {{firstName}}, spring sale!",
            NewContacts = [Contact(1, "Jo", "+14155550133"), Contact(2, "Kim", "+14155550134", ("email", "kim@acme.example"))],
            Autopilot = true,
            Process = "proc_1",
        });

        Assert.NotEmpty(campaign.Id);
        Assert.Equal("Spring promo", campaign.Name);
        Assert.Equal("Hi {{firstName}}, spring sale!", campaign.Message);
        Assert.Equal("draft", campaign.Status);
        Assert.Null(campaign.ScheduleDate);
        Assert.True(campaign.IsAutopilot);
        Assert.Equal("proc_1", campaign.Process);
        Assert.Equal("sms", campaign.Type);
        Assert.Equal("New Lead", campaign.ContactStatus);
        Assert.Equal(SmsSandboxState.UserFullName, campaign.CreatedBy);
        Assert.Equal(2, campaign.Total);
        Assert.Equal(0, campaign.Sent);
        Assert.Empty(campaign.FailedDetails);
        Assert.Equal(1, sandbox.Count("POST", "api/campaigns"));
        Assert.Equal(1, sandbox.Count("GET", "api/campaigns/" + campaign.Id));
        Assert.Equal(["+14155550133", "+14155550134"], sandbox.State.Campaign(campaign.Id)!.PhoneNumbers);

        using JsonDocument body = JsonDocument.Parse(sandbox.Server.Requests.Snapshot()[0].Body);
        JsonElement second = body.RootElement.GetProperty("newContacts")[1];
        Assert.Equal("Kim", second.GetProperty("firstName").GetString());
        Assert.Equal("kim@acme.example", second.GetProperty("email").GetString());
        Assert.Equal("sms", body.RootElement.GetProperty("type").GetString());
        Assert.Equal(0, body.RootElement.GetProperty("selectedExistingContacts").GetArrayLength());
    }

    [Fact]
    public async Task Only_the_contact_fields_Tether_documents_reach_the_wire()
    {
        await using var sandbox = await SmsSandbox.StartAsync();
        using var client = sandbox.Client();
        SmsContact routed = SmsContact.FromFields(Fields(("CampaignName", "East"), ("First Name", "Jo"), ("Email", "jo@acme.example"), ("Notes", "VIP"), ("Mobile", "+14155550133")), 1, null);

        await client.CreateCampaignAsync(new NewSmsCampaign { Name = "East", Message = "Hi {{firstName}}, write to {{email}}", NewContacts = [routed] });

        using JsonDocument body = JsonDocument.Parse(sandbox.Server.Requests.Snapshot()[0].Body);
        JsonElement contact = body.RootElement.GetProperty("newContacts")[0];
        Assert.Equal(["email", "firstName", "phoneNumber"], contact.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal("jo@acme.example", contact.GetProperty("email").GetString());
        Assert.Equal("East", routed.Field("CampaignName"));
    }

    [Fact]
    public async Task Create_with_a_schedule_and_existing_contacts_is_scheduled()
    {
        await using var sandbox = await SmsSandbox.StartAsync();
        using var client = sandbox.Client();
        DateTimeOffset at = DateTimeOffset.UtcNow.AddDays(2);

        SmsCampaign campaign = await client.CreateCampaignAsync(new NewSmsCampaign
        {
            Name = "Later",
            Message = "Hello {{firstName}}",
            ExistingContacts = [Existing(SmsSandboxState.SamContactId), Existing(SmsSandboxState.AlexContactId)],
            ScheduleDate = at,
        });

        Assert.Equal("scheduled", campaign.Status);
        Assert.Equal(at.ToUnixTimeSeconds(), campaign.ScheduleDate!.Value.ToUnixTimeSeconds());
        Assert.Equal(2, campaign.Total);
        Assert.Equal([SmsSandboxState.SamContactId, SmsSandboxState.AlexContactId], sandbox.State.Campaign(campaign.Id)!.ContactIds);
        Assert.Equal(3, sandbox.State.ContactCount);
    }

    [Fact]
    public async Task When_the_read_back_fails_the_create_answer_is_returned_and_the_create_is_not_repeated()
    {
        await using var sandbox = await SmsSandbox.StartAsync();
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.Status, StatusCode = 404, Method = "GET", PathPrefix = sandbox.ApiPath + "api/campaigns/" });
        using var client = sandbox.Client();

        SmsCampaign campaign = await client.CreateCampaignAsync(new NewSmsCampaign { Name = "Summary", Message = "Hi", NewContacts = [Contact(1, null, "+14155550133")] });

        Assert.NotEmpty(campaign.Id);
        Assert.Equal("Summary", campaign.Name);
        Assert.Equal("draft", campaign.Status);
        Assert.Null(campaign.Total);
        Assert.Equal(1, sandbox.Count("POST", "api/campaigns"));
        Assert.Equal(1, sandbox.State.CampaignCount);
    }

    [Fact]
    public async Task Get_reads_one_campaign_and_the_list_reads_all_newest_first()
    {
        await using var sandbox = await SmsSandbox.StartAsync();
        using var client = sandbox.Client();
        SmsCampaign first = await client.CreateCampaignAsync(Draft("First"));
        SmsCampaign second = await client.CreateCampaignAsync(Draft("Second"));

        SmsCampaign read = await client.GetCampaignAsync(first.Id);
        IReadOnlyList<SmsCampaign> all = await client.GetCampaignsAsync();

        Assert.Equal("First", read.Name);
        Assert.Equal(first.Id, read.Id);
        Assert.Equal([second.Id, first.Id], all.Select(c => c.Id));
        Assert.All(all, c => Assert.Equal("draft", c.Status));
    }

    [Fact]
    public async Task A_read_that_meets_a_503_is_retried()
    {
        await using var sandbox = await SmsSandbox.StartAsync();
        using var client = sandbox.Client();
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.Status, StatusCode = 503, Method = "GET", PathPrefix = sandbox.ApiPath + "api/campaigns" });

        IReadOnlyList<SmsCampaign> all = await client.GetCampaignsAsync();

        Assert.Empty(all);
        Assert.Equal(2, sandbox.Count("GET", "api/campaigns"));
    }

    [Fact]
    public async Task Send_texts_every_contact_and_reports_the_failed_number_and_the_stats()
    {
        await using var sandbox = await SmsSandbox.StartAsync();
        using var client = sandbox.Client();
        SmsCampaign draft = await client.CreateCampaignAsync(new NewSmsCampaign
        {
            Name = "Send me",
            Message = "Hi {{firstName}}",
            NewContacts = [Contact(1, "Jo", "+14155550133"), Contact(2, "Nil", "+14155550000"), Contact(3, "Kim", "+14155550134")],
        });

        SmsCampaign sent = await client.SendCampaignAsync(draft.Id);

        Assert.Equal(draft.Id, sent.Id);
        Assert.Equal("completed", sent.Status);
        Assert.Equal(3, sent.Total);
        Assert.Equal(2, sent.Sent);
        Assert.Equal(1, sent.Failed);
        Assert.Equal("66.7%", sent.SuccessRate);
        SmsFailure failure = Assert.Single(sent.FailedDetails);
        Assert.Equal("+14155550000", failure.PhoneNumber);
        Assert.Equal(SmsSandboxState.CarrierRejected, failure.Error);
        Assert.Equal(1, sandbox.Count("POST", $"api/campaigns/{draft.Id}/send"));
    }

    [Fact]
    public async Task Sending_twice_is_CampaignAlreadySent_and_unknown_campaigns_are_NotFound()
    {
        await using var sandbox = await SmsSandbox.StartAsync();
        using var client = sandbox.Client();
        SmsCampaign draft = await client.CreateCampaignAsync(Draft("Once"));
        SmsCampaign cancelled = await client.CreateCampaignAsync(Draft("Cancelled"));
        sandbox.State.SetCampaignStatus(cancelled.Id, "cancelled");
        await client.SendCampaignAsync(draft.Id);

        var twice = await Assert.ThrowsAsync<CampaignApiException>(() => client.SendCampaignAsync(draft.Id));
        var afterCancel = await Assert.ThrowsAsync<CampaignApiException>(() => client.SendCampaignAsync(cancelled.Id));
        Assert.Equal("SmsCampaignAlreadySent", afterCancel.ErrorId);
        Assert.Equal(HttpStatusCode.BadRequest, afterCancel.StatusCode);
        var missingSend = await Assert.ThrowsAsync<CampaignApiException>(() => client.SendCampaignAsync(UnknownCampaign));
        var missingGet = await Assert.ThrowsAsync<CampaignApiException>(() => client.GetCampaignAsync(UnknownCampaign));

        Assert.Equal("SmsCampaignAlreadySent", twice.ErrorId);
        Assert.Equal(FailureCategory.InvalidOperation, twice.Failure.Category);
        // The one error status /send documents.
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("already been sent", twice.Message);
        Assert.DoesNotContain("Correct the value", twice.Message);
        Assert.Equal("CAMPAIGN_ALREADY_SENT", twice.Failure.ApiErrorCode);
        Assert.Equal(2, sandbox.Count("POST", $"api/campaigns/{draft.Id}/send"));
        Assert.Equal("SmsCampaignNotFound", missingSend.ErrorId);
        Assert.Equal("SmsCampaignNotFound", missingGet.ErrorId);
        Assert.Equal(FailureCategory.ObjectNotFound, missingGet.Failure.Category);
        Assert.False(missingGet.Failure.IsTerminating);
        Assert.Equal(1, sandbox.Count("GET", "api/campaigns/" + UnknownCampaign));
    }

    [Fact]
    public async Task Cancel_stops_a_scheduled_campaign_and_refuses_a_draft_with_CampaignNotScheduled()
    {
        await using var sandbox = await SmsSandbox.StartAsync();
        using var client = sandbox.Client();
        SmsCampaign scheduled = await client.CreateCampaignAsync(new NewSmsCampaign
        {
            Name = "Scheduled",
            Message = "Hi",
            NewContacts = [Contact(1, null, "+14155550133")],
            ScheduleDate = DateTimeOffset.UtcNow.AddHours(3),
        });
        SmsCampaign draft = await client.CreateCampaignAsync(Draft("Draft"));

        SmsCampaign cancelled = await client.CancelCampaignAsync(scheduled.Id);
        var notScheduled = await Assert.ThrowsAsync<CampaignApiException>(() => client.CancelCampaignAsync(draft.Id));
        var again = await Assert.ThrowsAsync<CampaignApiException>(() => client.CancelCampaignAsync(scheduled.Id));

        Assert.Equal("cancelled", cancelled.Status);
        Assert.Equal("cancelled", sandbox.State.Campaign(scheduled.Id)!.Status);
        Assert.Equal("SmsCampaignNotScheduled", notScheduled.ErrorId);
        Assert.Equal(FailureCategory.InvalidOperation, notScheduled.Failure.Category);
        Assert.Contains("Stop-SmsCampaign", notScheduled.Message);
        Assert.Equal("SmsCampaignNotScheduled", again.ErrorId);
        Assert.Equal("draft", sandbox.State.Campaign(draft.Id)!.Status);
    }

    [Theory]
    [InlineData(SmsErrorShape.Nested)]
    [InlineData(SmsErrorShape.TopLevel)]
    public async Task Both_error_shapes_give_the_APIs_message_and_code(SmsErrorShape shape)
    {
        await using var sandbox = await SmsSandbox.StartAsync();
        sandbox.State.ErrorShape = shape;
        using var client = sandbox.Client();

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.CreateCampaignAsync(new NewSmsCampaign
        {
            Name = "Unknown contact",
            Message = "Hi",
            ExistingContacts = [Existing("665f1a0c0e0a4b001a2c9fff")],
        }));

        Assert.Equal("SmsInvalidRequest", error.ErrorId);
        Assert.Equal(FailureCategory.InvalidData, error.Failure.Category);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("selectedExistingContacts[0]._id", error.Failure.ApiMessage);
        Assert.Contains("no contact has id", error.Message);
        Assert.Equal("VALIDATION_ERROR", error.Failure.ApiErrorCode);
        Assert.Contains("(code VALIDATION_ERROR)", error.Failure.Details);
        Assert.Equal(0, sandbox.State.CampaignCount);
    }

    [Fact]
    public async Task A_rejected_token_is_terminating_Unauthorized_and_the_check_reads_the_list()
    {
        await using var sandbox = await SmsSandbox.StartAsync();
        using var client = sandbox.Client(apiKey: "expired.jwt.token");

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.GetCampaignsAsync());
        var check = await Assert.ThrowsAsync<CampaignApiException>(() => ((CampaignPS.Engine.Platforms.IPlatformClient)client).CheckKeyAsync(CancellationToken.None));

        Assert.Equal("SmsUnauthorized", error.ErrorId);
        Assert.Equal(FailureCategory.PermissionDenied, error.Failure.Category);
        Assert.True(error.Failure.IsTerminating);
        Assert.Contains("Connect-SmsPlatform", error.Message);
        Assert.Contains("invalid or expired token", error.Failure.ApiMessage);
        Assert.Equal("SmsUnauthorized", check.ErrorId);
        Assert.Equal(2, sandbox.Count("GET", "api/campaigns"));
    }

    [Fact]
    public async Task A_send_whose_answer_is_lost_is_not_sent_again_and_is_OutcomeUnknown()
    {
        await using var sandbox = await SmsSandbox.StartAsync();
        using var client = sandbox.Client();
        SmsCampaign draft = await client.CreateCampaignAsync(Draft("Fragile"));
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.Status, StatusCode = 503, Method = "POST", PathPrefix = sandbox.ApiPath + "api/campaigns/", When = FaultTiming.AfterHandler, Times = -1 });

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.SendCampaignAsync(draft.Id));

        Assert.Equal("SmsOutcomeUnknown", error.ErrorId);
        Assert.True(error.Failure.OutcomeUnknown);
        Assert.Equal(FailureCategory.ResourceUnavailable, error.Failure.Category);
        Assert.Equal(1, sandbox.Count("POST", $"api/campaigns/{draft.Id}/send"));
        Assert.Equal("completed", sandbox.State.Campaign(draft.Id)!.Status);
    }

    [Fact]
    public async Task A_create_whose_answer_is_lost_is_posted_once()
    {
        await using var sandbox = await SmsSandbox.StartAsync();
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.Status, StatusCode = 500, Method = "POST", PathPrefix = sandbox.ApiPath + "api/campaigns", When = FaultTiming.AfterHandler, Times = -1 });
        using var client = sandbox.Client();

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.CreateCampaignAsync(new NewSmsCampaign
        {
            Name = "Scheduled once",
            Message = "Hi",
            NewContacts = [Contact(1, null, "+14155550133")],
            ScheduleDate = DateTimeOffset.UtcNow.AddDays(1),
        }));

        Assert.Equal("SmsOutcomeUnknown", error.ErrorId);
        Assert.Contains("not sent again", error.Message);
        Assert.Equal(1, sandbox.Count("POST", "api/campaigns"));
        Assert.Equal(0, sandbox.Count("GET", "api/campaigns"));
        Assert.Equal(1, sandbox.State.CampaignCount);
    }

    [Fact]
    public async Task Validate_contacts_sorts_new_existing_messaged_and_protected()
    {
        await using var sandbox = await SmsSandbox.StartAsync();
        using var client = sandbox.Client();
        SmsCampaign draft = await client.CreateCampaignAsync(new NewSmsCampaign { Name = "Reach Alex", Message = "Hi", ExistingContacts = [Existing(SmsSandboxState.AlexContactId)] });
        await client.SendCampaignAsync(draft.Id);

        SmsContactValidation result = await client.ValidateContactsAsync(
        [
            Contact(1, "Sam", "+14165550100"),
            Contact(2, "Alex", "+14165550101"),
            Contact(3, "Riley", "+14165550102"),
            Contact(4, "New", "+14155550199", ("email", "new@acme.example")),
        ], segmentationJson: """{"enabled": false}""");

        Assert.Equal(SmsSandboxState.SamContactId, Assert.Single(result.ExistingContacts).Id);
        Assert.Equal("Sam", result.ExistingContacts[0].FirstName);
        Assert.Equal(SmsSandboxState.AlexContactId, Assert.Single(result.AlreadyMessagedOutbound).Id);
        Assert.Equal(SmsSandboxState.ProtectedContactId, Assert.Single(result.ProtectedContacts).Id);
        SmsContact fresh = Assert.Single(result.NewContacts);
        Assert.Equal("+14155550199", fresh.PhoneNumber);
        Assert.Equal("new@acme.example", fresh.Field("email"));
        Assert.Null(fresh.Id);
        Assert.Empty(result.AssignedToOtherUsers);
        Assert.Equal("1 new, 1 existing, 1 protected, 0 assigned to others", result.ToString());
    }

    [Fact]
    public async Task Validate_contacts_needs_contacts_and_valid_JSON_before_sending()
    {
        await using var sandbox = await SmsSandbox.StartAsync();
        using var client = sandbox.Client();

        var none = await Assert.ThrowsAsync<InputValidationException>(() => client.ValidateContactsAsync([]));
        var badJson = await Assert.ThrowsAsync<InputValidationException>(() => client.ValidateContactsAsync([Contact(1, null, "+14155550133")], assignmentJson: "{not json"));

        Assert.Equal("SmsInvalidContact", none.ErrorId);
        Assert.Equal("Assignment", badJson.Field);
        Assert.Empty(sandbox.Server.Requests.Snapshot());
    }

    public static TheoryData<string, Func<NewSmsCampaign>, string> InvalidCampaigns => new()
    {
        { "Name", () => new NewSmsCampaign { Name = " ", Message = "Hi", NewContacts = [Contact(1, "Jo", "+14155550133")] }, "Name is empty" },
        { "Message", () => new NewSmsCampaign { Name = "x", Message = "", NewContacts = [Contact(1, "Jo", "+14155550133")] }, "Message is empty" },
        { "NewContact", () => new NewSmsCampaign { Name = "x", Message = "Hi" }, "no contacts" },
        {
            "ScheduleDate",
            () => new NewSmsCampaign { Name = "x", Message = "Hi", NewContacts = [Contact(1, "Jo", "+14155550133")], ScheduleDate = DateTimeOffset.UtcNow.AddMinutes(-5) },
            "not in the future"
        },
        {
            "Message",
            () => new NewSmsCampaign { Name = "x", Message = "Hi {{ firstName }}", NewContacts = [Contact(1, "Jo", "+14155550133"), Contact(2, null, "+14155550134")] },
            "contact row 2: +14155550134 has no firstName"
        },
        {
            "Message",
            () => new NewSmsCampaign { Name = "x", Message = "Hi {{firstName}}, reply to {{email}}", NewContacts = [Contact(1, "Jo", "+14155550133", ("email", "jo@acme.example")), Contact(2, "Kim", "+14155550134")] },
            "has no email"
        },
        {
            "Message",
            () => new NewSmsCampaign { Name = "x", Message = "Hi {{firstName}}, code {{promo}}", NewContacts = [Contact(1, "Jo", "+14155550133", ("promo", "X1"))] },
            "{{promo}}, which Tether cannot fill"
        },
        {
            "Segmentation",
            () => new NewSmsCampaign { Name = "x", Message = "Hi", NewContacts = [Contact(1, "Jo", "+14155550133")], SegmentationJson = "[1, 2]" },
            "must be an object"
        },
    };

    [Theory]
    [MemberData(nameof(InvalidCampaigns))]
    public async Task Bad_campaign_input_fails_before_sending(string field, Func<NewSmsCampaign> campaign, string phrase)
    {
        await using var sandbox = await SmsSandbox.StartAsync();
        using var client = sandbox.Client();

        var error = await Assert.ThrowsAsync<InputValidationException>(() => client.CreateCampaignAsync(campaign()));

        Assert.Equal(field, error.Field);
        Assert.Equal("SmsInvalid" + field, error.ErrorId);
        Assert.Contains(phrase, error.Message);
        Assert.Empty(sandbox.Server.Requests.Snapshot());
    }

    [Fact]
    public async Task Merge_fields_are_not_checked_on_existing_contacts_known_only_by_id()
    {
        await using var sandbox = await SmsSandbox.StartAsync();
        using var client = sandbox.Client();

        SmsCampaign campaign = await client.CreateCampaignAsync(new NewSmsCampaign { Name = "By id", Message = "Hi {{firstName}}", ExistingContacts = [Existing(SmsSandboxState.SamContactId)] });

        Assert.Equal(1, campaign.Total);
    }

    [Fact]
    public async Task A_blank_campaign_id_fails_before_sending()
    {
        await using var sandbox = await SmsSandbox.StartAsync();
        using var client = sandbox.Client();

        var error = await Assert.ThrowsAsync<InputValidationException>(() => client.SendCampaignAsync("  "));

        Assert.Equal("SmsInvalidCampaignId", error.ErrorId);
        Assert.Empty(sandbox.Server.Requests.Snapshot());
    }

    [Fact]
    public void Contacts_are_read_from_any_spelling_and_local_numbers_need_a_country_code()
    {
        SmsContact local = SmsContact.FromFields(Fields(("First Name", "Jo"), ("last_name", "Doe"), ("Mobile", "(415) 555-0133"), ("Promo", "X1"), ("blank", " ")), 4, "1");
        SmsContact byId = SmsContact.FromFields(Fields(("_id", SmsSandboxState.SamContactId)), 5, null);

        Assert.Equal("Jo", local.FirstName);
        Assert.Equal("Doe", local.LastName);
        Assert.Equal("+14155550133", local.PhoneNumber);
        Assert.Equal("X1", local.Field("Promo"));
        Assert.Null(local.Field("blank"));
        Assert.Equal(4, local.Row);
        Assert.Equal("row 4: +14155550133", local.ToString());
        Assert.Equal(SmsSandboxState.SamContactId, byId.Id);
        Assert.Null(byId.PhoneNumber);
    }

    [Theory]
    [InlineData("(415) 555-0133", null, "row 3", "not in E.164 form")]
    [InlineData("(415) 555-0133", null, "row 3", "-DefaultCountryCode")]
    [InlineData("415-CALL-NOW", "1", "row 3", "is not a valid number for its country")]
    [InlineData("+1 415", null, "row 3", "is not a valid number for its country")]
    public void A_phone_that_is_not_E164_names_the_row(string phone, string? countryCode, string row, string phrase)
    {
        var error = Assert.Throws<InputValidationException>(() => SmsContact.FromFields(Fields(("phoneNumber", phone)), 3, countryCode));

        Assert.Equal("SmsInvalidPhoneNumber", error.ErrorId);
        Assert.Contains(row, error.Message);
        Assert.Contains(phone, error.Message);
        Assert.Contains(phrase, error.Message);
    }

    [Fact]
    public void A_contact_without_a_phone_or_a_bad_country_code_is_refused()
    {
        var noPhone = Assert.Throws<InputValidationException>(() => SmsContact.FromFields(Fields(("firstName", "Jo")), 9, null));
        var badCode = Assert.Throws<InputValidationException>(() => SmsContact.FromFields(Fields(("phoneNumber", "4155550133")), 1, "01"));

        Assert.Equal("PhoneNumber", noPhone.Field);
        Assert.Contains("row 9", noPhone.Message);
        Assert.Equal("DefaultCountryCode", badCode.Field);
    }

    [Fact]
    public async Task The_token_is_in_no_log_line_error_or_ToString()
    {
        const string token = "eyJhbGciOiJIUzI1NiJ9.TOPSECRET.sig";
        const string wrongToken = "eyJhbGciOiJIUzI1NiJ9.WRONGSECRET.sig";
        await using var sandbox = await SmsSandbox.StartAsync(token);
        using var client = sandbox.Client();
        using var wrong = sandbox.Client(apiKey: wrongToken);

        SmsCampaign campaign = await client.CreateCampaignAsync(Draft("Secret"));
        SmsCampaign sent = await client.SendCampaignAsync(campaign.Id);
        var rejected = await Assert.ThrowsAsync<CampaignApiException>(() => wrong.SendCampaignAsync(campaign.Id));
        var conflict = await Assert.ThrowsAsync<CampaignApiException>(() => client.SendCampaignAsync(campaign.Id));

        Assert.NotEmpty(sandbox.Logs.Lines);
        foreach (string? text in sandbox.Logs.Lines.Concat(new[]
        {
            rejected.ToString(), rejected.Failure.Details, rejected.Failure.RedactedUrl, conflict.ToString(), conflict.Failure.Details,
            client.ToString(), wrong.ToString(), sent.ToString(),
        }))
        {
            Assert.DoesNotContain("TOPSECRET", text ?? string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain("WRONGSECRET", text ?? string.Empty, StringComparison.Ordinal);
        }
    }

    private static NewSmsCampaign Draft(string name) =>
        new() { Name = name, Message = "Hi {{firstName}}", NewContacts = [Contact(1, "Jo", "+14155550133")] };

    private static SmsContact Contact(long row, string? firstName, string phone, params (string Name, string Value)[] more) =>
        SmsContact.FromFields(Fields(more.Prepend(("phoneNumber", phone)).Prepend(("firstName", firstName ?? string.Empty)).ToArray()), row, null);

    private static SmsContact Existing(string id) => SmsContact.FromFields(Fields(("_id", id)), 1, null);

    private static IEnumerable<KeyValuePair<string, object?>> Fields(params (string Name, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, object?>(f.Name, f.Value)).ToList();
}
