using CampaignPS.Engine.Definitions;
using CampaignPS.Engine.Errors;
using CampaignPS.Engine.Smartlead;
using CampaignPS.Engine.Validation;
using CampaignPS.Tests.Support;
using Xunit;

namespace CampaignPS.Tests.Engine;

/// <summary>The definition file: the writer's stable form, the reader's round trip, and schema errors that name the JSON path.</summary>
public sealed class SmartleadCampaignDefinitionFormatTests
{
    internal const string Sample = """
        {
          "kind": "SmartleadCampaign",
          "schemaVersion": 1,
          "name": "Q1 CFO outreach",
          "settings": {
            "trackOpens": false,
            "trackClicks": true,
            "trackReplies": null,
            "stopLeadOn": "Reply",
            "unsubscribeText": "Reply STOP to opt out.",
            "plainText": false,
            "followUpPercentage": 80,
            "maxLeadsPerDay": 50,
            "aiEspMatching": null,
            "vocabulary": "ApiReference"
          },
          "schedule": {
            "timeZone": "Europe/Berlin",
            "days": [
              "Monday",
              "Tuesday"
            ],
            "startHour": 8,
            "endHour": 16,
            "minTimeBetweenEmails": 10
          },
          "sequence": [
            {
              "subject": "Quick question",
              "body": "<p>Hi {{first_name}}, é & ü</p>\nBye",
              "delayDays": 0,
              "variants": [
                {
                  "label": "A",
                  "subject": "Quick question",
                  "body": "Hi A",
                  "distribution": 60
                },
                {
                  "label": "B",
                  "subject": "Who runs outreach?",
                  "body": "Hi B",
                  "distribution": 40
                }
              ]
            },
            {
              "subject": "",
              "body": "Following up",
              "delayDays": 3,
              "variants": []
            }
          ],
          "emailAccountIds": [
            456,
            457
          ],
          "webhooks": [
            {
              "name": "Replies",
              "url": "https://hooks.example.com/smartlead",
              "eventTypes": [
                "Replied",
                "Bounced"
              ]
            }
          ]
        }

        """;

    internal static string SampleText => Sample.Replace("\r\n", "\n");

    [Fact]
    public void The_reader_keeps_every_field()
    {
        SmartleadCampaignDefinition d = SmartleadCampaignDefinition.Parse(SampleText);

        Assert.Equal("Q1 CFO outreach", d.Name);
        Assert.Null(d.ClientId);
        Assert.False(d.Settings!.TrackOpens);
        Assert.Null(d.Settings.TrackReplies);
        Assert.Equal(SmartleadStopCondition.Reply, d.Settings.StopLeadOn);
        Assert.Equal(50, d.Settings.MaxLeadsPerDay);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday], d.Schedule!.Days);
        Assert.Equal(10, d.Schedule.MinTimeBetweenEmails);
        Assert.Equal(2, d.Sequence!.Count);
        Assert.Equal("<p>Hi {{first_name}}, é & ü</p>\nBye", d.Sequence[0].Body);
        Assert.Equal([60, 40], d.Sequence[0].Variants.Select(v => v.Distribution ?? 0));
        Assert.Equal([456L, 457L], d.EmailAccountIds!);
        Assert.Equal([SmartleadWebhookEvent.Replied, SmartleadWebhookEvent.Bounced], d.Webhooks!.Single().EventTypes);
    }

    [Fact]
    public void Sections_left_out_or_null_are_not_managed_and_a_written_clientId_round_trips()
    {
        var d = SmartleadCampaignDefinition.Parse("""{ "kind": "SmartleadCampaign", "schemaVersion": 1, "name": "Bare", "clientId": 42, "settings": null, /* people edit it */ }""");

        Assert.Null(d.Settings);
        Assert.Null(d.Schedule);
        Assert.Null(d.Sequence);
        Assert.Null(d.EmailAccountIds);
        Assert.Null(d.Webhooks);
        Assert.Equal(42, d.ClientId);
        string text = d.ToJson();
        Assert.StartsWith("{\n  \"kind\": \"SmartleadCampaign\",\n  \"schemaVersion\": 1,\n  \"name\": \"Bare\",\n  \"clientId\": 42,\n  \"settings\": null,", text, StringComparison.Ordinal);
        Assert.Equal(42, SmartleadCampaignDefinition.Parse(text).ClientId);
    }

    public static TheoryData<string, string, string> SchemaErrors() => new()
    {
        { """{ "kind": "LoopsCampaign", "schemaVersion": 1, "name": "x" }""", "$.kind", "not a Smartlead campaign definition" },
        { """{ "schemaVersion": 1, "name": "x" }""", "$.kind", "\"kind\": \"SmartleadCampaign\"" },
        { """{ "kind": "SmartleadCampaign", "schemaVersion": 2, "name": "x" }""", "$.schemaVersion", "reads schemaVersion 1" },
        { """{ "kind": "SmartleadCampaign", "name": "x" }""", "$.schemaVersion", "Add \"schemaVersion\": 1" },
        { """{ "kind": "SmartleadCampaign", "schemaVersion": "1", "name": "x" }""", "$.schemaVersion", "the text \"1\"; expected a whole number" },
        { """{ "kind": "SmartleadCampaign", "schemaVersion": 1 }""", "$.name", "$.name is missing" },
        { """{ "kind": "SmartleadCampaign", "schemaVersion": 1, "name": " " }""", "$.name", "$.name is empty" },
        { """{ "kind": "SmartleadCampaign", "schemaVersion": 1, "name": "x", "leads": [] }""", "$.leads", "not a key of schemaVersion 1" },
        { """{ "kind": "SmartleadCampaign", "schemaVersion": 1, "name": "x", "settings": { "trackOpen": true } }""", "$.settings.trackOpen", "Did you mean 'trackOpens'?" },
        { """{ "kind": "SmartleadCampaign", "schemaVersion": 1, "name": "x", "settings": { "maxLeadsPerDay": "50" } }""", "$.settings.maxLeadsPerDay", "expected a whole number without quotes" },
        { """{ "kind": "SmartleadCampaign", "schemaVersion": 1, "name": "x", "settings": { "plainText": "yes" } }""", "$.settings.plainText", "true, false or null" },
        { """{ "kind": "SmartleadCampaign", "schemaVersion": 1, "name": "x", "settings": { "stopLeadOn": "Bounce" } }""", "$.settings.stopLeadOn", "Reply, Click, Open, Never" },
        { """{ "kind": "SmartleadCampaign", "schemaVersion": 1, "name": "x", "settings": [] }""", "$.settings", "expected an object" },
        { """{ "kind": "SmartleadCampaign", "schemaVersion": 1, "name": "x", "schedule": { "timeZone": "UTC", "days": ["Funday"], "startHour": 8, "endHour": 9 } }""", "$.schedule.days[0]", "'Funday'" },
        { """{ "kind": "SmartleadCampaign", "schemaVersion": 1, "name": "x", "schedule": { "timeZone": "UTC", "days": [1], "startHour": 8, "endHour": 9 } }""", "$.schedule.days[0]", "the number 1" },
        { """{ "kind": "SmartleadCampaign", "schemaVersion": 1, "name": "x", "schedule": { "days": ["Monday"], "startHour": 8, "endHour": 9 } }""", "$.schedule.timeZone", "is missing" },
        { """{ "kind": "SmartleadCampaign", "schemaVersion": 1, "name": "x", "sequence": [ { "subject": "a", "body": "b" }, { "subject": "" } ] }""", "$.sequence[1].body", "is missing" },
        { """{ "kind": "SmartleadCampaign", "schemaVersion": 1, "name": "x", "sequence": [ { "body": "b", "variants": [ { "label": "A", "body": "b", "weight": 5 } ] } ] }""", "$.sequence[0].variants[0].weight", "not a key" },
        { """{ "kind": "SmartleadCampaign", "schemaVersion": 1, "name": "x", "emailAccountIds": [ "456" ] }""", "$.emailAccountIds[0]", "(an id)" },
        { """{ "kind": "SmartleadCampaign", "schemaVersion": 1, "name": "x", "webhooks": [ { "name": "R", "url": "https://a.example", "eventTypes": [ "Replyed" ] } ] }""", "$.webhooks[0].eventTypes[0]", "'Replyed'" },
        { """{ "kind": "SmartleadCampaign", "schemaVersion": 1, "name": "x", "webhooks": [ { "name": "R", "url": "https://a.example", "eventTypes": [] }, { "name": "r", "url": "https://b.example", "eventTypes": [] } ] }""", "$.webhooks[1].name", "given twice" },
        { """{ "kind": "SmartleadCampaign", "schemaVersion": 1, "name": "x", """, "$", "not valid JSON (line 1" },
        { """[ { "kind": "SmartleadCampaign" } ]""", "$", "not a JSON object" },
    };
}

/// <summary>The pure differ: a definition against the live campaign's definition, or against nothing.</summary>
public sealed class SmartleadCampaignDefinitionDifferTests
{
    private static SmartleadCampaignDefinition Sample() => SmartleadCampaignDefinition.Parse(SmartleadCampaignDefinitionFormatTests.SampleText);

    private static SmartleadCampaignDefinition Live()
    {
        SmartleadCampaignDefinition live = Sample();
        live.CampaignId = 125;
        return live;
    }

    [Fact]
    public void Without_a_campaign_the_plan_creates_one_and_sets_every_managed_value_in_order()
    {
        SmartleadCampaignPlan plan = SmartleadCampaignDiffer.Plan(Sample(), null);

        Assert.NotNull(plan.Create);
        Assert.Equal("Q1 CFO outreach", plan.Create!.Name);
        Assert.Null(plan.CampaignId);
        Assert.Equal(Enumerable.Range(1, plan.Steps.Count), plan.Steps.Select(s => s.Step));
        Assert.Equal(PlanAction.Create, plan.Steps[0].Action);
        Assert.Equal(["save settings", "save schedule", "save sequence", "add email accounts", "create webhook"], plan.Requests.Select(r => r.Name));
        // Null settings (trackReplies, aiEspMatching) are not managed, so they are not set.
        Assert.DoesNotContain(plan.Steps, s => s.Path is "$.settings.trackReplies" or "$.settings.aiEspMatching");
        Assert.All(plan.Steps.Skip(1), s => Assert.Null(s.Old));
        Assert.Contains(plan.Steps, s => s.Path == "$.schedule.days" && s.New == "Monday, Tuesday");
        plan.Validate();
    }

    [Fact]
    public void A_campaign_that_matches_gives_an_empty_plan()
    {
        SmartleadCampaignPlan plan = SmartleadCampaignDiffer.Plan(Sample(), Live());

        Assert.True(plan.IsEmpty);
        Assert.Empty(plan.Steps);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Only_what_differs_is_planned_old_to_new_one_request_per_area()
    {
        SmartleadCampaignDefinition desired = Sample();
        desired.Settings!.MaxLeadsPerDay = 70;
        desired.Sequence![1].Body = "Following up again";
        desired.Sequence[0].Variants[1].Distribution = 50;
        desired.Sequence[0].Variants[0].Distribution = 50;

        SmartleadCampaignPlan plan = SmartleadCampaignDiffer.Plan(desired, Live());

        Assert.Null(plan.Create);
        Assert.Equal(125, plan.CampaignId);
        Assert.Equal(["save settings", "save sequence"], plan.Requests.Select(r => r.Name));
        Assert.Collection(plan.Steps,
            s => Assert.Equal((1, "$.settings.maxLeadsPerDay", "50", "70"), (s.Step, s.Path, s.Old, s.New)),
            s => Assert.Equal(("$.sequence[0].variants[0].distribution", "60", "50"), (s.Path, s.Old, s.New)),
            s => Assert.Equal(("$.sequence[0].variants[1].distribution", "40", "50"), (s.Path, s.Old, s.New)),
            s => Assert.Equal(("$.sequence[1].body", "Following up", "Following up again"), (s.Path, s.Old, s.New)));
        Assert.All(plan.Steps, s => Assert.Equal(125, s.CampaignId));
        Assert.Equal("Save settings ($.settings.maxLeadsPerDay)", plan.Requests[0].Description);
    }

    [Fact]
    public void Mailboxes_and_webhooks_are_added_changed_and_removed_and_steps_are_added_and_removed()
    {
        SmartleadCampaignDefinition desired = Sample();
        desired.EmailAccountIds = [457, 458];
        desired.Webhooks =
        [
            new SmartleadDefinitionWebhook { Name = "replies", Url = "https://hooks.example.com/new", EventTypes = [SmartleadWebhookEvent.Replied, SmartleadWebhookEvent.Bounced] },
            new SmartleadDefinitionWebhook { Name = "Bounces", Url = "https://hooks.example.com/b", EventTypes = [SmartleadWebhookEvent.Bounced] },
        ];
        desired.Sequence = [desired.Sequence![0], desired.Sequence[1], new SmartleadDefinitionStep { Body = "Last try", DelayDays = 5 }];
        SmartleadCampaignDefinition live = Live();
        live.Webhooks = [new SmartleadDefinitionWebhook { Name = "Replies", Url = "https://hooks.example.com/smartlead", EventTypes = [SmartleadWebhookEvent.Replied, SmartleadWebhookEvent.Bounced] },
            new SmartleadDefinitionWebhook { Name = "Old", Url = "https://hooks.example.com/old", EventTypes = [SmartleadWebhookEvent.Opened] }];

        SmartleadCampaignPlan plan = SmartleadCampaignDiffer.Plan(desired, live);

        Assert.Equal(["save sequence", "add email accounts", "remove email accounts", "create webhook", "update webhook", "remove webhook"], plan.Requests.Select(r => r.Name));
        Assert.Contains(plan.Steps, s => s.Action == PlanAction.Add && s.Path == "$.sequence[2]" && s.New == "(same thread), +5 d");
        Assert.Contains(plan.Steps, s => s.Action == PlanAction.Add && s.Path == "$.emailAccountIds[1]" && s.New == "458");
        Assert.Contains(plan.Steps, s => s.Action == PlanAction.Remove && s.Old == "456");
        Assert.Contains(plan.Steps, s => s.Action == PlanAction.Add && s.Path == "$.webhooks[1]");
        Assert.Contains(plan.Steps, s => s.Path == "$.webhooks[0].url" && s.Old == "https://hooks.example.com/smartlead" && s.New == "https://hooks.example.com/new");
        Assert.Contains(plan.Steps, s => s.Action == PlanAction.Remove && s.Path == "$.webhooks" && s.Old!.StartsWith("Old: Opened", StringComparison.Ordinal));
    }

    [Fact]
    public void A_name_that_differs_is_a_warning_as_the_API_cannot_rename()
    {
        SmartleadCampaignDefinition desired = Sample();
        desired.Name = "Other";

        SmartleadCampaignPlan plan = SmartleadCampaignDiffer.Plan(desired, Live());

        Assert.True(plan.IsEmpty);
        Assert.Contains("cannot rename", Assert.Single(plan.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_one_tracking_switch_sends_all_of_them()
    {
        SmartleadCampaignDefinition desired = Sample();
        desired.Settings!.TrackClicks = false;

        SmartleadCampaignPlan plan = SmartleadCampaignDiffer.Plan(desired, Live());

        Assert.Equal("$.settings.trackClicks", Assert.Single(plan.Steps).Path);
        plan.Validate();
    }

    public static TheoryData<Action<SmartleadCampaignDefinition>, string, string> InvalidValues() => new()
    {
        { d => d.Settings!.FollowUpPercentage = 150, "$.settings", "FollowUpPercentage" },
        { d => d.Settings!.TrackReplies = false, "$.settings", "TrackReply exists only in Smartlead's docs vocabulary" },
        { d => d.Schedule!.TimeZone = "Mars/Olympus", "$.schedule", "Mars/Olympus" },
        { d => d.Schedule!.EndHour = 7, "$.schedule", "EndHour 7 is not after StartHour 8" },
        { d => d.Sequence![0].Variants[0].Distribution = 70, "$.sequence", "add up to 110%" },
        { d => d.Webhooks![0].Url = "ftp://hooks.example.com", "$.webhooks[0]", "Url" },
        { d => d.EmailAccountIds = [0], "$.emailAccountIds", "EmailAccountId" },
    };

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void Each_request_is_validated_before_anything_is_sent_and_the_error_names_the_section(Action<SmartleadCampaignDefinition> change, string section, string fragment)
    {
        SmartleadCampaignDefinition desired = Sample();
        change(desired);
        SmartleadCampaignPlan plan = SmartleadCampaignDiffer.Plan(desired, null);

        var error = Assert.Throws<InputValidationException>(plan.Validate);

        Assert.Equal("SmartleadDefinitionInvalid", error.ErrorId);
        Assert.Equal(section, error.Field);
        Assert.StartsWith(section + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }
}

/// <summary>An empty sequence: nothing to do for a new campaign, refused before sending for one that has steps.</summary>
public sealed class SmartleadCampaignDefinitionEmptySequenceTests
{
    [Fact]
    public void An_empty_sequence_cannot_replace_the_steps_of_a_campaign()
    {
        SmartleadCampaignDefinition desired = SmartleadCampaignDefinition.Parse(SmartleadCampaignDefinitionFormatTests.SampleText);
        SmartleadCampaignDefinition live = SmartleadCampaignDefinition.Parse(SmartleadCampaignDefinitionFormatTests.SampleText);
        live.CampaignId = 125;
        desired.Sequence = [];

        Assert.DoesNotContain(SmartleadCampaignDiffer.Plan(desired, null).Requests, r => r.Name == "save sequence");
        SmartleadCampaignPlan plan = SmartleadCampaignDiffer.Plan(desired, live);
        Assert.Equal(["$.sequence[0]", "$.sequence[1]"], plan.Steps.Select(s => s.Path));
        var error = Assert.Throws<InputValidationException>(plan.Validate);
        Assert.Equal("$.sequence", error.Field);
        Assert.Contains("Step is empty", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>Export and sync against the sandbox: clone, update in place, a missing campaign, leads streamed to CSV.</summary>
[Collection(SmartleadAfterLaunchCollection.Name)]
public sealed class SmartleadCampaignDefinitionSandboxTests
{
    private static async Task<long> ConfiguredCampaignAsync(SmartleadClient client)
    {
        SmartleadCampaignDefinition sample = SmartleadCampaignDefinition.Parse(SmartleadCampaignDefinitionFormatTests.SampleText);
        sample.Settings!.AiEspMatching = true;
        return await SmartleadCampaignDiffer.Plan(sample, null).ApplyAsync(client);
    }

    [Fact]
    public async Task An_applied_definition_exports_to_the_same_file_and_a_clone_differs_only_in_name()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        long source = await ConfiguredCampaignAsync(client);

        string exported = SmartleadCampaignDefinition.FromLive(await SmartleadCampaignSnapshot.ReadAsync(client, source)).ToJson();
        SmartleadCampaignDefinition clone = SmartleadCampaignDefinition.Parse(exported);
        clone.Name = "Clone";
        long cloneId = await SmartleadCampaignDiffer.Plan(clone, null).ApplyAsync(client);
        string cloneExport = SmartleadCampaignDefinition.FromLive(await SmartleadCampaignSnapshot.ReadAsync(client, cloneId)).ToJson();

        Assert.NotEqual(source, cloneId);
        Assert.Contains("\"aiEspMatching\": true", exported, StringComparison.Ordinal);
        Assert.Equal(exported.Replace("\"name\": \"Q1 CFO outreach\"", "\"name\": \"Clone\"", StringComparison.Ordinal), cloneExport);
        Assert.DoesNotContain(SandboxServerKey, exported, StringComparison.Ordinal);
        Assert.DoesNotContain($"{source}", exported.Replace("456", string.Empty, StringComparison.Ordinal).Replace("457", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private const string SandboxServerKey = CampaignPS.Sandbox.SandboxServer.DefaultSmartleadApiKey;

    [Fact]
    public async Task An_update_sends_only_what_differs_and_keeps_the_sequence_ids()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        long id = await ConfiguredCampaignAsync(client);
        var idsBefore = sandbox.State.Campaign(id)!.Sequences.Select(s => s.Id).ToList();
        SmartleadCampaignDefinition desired = SmartleadCampaignDefinition.Parse(SmartleadCampaignDefinitionFormatTests.SampleText);
        desired.Sequence![1].Body = "Following up again";
        desired.Settings!.TrackClicks = false;
        int before = sandbox.Server.Requests.Snapshot().Count;

        SmartleadCampaignPlan plan = SmartleadCampaignDiffer.Plan(desired, SmartleadCampaignDefinition.FromLive(await SmartleadCampaignSnapshot.ReadAsync(client, id)));
        await plan.ApplyAsync(client);

        var sent = sandbox.Server.Requests.Snapshot().Skip(before).Where(r => r.Method != "GET").ToList();
        Assert.Equal(["/settings", "/sequences"], sent.Select(r => r.Path.Substring(r.Path.LastIndexOf('/'))));
        // Tracking goes as one list of what is off: opens stay off while clicks go off.
        Assert.Contains("\"track_settings\":[\"DONT_EMAIL_OPEN\",\"DONT_LINK_CLICK\"]", sent[0].Body, StringComparison.Ordinal);
        var stored = sandbox.State.Campaign(id)!.Sequences;
        Assert.Equal(idsBefore, stored.Select(s => s.Id));
        Assert.Equal("Following up again", stored[1].EmailBody);
        Assert.True(SmartleadCampaignDiffer.Plan(desired, SmartleadCampaignDefinition.FromLive(await SmartleadCampaignSnapshot.ReadAsync(client, id))).IsEmpty);
    }

    [Fact]
    public async Task A_campaign_that_cannot_be_read_is_SmartleadCampaignNotFound()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => SmartleadCampaignSnapshot.ReadAsync(client, 999_999));

        Assert.Equal("SmartleadCampaignNotFound", error.ErrorId);
    }

    [Fact]
    public async Task Leads_stream_to_a_CSV_that_Add_SmartleadLead_reads_with_a_column_per_custom_field()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        var campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Leads" });
        sandbox.State.SeedLeads(campaign.Id, 250);
        string path = Path.Combine(Path.GetTempPath(), $"campaignps-leads-{Guid.NewGuid():N}.csv");
        var pages = new List<long>();
        try
        {
            long count = await SmartleadLeadCsv.ExportAsync(client, campaign.Id, path, pages.Add);

            string[] lines = File.ReadAllLines(path);
            Assert.Equal(250, count);
            Assert.Equal([100L, 200L, 250L], pages);
            Assert.Equal(251, lines.Length);
            Assert.Equal("\"email\",\"first_name\",\"last_name\",\"company_name\",\"phone_number\",\"website\",\"location\",\"linkedin_profile\",\"company_url\",\"Tier\"", lines[0]);
            Assert.StartsWith("\"lead00001@seed.example\",\"First1\",\"Last1\",\"Seed Inc\"", lines[1], StringComparison.Ordinal);
            Assert.EndsWith(",\"Seed\"", lines[250], StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + ".*.tmp"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
