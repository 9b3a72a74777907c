using CampaignPS.Engine.Loops;
using CampaignPS.Engine.Smartlead;
using CampaignPS.Engine.Validation;
using Xunit;

namespace CampaignPS.Tests.Engine;

/// <summary>What every platform's definition file shares: a byte-for-byte round trip, and schema errors that name the JSON path.</summary>
public sealed class CampaignDefinitionFormatTests
{
    public static TheoryData<string> Kinds() => new() { "SmartleadCampaign", "LoopsCampaign" };

    public static IEnumerable<object[]> SchemaErrors() =>
        SmartleadCampaignDefinitionFormatTests.SchemaErrors().Select(row => new object[] { "SmartleadDefinitionInvalid" }.Concat(row).ToArray())
            .Concat(LoopsCampaignDefinitionFormatTests.SchemaErrors().Select(row => new object[] { "LoopsDefinitionInvalid" }.Concat(row).ToArray()));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Reading_and_writing_the_canonical_form_gives_the_same_text_byte_for_byte(string kind)
    {
        string sample = kind == "LoopsCampaign" ? LoopsCampaignDefinitionFormatTests.SampleText : SmartleadCampaignDefinitionFormatTests.SampleText;

        string written = RoundTrip(kind, sample);

        Assert.Equal(sample, written);
        Assert.DoesNotContain("\r", written, StringComparison.Ordinal);
        Assert.Equal(written, RoundTrip(kind, written));
    }

    [Theory]
    [MemberData(nameof(SchemaErrors))]
    public void A_definition_that_does_not_match_the_schema_names_the_JSON_path(string errorId, string json, string path, string fragment)
    {
        var error = Assert.Throws<InputValidationException>(() => RoundTrip(errorId == "LoopsDefinitionInvalid" ? "LoopsCampaign" : "SmartleadCampaign", json));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(path, error.Field);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    private static string RoundTrip(string kind, string json) =>
        kind == "LoopsCampaign" ? LoopsCampaignDefinition.Parse(json).ToJson() : SmartleadCampaignDefinition.Parse(json).ToJson();
}
