using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using CampaignPS.Engine.Errors;
using CampaignPS.Engine.Http;
using CampaignPS.Engine.Outbox;
using CampaignPS.Engine.Validation;
using CampaignPS.Sandbox;
using OutboxAuthForm = CampaignPS.Sandbox.Platforms.Outbox.OutboxAuthForm;
using OutboxContactsAuth = CampaignPS.Sandbox.Platforms.Outbox.OutboxContactsAuth;
using OutboxSandboxState = CampaignPS.Sandbox.Platforms.Outbox.OutboxSandboxState;
using CampaignPS.Tests.Support;
using Xunit;

namespace CampaignPS.Tests.Engine;

/// <summary>Every Outbox operation against the sandbox over real loopback HTTP: success, each error, input checks and the contacts auth fallback.</summary>
public sealed class OutboxClientTests
{
    private static readonly Guid Company = OutboxSandboxState.SeedCompanyId;
    private static readonly Guid SeedSender = OutboxSandboxState.SeedSenderId;

    [Fact]
    public async Task Create_campaign_sends_the_documented_body_with_windows_as_day_entries_and_reads_the_answer()
    {
        await using var sandbox = await OutboxSandbox.StartAsync();
        using var client = sandbox.Client();

        OutboxCampaign campaign = await client.CreateCampaignAsync(new NewOutboxCampaign
        {
            Name = "  Q1 founders  ",
            SenderIdentityIds = [SeedSender, SeedSender],
            Description = "First touch",
            TimeZone = "Europe/Berlin",
            AllowedWindows = [OutboxSendingWindow.Parse("Mon-Fri 9:00-17:00")],
            StopOnReply = true,
        });

        Assert.NotEqual(Guid.Empty, campaign.Id);
        Assert.Equal("Q1 founders", campaign.Name);
        Assert.Equal("draft", campaign.Status);
        Assert.Equal(Company, campaign.Company);
        Assert.Equal([SeedSender], campaign.SenderIdentityIds);
        Assert.Equal(OutboxSandboxState.SeedSenderEmail, campaign.SenderIdentities);
        Assert.Equal("Europe/Berlin", campaign.TimeZone);
        Assert.True(campaign.StopOnReply);
        Assert.Equal(0, campaign.SentCount);
        Assert.Equal(0, campaign.UniqueOpens);
        Assert.Equal(0, campaign.UniqueClicks);
        Assert.Equal(0, campaign.Replies);
        Assert.Empty(campaign.Steps);
        Assert.NotNull(campaign.CreatedAt);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], campaign.AllowedWindows.SelectMany(w => w.Days));
        Assert.All(campaign.AllowedWindows, w => Assert.Equal(("09:00", "17:00"), (w.Start, w.End)));

        var request = Assert.Single(sandbox.Server.Requests.Snapshot());
        Assert.Equal("POST", request.Method);
        Assert.Equal(sandbox.ApiPath + "email/campaigns/", request.Path);
        using JsonDocument body = JsonDocument.Parse(request.Body);
        JsonElement root = body.RootElement;
        Assert.Equal("Q1 founders", root.GetProperty("name").GetString());
        Assert.Equal(Company.ToString(), root.GetProperty("company").GetString());
        Assert.Equal("draft", root.GetProperty("status").GetString());
        Assert.Equal(1, root.GetProperty("sender_identity_ids").GetArrayLength());
        var windows = root.GetProperty("allowed_windows").EnumerateArray()
            .Select(w => $"{w.GetProperty("day").GetString()} {w.GetProperty("start").GetString()}-{w.GetProperty("end").GetString()}")
            .ToList();
        Assert.Equal(["monday 09:00-17:00", "tuesday 09:00-17:00", "wednesday 09:00-17:00", "thursday 09:00-17:00", "friday 09:00-17:00"], windows);

        var stored = Assert.Single(sandbox.State.Campaigns);
        Assert.Equal(campaign.Id, stored.Id);
        Assert.Equal(5, stored.AllowedWindows!.Count);
        Assert.Equal(OutboxAuthForm.Bearer, Assert.Single(sandbox.State.AuthForms).Form);
    }

    [Fact]
    public async Task Create_campaign_with_a_wrapping_window_and_an_active_status_uses_the_default_company()
    {
        await using var sandbox = await OutboxSandbox.StartAsync();
        using var client = sandbox.Client();

        OutboxCampaign campaign = await client.CreateCampaignAsync(new NewOutboxCampaign
        {
            Name = "Weekend",
            Status = OutboxCampaignStatus.Active,
            AllowedWindows = [OutboxSendingWindow.Parse("Fri-Mon 10:00-12:00")],
        });

        Assert.Equal("active", campaign.Status);
        Assert.Equal(Company, campaign.Company);
        Assert.Equal(["sunday", "monday", "friday", "saturday"], sandbox.State.Campaigns.Single().AllowedWindows!.Select(w => w.Day));
    }

    [Fact]
    public async Task Create_campaign_accepts_a_255_character_name()
    {
        await using var sandbox = await OutboxSandbox.StartAsync();
        using var client = sandbox.Client();

        OutboxCampaign campaign = await client.CreateCampaignAsync(new NewOutboxCampaign { Name = new string('n', 255) });

        Assert.Equal(255, campaign.Name.Length);
    }

    public static TheoryData<string, Func<NewOutboxCampaign>, string> InvalidCampaigns => new()
    {
        { "Name", () => new NewOutboxCampaign { Name = "" }, "Name is empty" },
        { "Name", () => new NewOutboxCampaign { Name = "   " }, "Name is empty" },
        { "Name", () => new NewOutboxCampaign { Name = new string('n', 256) }, "the limit is 255" },
        { "TimeZone", () => new NewOutboxCampaign { Name = "x", TimeZone = "Eastern Standard Time" }, "not an IANA time zone" },
        { "TimeZone", () => new NewOutboxCampaign { Name = "x", TimeZone = "Mars/Olympus_Mons" }, "not an IANA time zone" },
        {
            "AllowedWindow",
            () => new NewOutboxCampaign { Name = "x", AllowedWindows = [new OutboxSendingWindow { Days = [DayOfWeek.Monday], Start = "17:00", End = "09:00" }] },
            "ends (09:00) before it starts (17:00)"
        },
        {
            "AllowedWindow",
            () => new NewOutboxCampaign { Name = "x", AllowedWindows = [new OutboxSendingWindow { Days = [], Start = "09:00", End = "17:00" }] },
            "has no days"
        },
        {
            "AllowedWindow",
            () => new NewOutboxCampaign { Name = "x", AllowedWindows = [new OutboxSendingWindow { Days = [DayOfWeek.Monday], Start = "9am", End = "17:00" }] },
            "not a time of day"
        },
    };

    [Theory]
    [MemberData(nameof(InvalidCampaigns))]
    public async Task Bad_campaign_input_fails_before_sending_and_names_the_field(string field, Func<NewOutboxCampaign> campaign, string phrase)
    {
        await using var sandbox = await OutboxSandbox.StartAsync();
        using var client = sandbox.Client();

        var error = await Assert.ThrowsAsync<InputValidationException>(() => client.CreateCampaignAsync(campaign()));

        Assert.Equal(field, error.Field);
        Assert.Equal("OutboxInvalid" + field, error.ErrorId);
        Assert.Contains(phrase, error.Message);
        Assert.Empty(sandbox.Server.Requests.Snapshot());
    }

    [Fact]
    public async Task A_campaign_or_sender_without_a_company_and_no_default_fails_before_sending()
    {
        await using var sandbox = await OutboxSandbox.StartAsync();
        using var client = sandbox.ClientWithoutCompany();

        var campaign = await Assert.ThrowsAsync<InputValidationException>(() => client.CreateCampaignAsync(new NewOutboxCampaign { Name = "No company" }));
        var sender = await Assert.ThrowsAsync<InputValidationException>(() => client.CreateSenderAsync(new NewOutboxSender { FromEmail = "a@b.example" }));

        Assert.Equal("OutboxInvalidCompany", campaign.ErrorId);
        Assert.Contains("Connect-Outbox -Company", campaign.Message);
        Assert.Equal("Company", sender.Field);
        Assert.Empty(sandbox.Server.Requests.Snapshot());
        Assert.Null(client.DefaultCompany);
    }

    [Fact]
    public async Task An_explicit_company_wins_over_the_default_and_an_unknown_one_is_the_servers_field_error()
    {
        await using var sandbox = await OutboxSandbox.StartAsync();
        using var client = sandbox.ClientWithoutCompany();
        Guid unknown = Guid.Parse("c0ffee00-0000-4000-8000-0000000000ff");

        OutboxCampaign created = await client.CreateCampaignAsync(new NewOutboxCampaign { Name = "Explicit", Company = Company });
        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.CreateCampaignAsync(new NewOutboxCampaign { Name = "Elsewhere", Company = unknown }));

        Assert.Equal(Company, created.Company);
        Assert.Equal("OutboxInvalidRequest", error.ErrorId);
        Assert.Equal(FailureCategory.InvalidData, error.Failure.Category);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.False(error.Failure.IsTerminating);
        Assert.Contains("company:", error.Message);
        Assert.Contains(unknown.ToString(), error.Failure.ApiMessage);
        Assert.NotNull(error.Failure.RequestId);
        Assert.Equal(2, sandbox.Count("POST", "email/campaigns/"));
    }

    [Fact]
    public async Task An_unknown_sender_identity_is_reported_with_the_field_name()
    {
        await using var sandbox = await OutboxSandbox.StartAsync();
        using var client = sandbox.Client();

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.CreateCampaignAsync(new NewOutboxCampaign { Name = "x", SenderIdentityIds = [Guid.NewGuid()] }));

        Assert.Equal("OutboxInvalidRequest", error.ErrorId);
        Assert.Contains("sender_identity_ids:", error.Message);
        Assert.Equal(0, sandbox.State.CampaignCount);
    }

    [Fact]
    public async Task Create_sender_returns_an_unverified_identity_and_a_second_one_with_the_same_address_is_SenderExists()
    {
        await using var sandbox = await OutboxSandbox.StartAsync();
        using var client = sandbox.Client();

        OutboxSender sender = await client.CreateSenderAsync(new NewOutboxSender
        {
            FromEmail = " sales@acme.example ",
            FromName = "Acme Sales",
            ReplyToEmail = "replies@acme.example",
            IsDefault = true,
        });
        var duplicate = await Assert.ThrowsAsync<CampaignApiException>(() => client.CreateSenderAsync(new NewOutboxSender { FromEmail = "SALES@acme.example" }));

        Assert.NotEqual(Guid.Empty, sender.Id);
        Assert.Equal("sales@acme.example", sender.FromEmail);
        Assert.Equal("Acme Sales", sender.FromName);
        Assert.Equal("replies@acme.example", sender.ReplyToEmail);
        Assert.Equal(Company, sender.Company);
        Assert.True(sender.IsDefault);
        Assert.Null(sender.VerifiedAt);
        Assert.NotNull(sender.CreatedAt);
        Assert.False(sandbox.State.Sender(SeedSender)!.IsDefault);
        Assert.Equal("OutboxSenderExists", duplicate.ErrorId);
        Assert.Equal(FailureCategory.ResourceExists, duplicate.Failure.Category);
        Assert.Contains("from_email", duplicate.Message);
        Assert.Equal(2, sandbox.State.Senders.Count);
        Assert.Equal(2, sandbox.Count("POST", "email/senders/"));
    }

    [Theory]
    [InlineData(null, null, "FromEmail", "FromEmail is empty")]
    [InlineData("not-an-address", null, "FromEmail", "not a valid e-mail")]
    [InlineData("ok@acme.example", "nope@", "ReplyToEmail", "not a valid e-mail")]
    public async Task Bad_sender_input_fails_before_sending(string? fromEmail, string? replyTo, string field, string phrase)
    {
        await using var sandbox = await OutboxSandbox.StartAsync();
        using var client = sandbox.Client();

        var error = await Assert.ThrowsAsync<InputValidationException>(() => client.CreateSenderAsync(new NewOutboxSender { FromEmail = fromEmail, ReplyToEmail = replyTo }));

        Assert.Equal(field, error.Field);
        Assert.Contains(phrase, error.Message);
        Assert.Empty(sandbox.Server.Requests.Snapshot());
    }

    [Fact]
    public async Task Contacts_are_sent_with_the_raw_key_first_and_mapped_from_any_spelling()
    {
        await using var sandbox = await OutboxSandbox.StartAsync();
        using var client = sandbox.Client();
        OutboxContact contact = OutboxContact.FromFields(Row(
            ("FirstName", "ada"), ("Last Name", "lovelace"), ("E-mail", "Ada@Example.com"), ("Phone", "+14155550133"),
            ("Company", "Analytical Engines"), ("Tags", "vip; math"), ("is_dnd", "no"), ("Lead Source", "Import"),
            ("plan", "pro"), ("Favourite colour", "green"), ("empty", "  ")), row: 1, extraTags: ["csv"]);

        await client.UpsertContactAsync(contact);
        await client.UpsertContactAsync(OutboxContact.FromFields(Row(("email", "ada@example.com"), ("notes", "Met at the expo"), ("tags", "math")), row: 2));

        Assert.Equal([(OutboxAuthForm.Raw, true), (OutboxAuthForm.Raw, true)], sandbox.State.AuthForms.Select(a => (a.Form, a.Accepted)));
        Assert.Equal(2, sandbox.Count("POST", "contacts/"));

        var stored = Assert.Single(sandbox.State.Contacts);
        Assert.Equal("Ada Lovelace", stored.FullName);
        Assert.Equal("ada@example.com", stored.Email);
        Assert.Equal("+14155550133", stored.PhoneNumber);
        Assert.Equal("Analytical Engines", stored.BusinessName);
        Assert.Equal("Met at the expo", stored.Notes);
        Assert.Equal(["csv", "vip", "math"], stored.Tags);
        Assert.False(stored.IsDnd);
        Assert.Equal("import", stored.LeadSource);
        Assert.Equal("pro", stored.CustomFields["plan"]);

        using JsonDocument first = JsonDocument.Parse(sandbox.Server.Requests.Snapshot()[0].Body);
        Assert.Equal("green", first.RootElement.GetProperty("custom_fields").GetProperty("Favourite colour").GetString());
        Assert.False(first.RootElement.GetProperty("custom_fields").TryGetProperty("empty", out _));
        Assert.Equal("import", first.RootElement.GetProperty("lead_source").GetString());
    }

    [Fact]
    public async Task When_the_contacts_route_wants_Bearer_the_client_falls_back_once_and_keeps_Bearer()
    {
        await using var sandbox = await OutboxSandbox.StartAsync();
        sandbox.State.StrictContactsAuth = OutboxContactsAuth.BearerOnly;
        using var client = sandbox.Client();

        await client.UpsertContactAsync(OutboxContact.FromFields(Row(("email", "one@acme.example")), 1));
        int afterFirst = sandbox.Count("POST", "contacts/");
        await client.UpsertContactAsync(OutboxContact.FromFields(Row(("email", "two@acme.example")), 2));

        Assert.Equal(2, afterFirst);
        Assert.Equal(3, sandbox.Count("POST", "contacts/"));
        Assert.Equal(
            [(OutboxAuthForm.Raw, false), (OutboxAuthForm.Bearer, true), (OutboxAuthForm.Bearer, true)],
            sandbox.State.AuthForms.Select(a => (a.Form, a.Accepted)));
        Assert.Equal(2, sandbox.State.ContactCount);
        Assert.Equal([401, 201, 201], sandbox.Server.Requests.Snapshot().Select(r => r.StatusCode));
    }

    [Theory]
    [InlineData(OutboxContactsAuth.Either, 0, 6)]
    [InlineData(OutboxContactsAuth.BearerOnly, 1, 6)]
    public async Task Contacts_sent_at_the_same_time_try_the_bare_key_once_between_them(OutboxContactsAuth mode, int rejected, int accepted)
    {
        // Bulk cmdlets keep several records in flight: only the first contacts request may find out the
        // Authorization form; the others wait for its answer instead of each trying both forms.
        await using var sandbox = await OutboxSandbox.StartAsync();
        sandbox.State.StrictContactsAuth = mode;
        using var client = sandbox.Client();

        await Task.WhenAll(Enumerable.Range(1, 6).Select(i => client.UpsertContactAsync(OutboxContact.FromFields(Row(("email", $"c{i}@acme.example")), i))));

        var forms = sandbox.State.AuthForms;
        Assert.Equal(rejected, forms.Count(a => !a.Accepted));
        Assert.Equal(accepted, forms.Count(a => a.Accepted));
        Assert.Equal(mode == OutboxContactsAuth.Either ? OutboxAuthForm.Raw : OutboxAuthForm.Bearer, forms[^1].Form);
        Assert.Equal(6, sandbox.State.ContactCount);
    }

    [Fact]
    public async Task A_wrong_key_on_contacts_is_tried_in_both_forms_then_is_terminating_Unauthorized()
    {
        await using var sandbox = await OutboxSandbox.StartAsync();
        using var client = sandbox.Client(apiKey: "wrong-outbox-key");

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.UpsertContactAsync(OutboxContact.FromFields(Row(("email", "x@acme.example")), 1)));

        Assert.Equal("OutboxUnauthorized", error.ErrorId);
        Assert.Equal(FailureCategory.PermissionDenied, error.Failure.Category);
        Assert.True(error.Failure.IsTerminating);
        Assert.Equal([OutboxAuthForm.Raw, OutboxAuthForm.Bearer], sandbox.State.AuthForms.Select(a => a.Form));
        Assert.Equal(0, sandbox.State.ContactCount);
    }

    [Fact]
    public async Task A_wrong_key_on_create_is_terminating_Unauthorized_and_not_retried()
    {
        await using var sandbox = await OutboxSandbox.StartAsync();
        using var client = sandbox.Client(apiKey: "wrong-outbox-key");

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.CreateCampaignAsync(new NewOutboxCampaign { Name = "x" }));

        Assert.Equal("OutboxUnauthorized", error.ErrorId);
        Assert.True(error.Failure.IsTerminating);
        Assert.Contains("Connect-Outbox", error.Message);
        Assert.Equal("Invalid API key.", error.Failure.ApiMessage);
        Assert.Equal(1, sandbox.Count("POST", "email/campaigns/"));
    }

    [Fact]
    public async Task A_wrong_base_path_is_ObjectNotFound()
    {
        await using var sandbox = await OutboxSandbox.StartAsync();
        using var client = sandbox.Client(o => o.BaseUri = new Uri(sandbox.BaseUri, "v9/"));

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.CreateCampaignAsync(new NewOutboxCampaign { Name = "x" }));

        Assert.Equal("OutboxCampaignNotFound", error.ErrorId);
        Assert.Equal(FailureCategory.ObjectNotFound, error.Failure.Category);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.False(error.Failure.IsTerminating);
        Assert.Equal(0, sandbox.State.CampaignCount);
    }

    [Fact]
    public async Task A_create_whose_answer_is_lost_is_not_sent_again()
    {
        await using var sandbox = await OutboxSandbox.StartAsync();
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.Status, StatusCode = 502, Method = "POST", PathPrefix = sandbox.ApiPath + "email/campaigns", When = FaultTiming.AfterHandler });
        using var client = sandbox.Client();

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.CreateCampaignAsync(new NewOutboxCampaign { Name = "Maybe" }));

        Assert.Equal("OutboxOutcomeUnknown", error.ErrorId);
        Assert.True(error.Failure.OutcomeUnknown);
        Assert.Equal(1, sandbox.Count("POST", "email/campaigns/"));
        Assert.Equal(1, sandbox.State.CampaignCount);
    }

    [Fact]
    public async Task A_contact_upsert_is_retried_after_a_503_because_it_is_idempotent()
    {
        await using var sandbox = await OutboxSandbox.StartAsync();
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.Status, StatusCode = 503, Method = "POST", PathPrefix = sandbox.ApiPath + "contacts" });
        using var client = sandbox.Client();

        await client.UpsertContactAsync(OutboxContact.FromFields(Row(("email", "retry@acme.example")), 1));

        Assert.Equal(2, sandbox.Count("POST", "contacts/"));
        Assert.Equal(1, sandbox.State.ContactCount);
    }

    [Theory]
    [InlineData(new[] { "email", "", "phone_number", " " }, "Email", "neither email nor phone_number")]
    [InlineData(new[] { "full_name", "Nobody" }, "Email", "neither email nor phone_number")]
    [InlineData(new[] { "email", "ada@", "full_name", "Ada" }, "Email", "not a valid e-mail")]
    [InlineData(new[] { "email", "ada@example.com", "lead_source", "cold-call" }, "LeadSource", "lead_source 'cold-call'")]
    [InlineData(new[] { "email", "ada@example.com", "is_dnd", "maybe" }, "IsDnd", "is_dnd 'maybe'")]
    public async Task A_bad_contact_row_is_refused_with_its_row_number_before_anything_is_sent(string[] pairs, string field, string phrase)
    {
        await using var sandbox = await OutboxSandbox.StartAsync();
        using var client = sandbox.Client();
        var fields = pairs.Chunk(2).Select(p => new KeyValuePair<string, object?>(p[0], p[1])).ToList();

        var error = Assert.Throws<InputValidationException>(() => OutboxContact.FromFields(fields, row: 7));

        Assert.Equal(field, error.Field);
        Assert.Equal("OutboxInvalid" + field, error.ErrorId);
        Assert.Contains("row 7", error.Message);
        Assert.Contains(phrase, error.Message);
        Assert.Empty(sandbox.Server.Requests.Snapshot());
    }

    [Fact]
    public void Contact_tags_come_from_lists_and_text_and_a_phone_alone_is_enough()
    {
        OutboxContact contact = OutboxContact.FromFields(
            [new("phone_number", "+447911123456"), new("tags", new object[] { "a", "B" }), new("name", "Solo")], row: 3, extraTags: ["b", "c"], defaultLeadSource: OutboxLeadSource.Api);

        Assert.Null(contact.Email);
        Assert.Equal("+447911123456", contact.PhoneNumber);
        Assert.Equal(["b", "c", "a"], contact.Tags);
        Assert.Equal(OutboxLeadSource.Api, contact.LeadSource);
        Assert.Equal("Solo", contact.FullName);
        Assert.Equal("row 3: +447911123456", contact.ToString());
    }

    [Fact]
    public void Sending_windows_parse_day_ranges_lists_and_wrap_around_the_week()
    {
        OutboxSendingWindow weekdays = OutboxSendingWindow.Parse("Mon-Fri 09:00-17:00");
        OutboxSendingWindow wrapping = OutboxSendingWindow.Parse("Fri-Mon 10:00-12:00");
        OutboxSendingWindow list = OutboxSendingWindow.Parse(" sat, Sunday 10:00 - 14:30 ");
        OutboxSendingWindow single = OutboxSendingWindow.Parse("Wednesday 8:30-12:00");

        Assert.Equal(5, weekdays.Days.Length);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], weekdays.Days);
        Assert.Equal(("09:00", "17:00"), (weekdays.Start, weekdays.End));
        Assert.Equal([DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday, DayOfWeek.Monday], wrapping.Days);
        Assert.Equal([DayOfWeek.Saturday, DayOfWeek.Sunday], list.Days);
        Assert.Equal(("10:00", "14:30"), (list.Start, list.End));
        Assert.Equal([DayOfWeek.Wednesday], single.Days);
        Assert.Equal(["wednesday 08:30-12:00"], single.ToBody().Select(w => $"{w.Day} {w.Start}-{w.End}"));
        Assert.Equal(["sunday", "monday", "friday", "saturday"], wrapping.ToBody().Select(w => w.Day));
        Assert.Equal("Mon,Tue,Wed,Thu,Fri 09:00-17:00", weekdays.ToString());
    }

    [Theory]
    [InlineData("Funday 9:00-10:00", "'Funday' is not a day of the week")]
    [InlineData("Mon-Funday 9:00-10:00", "'Funday' is not a day of the week")]
    [InlineData("Mon-Fri 17:00-09:00", "before it starts")]
    [InlineData("Mon-Fri 09:00-09:00", "before it starts")]
    [InlineData("Mon-Fri 9-17", "is not of the form")]
    [InlineData("09:00-17:00", "is not of the form")]
    [InlineData("Mon 09:00-24:00", "not a time of day")]
    [InlineData("", "is not of the form")]
    public void Bad_sending_windows_are_validation_errors(string text, string phrase)
    {
        var error = Assert.Throws<InputValidationException>(() => OutboxSendingWindow.Parse(text));

        Assert.Equal("AllowedWindow", error.Field);
        Assert.Equal("OutboxInvalidAllowedWindow", error.ErrorId);
        Assert.Contains(phrase, error.Message);
    }

    [Fact]
    public async Task Counters_given_as_strings_are_numbers_and_anything_else_is_null()
    {
        // The create-campaign reference's sample answer (counters "<string>", allowed_windows "<unknown>"), with three counters changed.
        var node = System.Text.Json.Nodes.JsonNode.Parse(SampleCampaignAnswer)!.AsObject();
        node["unique_clicks"] = "12";
        node["replies"] = 3;
        node["unique_opens"] = null;
        using var client = new OutboxClient(new ApiConnectionOptions(ApiSecret.FromString("k"))
        {
            BaseUri = new Uri("https://api.example.test/"),
            HttpMessageHandler = new FixedAnswer(HttpStatusCode.Created, node.ToJsonString()),
            RequestsPerSecond = 0,
        }, Company);

        OutboxCampaign campaign = await client.CreateCampaignAsync(new NewOutboxCampaign { Name = "Sample" });

        Assert.Null(campaign.SentCount);
        Assert.Null(campaign.UniqueOpens);
        Assert.Equal(12, campaign.UniqueClicks);
        Assert.Equal(3, campaign.Replies);
        Assert.Empty(campaign.AllowedWindows);
        Assert.Equal("<string>", campaign.SenderIdentities);
        OutboxCampaignStep step = Assert.Single(campaign.Steps);
        Assert.Equal(1, step.Order);
        Assert.Equal(1073741823, step.DelayMinutes);
    }

    [Fact]
    public async Task The_key_is_in_no_log_line_error_or_ToString_in_either_Authorization_form()
    {
        const string key = "ob_live_TOPSECRET_7c1d";
        const string wrongKey = "ob_live_WRONGSECRET_92e0";
        await using var sandbox = await OutboxSandbox.StartAsync(apiKey: key);
        sandbox.State.StrictContactsAuth = OutboxContactsAuth.BearerOnly;
        using var client = sandbox.Client();
        using var wrong = sandbox.Client(apiKey: wrongKey);

        OutboxCampaign campaign = await client.CreateCampaignAsync(new NewOutboxCampaign { Name = "Secret" });
        await client.UpsertContactAsync(OutboxContact.FromFields(Row(("email", "s@acme.example")), 1));
        var contactError = await Assert.ThrowsAsync<CampaignApiException>(() => wrong.UpsertContactAsync(OutboxContact.FromFields(Row(("email", "t@acme.example")), 1)));
        var createError = await Assert.ThrowsAsync<CampaignApiException>(() => wrong.CreateCampaignAsync(new NewOutboxCampaign { Name = "Secret" }));

        Assert.NotEmpty(sandbox.Logs.Lines);
        foreach (string? text in sandbox.Logs.Lines.Concat(new[]
        {
            contactError.ToString(), contactError.Failure.Details, contactError.Failure.ToString(), contactError.Failure.RedactedUrl,
            createError.ToString(), createError.Failure.Details, client.ToString(), wrong.ToString(), campaign.ToString(),
        }))
        {
            Assert.DoesNotContain(key, text ?? string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain(wrongKey, text ?? string.Empty, StringComparison.Ordinal);
        }
    }

    private const string SampleCampaignAnswer = """
        {
          "id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
          "steps": [
            {
              "id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
              "updated_at": "2023-11-07T05:31:56Z",
              "campaign": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
              "step_order": 1,
              "subject": "<string>",
              "body_html": "<string>",
              "body_text": "<string>",
              "delay_minutes": 1073741823,
              "is_active": true,
              "created_at": "2023-11-07T05:31:56Z"
            }
          ],
          "sender_identities": "<string>",
          "sent_count": "<string>",
          "unique_opens": "<string>",
          "unique_clicks": "<string>",
          "replies": "<string>",
          "name": "<string>",
          "updated_at": "2023-11-07T05:31:56Z",
          "company": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
          "sender_identity_ids": ["3c90c3cc-0d44-4b50-8888-8dd25736052a"],
          "description": "<string>",
          "timezone": "<string>",
          "allowed_windows": "<unknown>",
          "stop_on_reply": true,
          "is_deleted": true,
          "created_at": "2023-11-07T05:31:56Z",
          "workflow": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
          "created_by": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
          "responder_agent": "3c90c3cc-0d44-4b50-8888-8dd25736052a"
        }
        """;

    private static IEnumerable<KeyValuePair<string, object?>> Row(params (string Name, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, object?>(f.Name, f.Value)).ToList();

    private sealed class FixedAnswer(HttpStatusCode status, string json) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
    }
}
