using CampaignPS.Engine.Smartlead;
using CampaignPS.Engine.Validation;
using CampaignPS.Tests.Support;
using Xunit;
using SmartleadReadShape = CampaignPS.Sandbox.Platforms.Smartlead.SmartleadReadShape;

namespace CampaignPS.Tests.Engine;

/// <summary>Get -> change -> set of a sequence with A/B variants: ids kept on the same campaign, a copy elsewhere, variants checked locally.</summary>
[Collection(SmartleadAfterLaunchCollection.Name)]
public sealed class SmartleadSequenceReadBackTests
{
    private static SmartleadSequenceStep[] AbTest() =>
    [
        new SmartleadSequenceStep
        {
            Subject = "Quick question",
            Body = "Hi {{first_name}}",
            Variants =
            [
                new SmartleadSequenceVariant { Label = "A", Subject = "Quick question", Body = "Hi {{first_name}}", Distribution = 60 },
                new SmartleadSequenceVariant { Subject = "Other question", Body = "Hello {{first_name}}", Distribution = 40 },
            ],
        },
        new SmartleadSequenceStep { Body = "Following up", DelayDays = 3 },
    ];

    [Theory]
    [InlineData(SmartleadReadShape.Reference)]
    [InlineData(SmartleadReadShape.Docs)]
    public async Task Variants_are_saved_as_seq_variants_and_read_back_with_ids_in_both_shapes(SmartleadReadShape shape)
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        var campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "A/B" });

        await client.SetSequenceAsync(campaign.Id, AbTest());
        sandbox.State.ReadShape = shape;
        var steps = await client.GetSequenceAsync(campaign.Id);

        string body = sandbox.Server.Requests.Snapshot().Single(r => r.Method == "POST" && r.Path.EndsWith("/sequences", StringComparison.Ordinal)).Body;
        Assert.Contains("\"seq_variants\":[{\"variant_id\":\"A\"", body, StringComparison.Ordinal);
        Assert.Contains("\"variant_id\":\"B\",\"subject\":\"Other question\",\"email_body\":\"Hello {{first_name}}\",\"distribution\":40", body, StringComparison.Ordinal);
        var stored = sandbox.State.Campaign(campaign.Id)!.Sequences;
        Assert.Equal([60, 40], stored[0].Variants.Select(v => v.DistributionPercentage ?? 0));
        Assert.Equal(2, steps.Count);
        Assert.All(steps, s => Assert.Equal(campaign.Id, s.CampaignId));
        Assert.Equal(stored.Select(s => (long?)s.Id), steps.Select(s => s.Id));
        Assert.Equal(["A", "B"], steps[0].Variants.Select(v => v.Label));
        Assert.Equal(stored[0].Variants.Select(v => (long?)v.Id), steps[0].Variants.Select(v => v.Id));
        Assert.Equal("Hello {{first_name}}", steps[0].Variants[1].Body);
        Assert.Equal(3, steps[1].DelayDays);
        Assert.Empty(steps[1].Variants);
        // The docs' get-sequences page shows no distribution; the reference shape (the guide's fields) keeps it.
        Assert.Equal(shape == SmartleadReadShape.Reference ? [60, 40] : new int?[] { null, null }, steps[0].Variants.Select(v => v.Distribution));
    }

    [Fact]
    public async Task Set_back_on_the_same_campaign_updates_in_place_and_on_another_creates_a_copy()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        var source = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Source" });
        var target = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Target" });
        await client.SetSequenceAsync(source.Id, AbTest());
        var steps = await client.GetSequenceAsync(source.Id);
        var idsBefore = sandbox.State.Campaign(source.Id)!.Sequences.Select(s => s.Id).ToList();

        steps[1].DelayDays = 5;
        steps[0].Variants[1].Subject = "Changed";
        await client.SetSequenceAsync(source.Id, steps);
        await client.SetSequenceAsync(target.Id, await client.GetSequenceAsync(source.Id));

        var sourceAfter = sandbox.State.Campaign(source.Id)!.Sequences;
        var targetAfter = sandbox.State.Campaign(target.Id)!.Sequences;
        Assert.Equal(idsBefore, sourceAfter.Select(s => s.Id));
        Assert.Equal(5, sourceAfter[1].DelayInDays);
        Assert.Equal("Changed", sourceAfter[0].Variants[1].Subject);
        Assert.DoesNotContain(targetAfter, s => idsBefore.Contains(s.Id));
        Assert.Equal(["A", "B"], targetAfter[0].Variants.Select(v => v.Label));
        Assert.Equal(5, targetAfter[1].DelayInDays);
    }

    [Theory]
    [InlineData(60, 50, "add up to 110%")]
    [InlineData(60, null, "for 1 of its 2 variants")]
    [InlineData(120, -20, "Distribution 120")]
    public void Distributions_must_be_given_for_all_or_none_and_add_up_to_100(int first, int? second, string phrase)
    {
        var steps = AbTest();
        steps[0].Variants[0].Distribution = first;
        steps[0].Variants[1].Distribution = second;

        var error = Assert.Throws<InputValidationException>(() => SmartleadSequenceStep.ValidateSequence(steps));

        Assert.Equal("Step", error.Field);
        Assert.Contains(phrase, error.Message);
    }

    [Fact]
    public void Variants_need_a_body_and_distinct_labels_and_an_even_split_needs_no_distribution()
    {
        var noBody = AbTest();
        noBody[0].Variants[1].Body = " ";
        var sameLabel = AbTest();
        sameLabel[0].Variants[1].Label = "a";
        var even = AbTest();
        even[0].Variants[0].Distribution = null;
        even[0].Variants[1].Distribution = null;

        Assert.Contains("variant 2 has no Body", Assert.Throws<InputValidationException>(() => SmartleadSequenceStep.ValidateSequence(noBody)).Message);
        Assert.Contains("repeats the label 'a'", Assert.Throws<InputValidationException>(() => SmartleadSequenceStep.ValidateSequence(sameLabel)).Message);
        SmartleadSequenceStep.ValidateSequence(even);
    }

    [Fact]
    public void A_step_given_only_as_variants_takes_its_email_from_the_first_and_hashtable_fields_are_read()
    {
        var step = SmartleadSequenceStep.FromFields(
        [
            new("DelayDays", "0"),
            new("Id", "5001"),
            new("CampaignId", "1001"),
            new("Variants", new object[]
            {
                new KeyValuePair<string, object?>[] { new("Label", "A"), new("Subject", "First"), new("Body", "One"), new("Distribution", "50") },
                new KeyValuePair<string, object?>[] { new("variant_label", "B"), new("subject", "Second"), new("email_body", "Two"), new("variant_distribution_percentage", 50) },
            }),
        ], 1);

        SmartleadSequenceStep.ValidateSequence([step]);

        Assert.Equal(("First", "One", 5001L, 1001L), (step.Subject, step.Body, step.Id!.Value, step.CampaignId!.Value));
        Assert.Equal(["A", "B"], step.Variants.Select(v => v.Label));
        Assert.Equal([50, 50], step.Variants.Select(v => v.Distribution ?? 0));
        Assert.Contains("unknown key 'Weight'", Assert.Throws<InputValidationException>(() =>
            SmartleadSequenceStep.FromFields([new("Body", "x"), new("Variants", new object[] { new KeyValuePair<string, object?>[] { new("Weight", "1") } })], 1)).Message);
    }
}
