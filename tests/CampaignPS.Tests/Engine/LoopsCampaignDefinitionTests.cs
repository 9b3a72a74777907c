using CampaignPS.Engine.Definitions;
using CampaignPS.Engine.Errors;
using CampaignPS.Engine.Loops;
using CampaignPS.Engine.Validation;
using CampaignPS.Tests.Support;
using Xunit;

namespace CampaignPS.Tests.Engine;

/// <summary>The Loops definition file: the writer's stable form, the reader's round trip, and schema errors that name the JSON path.</summary>
public sealed class LoopsCampaignDefinitionFormatTests
{
    internal const string Sample = """
        {
          "kind": "LoopsCampaign",
          "schemaVersion": 1,
          "name": "Spring announcement",
          "mailingList": "Main mailing list",
          "audienceSegment": null,
          "audienceFilter": {
            "match": "all",
            "conditions": [
              {
                "property": "userGroup",
                "operator": "equals",
                "value": "Café vip"
              }
            ]
          },
          "campaignGroup": "Launches",
          "emailMessage": {
            "subject": "Spring is here",
            "previewText": "Read on",
            "fromName": "Acme",
            "fromEmail": "hello",
            "replyToEmail": "support@example.com",
            "lmx": "<Paragraph>Hi {firstName}, é &amp; ü</Paragraph>\n<Button href=\"https://acme.example\">Shop</Button>"
          }
        }

        """;

    internal static string SampleText => Sample.Replace("\r\n", "\n");

    [Fact]
    public void The_reader_keeps_every_field_and_the_filter_as_compact_JSON()
    {
        LoopsCampaignDefinition d = LoopsCampaignDefinition.Parse(SampleText);

        Assert.Equal("Spring announcement", d.Name);
        Assert.Equal("Main mailing list", d.MailingList);
        Assert.Null(d.AudienceSegment);
        Assert.Equal("""{"match":"all","conditions":[{"property":"userGroup","operator":"equals","value":"Café vip"}]}""", d.AudienceFilter);
        Assert.Equal("Launches", d.CampaignGroup);
        Assert.Equal("Spring is here", d.EmailMessage!.Subject);
        Assert.Equal("hello", d.EmailMessage.FromEmail);
        Assert.Equal("<Paragraph>Hi {firstName}, é &amp; ü</Paragraph>\n<Button href=\"https://acme.example\">Shop</Button>", d.EmailMessage.Lmx);
    }

    [Fact]
    public void Keys_left_out_or_null_are_not_managed_and_are_written_as_null()
    {
        var d = LoopsCampaignDefinition.Parse("""{ "kind": "LoopsCampaign", "schemaVersion": 1, "name": "Bare", "emailMessage": null, /* people edit it */ }""");

        Assert.Null(d.MailingList);
        Assert.Null(d.AudienceFilter);
        Assert.Null(d.CampaignGroup);
        Assert.Null(d.EmailMessage);
        Assert.Equal(
            "{\n  \"kind\": \"LoopsCampaign\",\n  \"schemaVersion\": 1,\n  \"name\": \"Bare\",\n  \"mailingList\": null,\n  \"audienceSegment\": null,\n  \"audienceFilter\": null,\n  \"campaignGroup\": null,\n  \"emailMessage\": null\n}\n",
            d.ToJson());
    }

    public static TheoryData<string, string, string> SchemaErrors() => new()
    {
        { """{ "kind": "SmartleadCampaign", "schemaVersion": 1, "name": "x" }""", "$.kind", "not a Loops campaign definition" },
        { """{ "schemaVersion": 1, "name": "x" }""", "$.kind", "\"kind\": \"LoopsCampaign\"" },
        { """{ "kind": "LoopsCampaign", "schemaVersion": 2, "name": "x" }""", "$.schemaVersion", "reads schemaVersion 1" },
        { """{ "kind": "LoopsCampaign", "name": "x" }""", "$.schemaVersion", "Add \"schemaVersion\": 1" },
        { """{ "kind": "LoopsCampaign", "schemaVersion": 1 }""", "$.name", "$.name is missing" },
        { """{ "kind": "LoopsCampaign", "schemaVersion": 1, "name": "" }""", "$.name", "$.name is empty" },
        { """{ "kind": "LoopsCampaign", "schemaVersion": 1, "name": "x", "schedule": "now" }""", "$.schedule", "not a key of schemaVersion 1" },
        { """{ "kind": "LoopsCampaign", "schemaVersion": 1, "name": "x", "MailingList": "Main" }""", "$.MailingList", "Did you mean 'mailingList'?" },
        { """{ "kind": "LoopsCampaign", "schemaVersion": 1, "name": "x", "mailingList": 5 }""", "$.mailingList", "the number 5; expected text in quotes" },
        { """{ "kind": "LoopsCampaign", "schemaVersion": 1, "name": "x", "audienceFilter": "all" }""", "$.audienceFilter", "expected an object" },
        { """{ "kind": "LoopsCampaign", "schemaVersion": 1, "name": "x", "emailMessage": [] }""", "$.emailMessage", "expected an object" },
        { """{ "kind": "LoopsCampaign", "schemaVersion": 1, "name": "x", "emailMessage": { "subjct": "Hi" } }""", "$.emailMessage.subjct", "The keys here are: subject, previewText" },
        { """{ "kind": "LoopsCampaign", "schemaVersion": 1, "name": "x", "emailMessage": { "lmx": true } }""", "$.emailMessage.lmx", "the boolean true" },
        { """{ "kind": "LoopsCampaign", "schemaVersion": 1, "name": "x", """, "$", "not valid JSON (line 1" },
        { """ "LoopsCampaign" """, "$", "not a JSON object" },
    };
}

/// <summary>Names in a definition, ids on the wire.</summary>
public sealed class LoopsDefinitionNamesTests
{
    internal static LoopsNames Team() => new(
        [new("list_main", "Main mailing list"), new("list_beta", "Beta testers")],
        [new("seg_01", "Segment 01"), new("seg_02", "Segment 02"), new("seg_03", "twin"), new("seg_04", "Twin")],
        [new("grp_unsorted", "Unsorted"), new("grp_launches", "Launches"), new("grp_a", "Same"), new("grp_b", "Same")]);

    [Fact]
    public void A_name_becomes_its_id_exactly_first_then_ignoring_case_and_an_id_is_taken_as_it_is()
    {
        LoopsNames names = Team();

        Assert.Equal("list_beta", names.MailingLists.IdOf("Beta testers", "$.mailingList"));
        Assert.Equal("list_beta", names.MailingLists.IdOf("beta TESTERS", "$.mailingList"));
        Assert.Equal("seg_04", names.AudienceSegments.IdOf("Twin", "$.audienceSegment"));
        Assert.Equal("grp_launches", names.CampaignGroups.IdOf("grp_launches", "$.campaignGroup"));
    }

    [Fact]
    public void An_id_becomes_its_name_and_an_unknown_id_is_kept()
    {
        LoopsNames names = Team();

        Assert.Equal("Launches", names.CampaignGroups.NameOf("grp_launches"));
        Assert.Equal("list_gone", names.MailingLists.NameOf("list_gone"));
        Assert.Null(names.AudienceSegments.NameOf(null));
    }

    [Theory]
    [InlineData("mailing list", "$.mailingList", "Get-LoopsMailingList")]
    [InlineData("audience segment", "$.audienceSegment", "Get-LoopsAudienceSegment")]
    [InlineData("campaign group", "$.campaignGroup", "Get-LoopsCampaignGroup")]
    public void A_name_the_team_does_not_have_is_a_named_error_that_says_which_cmdlet_lists_them(string what, string path, string cmdlet)
    {
        LoopsNames names = Team();
        LoopsNameIndex index = what switch { "mailing list" => names.MailingLists, "audience segment" => names.AudienceSegments, _ => names.CampaignGroups };

        var error = Assert.Throws<InputValidationException>(() => index.IdOf("Nowhere", path));

        Assert.Equal("LoopsDefinitionNameNotFound", error.ErrorId);
        Assert.Equal(path, error.Field);
        Assert.StartsWith($"{path} is 'Nowhere', which is not a {what} of this team.", error.Message, StringComparison.Ordinal);
        Assert.Contains($"({cmdlet} lists them)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_things_of_one_name_ask_for_the_id()
    {
        var error = Assert.Throws<InputValidationException>(() => Team().CampaignGroups.IdOf("same", "$.campaignGroup"));

        Assert.Equal("LoopsDefinitionNameNotFound", error.ErrorId);
        Assert.Contains("2 campaign groups of that name. Give the id instead", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>The pure differ: a Loops definition against the live campaign, or against nothing.</summary>
public sealed class LoopsCampaignDefinitionDifferTests
{
    private const string Filter = """{"match":"all","conditions":[{"property":"userGroup","operator":"equals","value":"Café vip"}]}""";

    private static LoopsCampaignDefinition Sample() => LoopsCampaignDefinition.Parse(LoopsCampaignDefinitionFormatTests.SampleText);

    internal static LoopsCampaignSnapshot Live() => new(
        new LoopsCampaign
        {
            Id = "cmp_1",
            Name = "Spring announcement",
            Status = "Draft",
            MailingListId = "list_main",
            AudienceFilter = """{ "match": "all", "conditions": [ { "property": "userGroup", "operator": "equals", "value": "Café vip" } ] }""",
            CampaignGroupId = "grp_launches",
            EmailMessageId = "em_1",
        },
        new LoopsEmailMessage
        {
            EmailMessageId = "em_1",
            Subject = "Spring is here",
            PreviewText = "Read on",
            FromName = "Acme",
            FromEmail = "hello@acme.example",
            ReplyToEmail = "support@example.com",
            Lmx = "<Paragraph>Hi {firstName}, é &amp; ü</Paragraph>\n<Button href=\"https://acme.example\">Shop</Button>",
            ContentRevisionId = "rev_1",
        });

    [Fact]
    public void The_live_campaign_exports_to_the_sample_with_names_and_the_sender_user_name_only()
    {
        Assert.Equal(LoopsCampaignDefinitionFormatTests.SampleText, LoopsCampaignDefinition.FromLive(Live(), LoopsDefinitionNamesTests.Team()).ToJson());
    }

    [Fact]
    public void Fields_a_new_message_does_not_have_yet_are_exported_as_null()
    {
        var live = new LoopsCampaignSnapshot(new LoopsCampaign { Id = "cmp_2", Name = "New", CampaignGroupId = "grp_unsorted" }, new LoopsEmailMessage { EmailMessageId = "em_2", Subject = "", FromEmail = "", Lmx = "" });

        LoopsDefinitionEmailMessage message = LoopsCampaignDefinition.FromLive(live, LoopsDefinitionNamesTests.Team()).EmailMessage!;

        Assert.Null(message.Subject);
        Assert.Null(message.FromEmail);
        Assert.Null(message.Lmx);
    }

    [Fact]
    public void Without_a_campaign_the_plan_creates_one_with_ids_and_then_writes_the_message()
    {
        LoopsCampaignPlan plan = LoopsCampaignDiffer.Plan(Sample(), null, LoopsDefinitionNamesTests.Team());

        Assert.Null(plan.CampaignId);
        Assert.Equal("Spring announcement", plan.Create!.Name);
        Assert.Equal("list_main", plan.Create.MailingListId);
        Assert.Null(plan.Create.AudienceSegmentId);
        Assert.Equal("grp_launches", plan.Create.CampaignGroupId);
        Assert.Equal(Filter, plan.Create.AudienceFilter!.ToString());
        Assert.Equal(Enumerable.Range(1, plan.Steps.Count), plan.Steps.Select(s => s.Step));
        Assert.Equal(PlanAction.Create, plan.Steps[0].Action);
        Assert.Equal(
            ["$", "$.mailingList", "$.audienceFilter", "$.campaignGroup", "$.emailMessage.subject", "$.emailMessage.previewText", "$.emailMessage.fromName", "$.emailMessage.fromEmail", "$.emailMessage.replyToEmail", "$.emailMessage.lmx"],
            plan.Steps.Select(s => s.Path));
        Assert.All(plan.Steps.Skip(1), s => Assert.Null(s.Old));
        Assert.Equal("Main mailing list", plan.Steps[1].New);
        Assert.Equal(["update email message"], plan.Requests.Select(r => r.Name));
        plan.Validate();
    }

    [Fact]
    public void A_campaign_that_matches_gives_an_empty_plan()
    {
        LoopsCampaignPlan plan = LoopsCampaignDiffer.Plan(Sample(), Live(), LoopsDefinitionNamesTests.Team());

        Assert.True(plan.IsEmpty);
        Assert.Empty(plan.Steps);
        Assert.Empty(plan.Requests);
        Assert.Equal("cmp_1", plan.CampaignId);
    }

    [Fact]
    public void Values_the_definition_leaves_null_are_not_managed()
    {
        var desired = new LoopsCampaignDefinition { Name = "Spring announcement", EmailMessage = new LoopsDefinitionEmailMessage() };

        Assert.True(LoopsCampaignDiffer.Plan(desired, Live(), LoopsDefinitionNamesTests.Team()).IsEmpty);
    }

    [Fact]
    public void An_update_plans_only_what_differs_old_to_new_request_by_request()
    {
        LoopsCampaignDefinition desired = Sample();
        desired.Name = "Spring announcement (Acme)";
        desired.AudienceSegment = "Segment 02";
        desired.CampaignGroup = "Unsorted";
        desired.EmailMessage!.Subject = "Spring has come";

        LoopsCampaignPlan plan = LoopsCampaignDiffer.Plan(desired, Live(), LoopsDefinitionNamesTests.Team());

        Assert.Null(plan.Create);
        Assert.Equal(["update campaign", "update email message"], plan.Requests.Select(r => r.Name));
        Assert.Equal(["$.name", "$.audienceSegment", "$.campaignGroup", "$.emailMessage.subject"], plan.Steps.Select(s => s.Path));
        Assert.Equal([1, 2, 3, 4], plan.Steps.Select(s => s.Step));
        Assert.All(plan.Steps, s => Assert.Equal(PlanAction.Set, s.Action));
        Assert.All(plan.Steps, s => Assert.Equal("cmp_1", s.CampaignId));
        Assert.Equal("Launches", plan.Steps[2].Old);
        Assert.Equal("Unsorted", plan.Steps[2].New);
        Assert.Equal("Spring is here", plan.Steps[3].Old);
        Assert.Equal("Update campaign ($.name, $.audienceSegment, $.campaignGroup)", plan.Requests[0].Description);
        Assert.Equal("4. Set $.emailMessage.subject: Spring is here -> Spring has come", plan.Steps[3].ToString());
        plan.Validate();
    }

    [Fact]
    public void An_unknown_name_fails_the_plan_before_anything_is_sent()
    {
        LoopsCampaignDefinition desired = Sample();
        desired.CampaignGroup = "Nowhere";

        var error = Assert.Throws<InputValidationException>(() => LoopsCampaignDiffer.Plan(desired, Live(), LoopsDefinitionNamesTests.Team()));

        Assert.Equal("LoopsDefinitionNameNotFound", error.ErrorId);
        Assert.Equal("$.campaignGroup", error.Field);
    }

    [Theory]
    [InlineData("""{ "match": "some", "conditions": [] }""", "$.audienceFilter", "$.audienceFilter: ")]
    [InlineData("""{ "conditions": [] }""", "$.audienceFilter", "needs a 'match'")]
    public void A_filter_the_API_would_refuse_names_the_definition(string filter, string path, string fragment)
    {
        LoopsCampaignDefinition desired = Sample();
        desired.AudienceFilter = filter;

        var error = Assert.Throws<InputValidationException>(() => LoopsCampaignDiffer.Plan(desired, null, LoopsDefinitionNamesTests.Team()));

        Assert.Equal("LoopsDefinitionInvalid", error.ErrorId);
        Assert.Equal(path, error.Field);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_the_message_update_refuses_is_a_definition_error_of_its_section()
    {
        LoopsCampaignDefinition desired = Sample();
        desired.EmailMessage!.FromEmail = "hello@acme.example";
        LoopsCampaignPlan plan = LoopsCampaignDiffer.Plan(desired, Live(), LoopsDefinitionNamesTests.Team());

        var error = Assert.Throws<InputValidationException>(plan.Validate);

        Assert.Equal("LoopsDefinitionInvalid", error.ErrorId);
        Assert.Equal("$.emailMessage", error.Field);
        Assert.StartsWith("$.emailMessage: FromEmail 'hello@acme.example' contains '@'.", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>A Loops plan applied against the sandbox: clone, update with the message's revision, and a campaign that cannot be read.</summary>
public sealed class LoopsCampaignDefinitionSandboxTests
{
    [Fact]
    public async Task A_clone_exports_to_the_same_file_except_its_name_and_an_update_keeps_the_filter_with_a_new_segment()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        LoopsNames names = await LoopsNames.ReadAsync(client);
        LoopsCampaignDefinition source = LoopsCampaignDefinition.Parse(LoopsCampaignDefinitionFormatTests.SampleText);
        LoopsCampaign created = await LoopsCampaignDiffer.Plan(source, null, names).ApplyAsync(client);
        string exported = LoopsCampaignDefinition.FromLive(await LoopsCampaignSnapshot.ReadAsync(client, created.Id), names).ToJson();

        LoopsCampaignDefinition clone = LoopsCampaignDefinition.Parse(exported);
        clone.Name = "Clone";
        LoopsCampaign cloned = await LoopsCampaignDiffer.Plan(clone, null, names).ApplyAsync(client);
        string cloneExport = LoopsCampaignDefinition.FromLive(await LoopsCampaignSnapshot.ReadAsync(client, cloned.Id), names).ToJson();

        Assert.Equal(LoopsCampaignDefinitionFormatTests.SampleText, exported);
        Assert.NotEqual(created.Id, cloned.Id);
        Assert.Equal(exported.Replace("\"name\": \"Spring announcement\"", "\"name\": \"Clone\"", StringComparison.Ordinal), cloneExport);

        LoopsCampaignDefinition changed = LoopsCampaignDefinition.Parse(exported);
        changed.AudienceSegment = "Segment 02";
        changed.EmailMessage!.Subject = "Spring has come";
        string revision = sandbox.Server.Loops.GetCurrentRevision(created.EmailMessageId!)!;
        int before = sandbox.Server.Requests.Snapshot().Count;
        await LoopsCampaignDiffer.Plan(changed, await LoopsCampaignSnapshot.ReadAsync(client, created.Id), names).ApplyAsync(client);

        var sent = sandbox.Server.Requests.Snapshot().Skip(before).Where(r => r.Method != "GET").ToList();
        Assert.Equal([$"{sandbox.ApiPath}campaigns/{created.Id}", $"{sandbox.ApiPath}email-messages/{created.EmailMessageId}"], sent.Select(r => r.Path));
        Assert.Contains($"\"expectedRevisionId\":\"{revision}\"", sent[1].Body, StringComparison.Ordinal);
        var stored = sandbox.Server.Loops.GetCampaign(created.Id)!;
        Assert.Equal("seg_02", stored.AudienceSegmentId);
        Assert.Contains("\"value\":\"Café vip\"", LoopsDefinitionJson.Compact(stored.AudienceFilterJson!), StringComparison.Ordinal);
        Assert.Equal("Spring has come", sandbox.Server.Loops.GetEmailMessage(created.EmailMessageId!)!.Subject);
        Assert.True(LoopsCampaignDiffer.Plan(changed, await LoopsCampaignSnapshot.ReadAsync(client, created.Id), names).IsEmpty);
    }

    [Fact]
    public async Task A_message_changed_after_the_campaign_was_read_is_LoopsRevisionStale_not_overwritten()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        LoopsNames names = await LoopsNames.ReadAsync(client);
        LoopsCampaignDefinition definition = LoopsCampaignDefinition.Parse(LoopsCampaignDefinitionFormatTests.SampleText);
        LoopsCampaign campaign = await LoopsCampaignDiffer.Plan(definition, null, names).ApplyAsync(client);
        definition.EmailMessage!.Subject = "From the definition";
        LoopsCampaignPlan plan = LoopsCampaignDiffer.Plan(definition, await LoopsCampaignSnapshot.ReadAsync(client, campaign.Id), names);

        await client.UpdateEmailMessageAsync(campaign.EmailMessageId!, new LoopsEmailMessageChanges { Subject = "Edited meanwhile" }, force: true);
        var error = await Assert.ThrowsAsync<CampaignApiException>(() => plan.ApplyAsync(client));

        Assert.Equal("LoopsRevisionStale", error.ErrorId);
        Assert.Equal("Edited meanwhile", sandbox.Server.Loops.GetEmailMessage(campaign.EmailMessageId!)!.Subject);
    }

    [Fact]
    public async Task A_campaign_that_cannot_be_read_is_LoopsCampaignNotFound()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => LoopsCampaignSnapshot.ReadAsync(client, "cmp_missing"));

        Assert.Equal("LoopsCampaignNotFound", error.ErrorId);
    }
}
