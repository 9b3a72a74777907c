using System.Text.Json;
using CampaignPS.Engine.Errors;
using CampaignPS.Engine.Smartlead;
using CampaignPS.Engine.Validation;
using CampaignPS.Sandbox;
using CampaignPS.Tests.Support;
using Xunit;
using SmartleadLeadsResponseShape = CampaignPS.Sandbox.Platforms.Smartlead.SmartleadLeadsResponseShape;
using SmartleadSandboxState = CampaignPS.Sandbox.Platforms.Smartlead.SmartleadSandboxState;

namespace CampaignPS.Tests.Engine;

/// <summary>Lead records become Smartlead leads, and a streaming import sends each lead once, in batches of at most 400, whatever the server does.</summary>
[Collection(HeavyLoadCollection.Name)]
public sealed class SmartleadLeadImportTests
{
    private const int BatchSize = 400;

    [Fact]
    public void Columns_map_to_standard_fields_however_they_are_spelled_and_the_rest_become_custom_fields()
    {
        SmartleadLead camel = SmartleadLead.FromFields(Record(("Email", " ana@acme.example "), ("FirstName", "Ana"), ("Last Name", "Lopez"), ("company_name", "Acme"), ("Industry", "Retail"), ("Notes", "   ")), 3);
        SmartleadLead snake = SmartleadLead.FromFields(Record(("email", "bo@acme.example"), ("first_name", "Bo"), ("LinkedInProfile", "https://linkedin.example/bo")), 4);

        Assert.Equal("ana@acme.example", camel.Email);
        Assert.Equal("Ana", camel.Fields["first_name"]);
        Assert.Equal("Lopez", camel.Fields["last_name"]);
        Assert.Equal("Acme", camel.Fields["company_name"]);
        Assert.Equal(new Dictionary<string, string> { ["Industry"] = "Retail" }, camel.CustomFields);
        Assert.Equal(3, camel.Row);
        Assert.Equal("Bo", snake.Fields["first_name"]);
        Assert.Equal(new Dictionary<string, string> { ["LinkedInProfile"] = "https://linkedin.example/bo" }, snake.CustomFields);
    }

    [Fact]
    public async Task Columns_that_are_not_reference_lead_fields_travel_in_custom_fields_and_settings_only_when_given()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        SmartleadCampaign campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Reference fields" });

        await client.ImportLeadsAsync(campaign.Id, [SmartleadLead.FromFields(Record(("email", "ana@acme.example"), ("first_name", "Ana"), ("website", "acme.example"),
            ("location", "Lisbon"), ("linkedin_profile", "https://linkedin.example/ana"), ("company_url", "https://acme.example")), 1)]);
        await client.ImportLeadsAsync(campaign.Id, Leads("bo@acme.example"), new SmartleadLeadSettings { IgnoreGlobalBlockList = true });

        var posts = sandbox.Server.Requests.Snapshot().Where(r => r.Method == "POST" && r.Path == sandbox.LeadsPath(campaign.Id)).ToList();
        using var first = JsonDocument.Parse(posts[0].Body!);
        JsonElement lead = first.RootElement.GetProperty("lead_list")[0];
        Assert.Equal(["email", "first_name", "website", "custom_fields"], lead.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["location", "linkedin_profile", "company_url"], lead.GetProperty("custom_fields").EnumerateObject().Select(p => p.Name));
        Assert.Equal("Lisbon", lead.GetProperty("custom_fields").GetProperty("location").GetString());
        Assert.False(first.RootElement.TryGetProperty("settings", out _));
        using var second = JsonDocument.Parse(posts[1].Body!);
        Assert.Equal("{\"ignore_global_block_list\":true}", second.RootElement.GetProperty("settings").GetRawText());
    }

    [Theory]
    [InlineData(SmartleadLeadsResponseShape.Spec)]
    [InlineData(SmartleadLeadsResponseShape.Docs)]
    public async Task The_leads_a_batch_did_not_add_are_named_when_the_answer_allows(SmartleadLeadsResponseShape shape)
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        sandbox.State.LeadsResponseShape = shape;
        using var client = sandbox.Client();
        SmartleadCampaign campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Named" });
        await client.ImportLeadsAsync(campaign.Id, Leads("old@acme.example"));
        var mixed = Leads("new@acme.example", "OLD@acme.example", SmartleadSandboxState.BlockedEmail).ToList();
        var allSkipped = Leads("old@acme.example", "old@acme.example").ToList();

        SmartleadLeadBatchResult partly = await client.AddLeadBatchAsync(campaign.Id, mixed, new SmartleadLeadSettings());
        SmartleadLeadBatchResult none = await client.AddLeadBatchAsync(campaign.Id, allSkipped, new SmartleadLeadSettings());

        Assert.Equal(1, partly.Inserted);
        Assert.Equal([SmartleadSkipReason.Duplicate, SmartleadSkipReason.Duplicate], none.Skipped.Select(s => s.Reason));
        Assert.Equal(allSkipped, none.Skipped.Select(s => s.Lead));
        Assert.Equal(0, none.UnnamedSkipped);
        if (shape == SmartleadLeadsResponseShape.Docs)
        {
            // skipped_leads names each lead: matched to the rows by e-mail.
            Assert.Equal([(mixed[1], SmartleadSkipReason.Duplicate), (mixed[2], SmartleadSkipReason.Blocked)], partly.Skipped.Select(s => (s.Lead, s.Reason)));
            Assert.Equal(0, partly.UnnamedSkipped);
            Assert.Equal("SmartleadLeadBlocked", partly.Skipped[1].ErrorId);
            Assert.Contains("row 3", partly.Skipped[1].ToFailure(campaign.Id).Message);
        }
        else
        {
            // The reference's counts do not say which two of the three were skipped.
            Assert.Empty(partly.Skipped);
            Assert.Equal(2, partly.UnnamedSkipped);
        }
    }

    [Fact]
    public async Task Mapped_fields_and_custom_fields_arrive_in_the_sandbox()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        SmartleadCampaign campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Fields" });

        await client.ImportLeadsAsync(campaign.Id, [SmartleadLead.FromFields(Record(("Email", "ana@acme.example"), ("FirstName", "Ana"), ("Industry", "Retail"), ("Seats", 12)), 1)]);

        var stored = Assert.Single(sandbox.State.Leads(campaign.Id));
        Assert.Equal("ana@acme.example", stored.Email);
        Assert.Equal("Ana", stored.FirstName);
        using var custom = JsonDocument.Parse(stored.CustomFieldsJson!);
        Assert.Equal("Retail", custom.RootElement.GetProperty("Industry").GetString());
        Assert.Equal("12", custom.RootElement.GetProperty("Seats").GetString());
    }

    [Fact]
    public void More_than_200_custom_fields_are_refused_naming_the_row()
    {
        var fields = Enumerable.Range(1, 201).Select(i => ($"Column{i}", (object?)"x")).Prepend(("Email", "wide@acme.example")).ToArray();

        SmartleadLead.FromFields(Record(fields.Take(201).ToArray()), 6);
        var error = Assert.Throws<InputValidationException>(() => SmartleadLead.FromFields(Record(fields), 7));

        Assert.Equal("CustomFields", error.Field);
        Assert.Contains("Lead row 7", error.Message);
        Assert.Contains("201 custom fields", error.Message);
    }

    [Theory]
    [InlineData(null, "has no email")]
    [InlineData("   ", "has no email")]
    [InlineData("not-an-address", "'not-an-address', which is not a valid e-mail address")]
    [InlineData("two@@acme.example", "not a valid e-mail address")]
    [InlineData("no-domain@acme", "not a valid e-mail address")]
    public void A_missing_or_invalid_email_is_refused_naming_the_row(string? email, string phrase)
    {
        var error = Assert.Throws<InputValidationException>(() => SmartleadLead.FromFields(Record(("Email", email), ("FirstName", "Ana")), 42));

        Assert.Equal("Email", error.Field);
        Assert.Equal("SmartleadInvalidEmail", error.ErrorId);
        Assert.Contains("Lead row 42", error.Message);
        Assert.Contains(phrase, error.Message);
    }

    [Fact]
    public async Task Ten_thousand_leads_arrive_exactly_once_in_exactly_25_requests()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        SmartleadCampaign campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Bulk" });
        var batchSizes = new List<int>();

        SmartleadLeadImportResult result = await client.ImportLeadsAsync(campaign.Id, Generate(10_000), onBatch: o => batchSizes.Add(o.Leads.Count));

        Assert.Equal(10_000, sandbox.State.LeadCount(campaign.Id));
        Assert.Equal(Generate(10_000).Select(l => l.Email), sandbox.State.LeadEmails(campaign.Id));
        Assert.Equal(10_000, sandbox.State.LeadEmails(campaign.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(25, sandbox.State.LeadPostCount(campaign.Id));
        Assert.Equal(25, sandbox.Count("POST", $"campaigns/{campaign.Id}/leads"));
        Assert.Equal(Enumerable.Repeat(BatchSize, 25), batchSizes);
        Assert.Equal(10_000, result.Received);
        Assert.Equal(10_000, result.Sent);
        Assert.Equal(25, result.Batches);
        Assert.Equal(10_000, result.Inserted);
        Assert.Equal(0, result.Duplicates + result.Blocked + result.Invalid + result.Failed + result.Rejected);
        Assert.Equal(campaign.Id, result.CampaignId);
    }

    [Fact]
    public async Task The_import_reads_its_input_lazily_one_batch_at_a_time()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        SmartleadCampaign campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Streamed" });
        var produced = new Counter();
        var producedWhenSent = new List<int>();

        SmartleadLeadImportResult result = await client.ImportLeadsAsync(campaign.Id, Generate(2_001, produced), onBatch: _ => producedWhenSent.Add(produced.Value));

        Assert.Equal(6, producedWhenSent.Count);
        for (int k = 1; k <= producedWhenSent.Count; k++)
        {
            Assert.True(producedWhenSent[k - 1] <= k * BatchSize, $"when batch {k} was sent the input had produced {producedWhenSent[k - 1]} leads, more than {k * BatchSize}");
        }

        Assert.Equal([400, 800, 1_200, 1_600, 2_000, 2_001], producedWhenSent);
        Assert.Equal(2_001, result.Inserted);
        Assert.Equal(2_001, sandbox.State.LeadCount(campaign.Id));
    }

    [Theory]
    [InlineData(SmartleadLeadsResponseShape.Spec)]
    [InlineData(SmartleadLeadsResponseShape.Docs)]
    public async Task Duplicates_and_blocked_leads_are_counted_the_same_from_either_response_shape(SmartleadLeadsResponseShape shape)
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        sandbox.State.LeadsResponseShape = shape;
        using var client = sandbox.Client();
        SmartleadCampaign other = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Other" });
        SmartleadCampaign campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Counted" });
        await client.ImportLeadsAsync(other.Id, Leads("shared@acme.example"));
        await client.ImportLeadsAsync(campaign.Id, Leads("old@acme.example"));

        SmartleadLeadImportResult result = await client.ImportLeadsAsync(campaign.Id, Leads(
            "new1@acme.example",
            "new2@acme.example",
            "NEW1@acme.example",
            "old@acme.example",
            "shared@acme.example",
            "someone@blocked.example",
            SmartleadSandboxState.BlockedEmail,
            SmartleadSandboxState.UnsubscribedEmail,
            "new3@acme.example"));

        Assert.Equal(9, result.Received);
        Assert.Equal(9, result.Sent);
        Assert.Equal(1, result.Batches);
        Assert.Equal(3, result.Inserted);
        Assert.Equal(3, result.Duplicates);
        Assert.Equal(3, result.Blocked);
        Assert.Equal(0, result.Invalid);
        Assert.Equal(["old@acme.example", "new1@acme.example", "new2@acme.example", "new3@acme.example"], sandbox.State.LeadEmails(campaign.Id));
    }

    [Fact]
    public async Task A_429_in_the_middle_of_an_import_loses_and_duplicates_nothing()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        SmartleadCampaign campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Throttled" });
        int batches = 0;

        SmartleadLeadImportResult result = await client.ImportLeadsAsync(campaign.Id, Generate(2_000), onBatch: _ =>
        {
            if (++batches == 2)
            {
                sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.RateLimited, RetryAfter = TimeSpan.FromSeconds(1), Times = 1, Method = "POST", PathPrefix = sandbox.LeadsPath(campaign.Id) });
            }
        });

        var posts = sandbox.Server.Requests.Snapshot().Where(r => r.Method == "POST" && r.Path == sandbox.LeadsPath(campaign.Id)).ToList();
        Assert.Equal([200, 200, 429, 200, 200, 200], posts.Select(r => r.StatusCode));
        Assert.Equal(2_000, sandbox.State.LeadCount(campaign.Id));
        Assert.Equal(2_000, sandbox.State.LeadEmails(campaign.Id).Distinct().Count());
        Assert.Equal(5, sandbox.State.LeadPostCount(campaign.Id));
        Assert.Equal(2_000, result.Inserted);
        Assert.Equal(0, result.Duplicates + result.Failed);
        Assert.Equal(5, result.Batches);
        Assert.Contains(sandbox.Logs.Lines, l => l.Contains("Rate limited: waiting 1.0 s (Retry-After)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_batch_whose_answer_was_lost_is_sent_again_and_its_leads_come_back_as_duplicates()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        SmartleadCampaign campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Lost answer" });
        var outcomes = new List<SmartleadLeadBatchOutcome>();

        SmartleadLeadImportResult result = await client.ImportLeadsAsync(campaign.Id, Generate(2_000), onBatch: outcome =>
        {
            outcomes.Add(outcome);
            if (outcomes.Count == 1)
            {
                sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.Status, StatusCode = 503, When = FaultTiming.AfterHandler, Times = 1, Method = "POST", PathPrefix = sandbox.LeadsPath(campaign.Id) });
            }
        });

        Assert.Equal(2_000, sandbox.State.LeadCount(campaign.Id));
        Assert.Equal(2_000, sandbox.State.LeadEmails(campaign.Id).Distinct().Count());
        Assert.Equal(6, sandbox.State.LeadPostCount(campaign.Id));
        Assert.Equal(6, sandbox.Count("POST", $"campaigns/{campaign.Id}/leads"));
        Assert.All(outcomes, o => Assert.Null(o.Failure));
        Assert.Equal(400, outcomes[1].Result!.Duplicates);
        Assert.True(outcomes[1].Result!.ResentAfterUnknownOutcome);
        // The second send sees the first one's leads as duplicates; this run added all of them.
        Assert.Equal(2_000, result.Inserted);
        Assert.Equal(0, result.Duplicates);
        Assert.Equal(1, result.ResentBatches);
        Assert.Equal(0, result.Failed);
        Assert.Equal(5, result.Batches);
        Assert.Equal(6, result.Attempts);
        Assert.Single(sandbox.Logs.Lines, l => l.StartsWith("Server error 503", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_batch_that_keeps_failing_is_reported_with_exactly_its_leads_and_the_others_still_arrive()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client(o => o.Retry.MaxAttempts = 2);
        SmartleadCampaign campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Partly failing" });
        var outcomes = new List<SmartleadLeadBatchOutcome>();

        SmartleadLeadImportResult result = await client.ImportLeadsAsync(campaign.Id, Generate(2_000), onBatch: outcome =>
        {
            outcomes.Add(outcome);
            if (outcomes.Count == 1)
            {
                sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.Status, StatusCode = 500, Times = -1, Method = "POST", PathPrefix = sandbox.LeadsPath(campaign.Id) });
            }
            else if (outcome.Failure != null)
            {
                sandbox.Server.Faults.Clear();
            }
        });

        SmartleadLeadBatchOutcome failed = outcomes[1];
        var expectedFailed = Generate(2_000).Skip(BatchSize).Take(BatchSize).Select(l => l.Email).ToList();
        Assert.Equal(5, outcomes.Count);
        Assert.Single(outcomes, o => o.Failure != null);
        Assert.NotNull(failed.Failure);
        Assert.Null(failed.Result);
        Assert.Equal("SmartleadServerError", failed.Failure!.ErrorId);
        Assert.Equal(FailureCategory.ResourceUnavailable, failed.Failure.Failure.Category);
        Assert.Equal(expectedFailed, failed.Leads.Select(l => l.Email));
        Assert.Equal(Enumerable.Range(BatchSize + 1, BatchSize).Select(i => (long)i), failed.Leads.Select(l => l.Row));
        Assert.Equal(BatchSize, result.Failed);
        Assert.Equal(1_600, result.Inserted);
        // Every batch handed over counts, the failed one too, and so does every request sent.
        Assert.Equal(5, result.Batches);
        Assert.Equal(2_000, result.Sent);
        Assert.Equal(6, result.Attempts);
        Assert.Equal(1_600, sandbox.State.LeadCount(campaign.Id));
        Assert.Empty(sandbox.State.LeadEmails(campaign.Id).Intersect(expectedFailed));
        Assert.Equal(4, sandbox.State.LeadPostCount(campaign.Id));
        Assert.Equal(6, sandbox.Count("POST", $"campaigns/{campaign.Id}/leads"));
    }

    private static KeyValuePair<string, object?>[] Record(params (string Key, object? Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, object?>(f.Key, f.Value)).ToArray();

    private static IEnumerable<SmartleadLead> Leads(params string[] emails) =>
        emails.Select((email, i) => SmartleadLead.FromFields(Record(("Email", email)), i + 1)).ToList();

    /// <summary>Leads made one at a time as the import asks for them; <paramref name="produced"/> counts how many it asked for.</summary>
    private static IEnumerable<SmartleadLead> Generate(int count, Counter? produced = null)
    {
        for (int i = 1; i <= count; i++)
        {
            if (produced != null)
            {
                produced.Value++;
            }

            yield return SmartleadLead.FromFields(Record(("email", $"lead{i:00000}@acme.example"), ("FirstName", $"Lead {i}"), ("Team", "Sales")), i);
        }
    }

    private sealed class Counter
    {
        public int Value { get; set; }
    }
}
