using CampaignPS.Tests.Support;
using Xunit;

namespace CampaignPS.Tests.Surface;

/// <summary>The Loops cmdlets as the foundation issue describes them, read from the compiled module.</summary>
public sealed class LoopsCmdletSurfaceTests : IClassFixture<SurfaceFixture>
{
    private const string LoopsModels = "CampaignPS.Engine.Loops.";
    private readonly CmdletSurface _surface;

    public LoopsCmdletSurfaceTests(SurfaceFixture fixture) => _surface = fixture.Surface;

    [Theory]
    [InlineData("Connect-Loops", false, "Medium", "CampaignPS.Connections.CampaignConnection")]
    [InlineData("New-LoopsCampaign", true, "Medium", LoopsModels + "LoopsCampaign")]
    [InlineData("Set-LoopsCampaign", true, "Medium", LoopsModels + "LoopsCampaign")]
    [InlineData("Get-LoopsCampaign", false, "Medium", LoopsModels + "LoopsCampaign")]
    [InlineData("Get-LoopsEmailMessage", false, "Medium", LoopsModels + "LoopsEmailMessage")]
    [InlineData("Set-LoopsEmailMessage", true, "Medium", LoopsModels + "LoopsEmailMessage")]
    [InlineData("Get-LoopsMailingList", false, "Medium", LoopsModels + "LoopsMailingList")]
    [InlineData("Get-LoopsAudienceSegment", false, "Medium", LoopsModels + "LoopsAudienceSegment")]
    [InlineData("Get-LoopsCampaignGroup", false, "Medium", LoopsModels + "LoopsCampaignGroup")]
    [InlineData("New-LoopsCampaignGroup", true, "Medium", LoopsModels + "LoopsCampaignGroup")]
    [InlineData("Set-LoopsCampaignGroup", true, "Medium", LoopsModels + "LoopsCampaignGroup")]
    [InlineData("New-LoopsAudienceSegment", true, "Medium", LoopsModels + "LoopsAudienceSegment")]
    [InlineData("Get-LoopsCampaignMetric", false, "Medium", LoopsModels + "LoopsCampaignMetric")]
    [InlineData("Send-LoopsEmailMessagePreview", true, "High", LoopsModels + "LoopsEmailPreviewResult")]
    [InlineData("Publish-LoopsImage", true, "Medium", LoopsModels + "LoopsUpload")]
    public void Cmdlet_declares_ShouldProcess_impact_and_output(string name, bool shouldProcess, string impact, string output)
    {
        CmdletInfo cmdlet = _surface[name];

        Assert.Equal(shouldProcess, cmdlet.SupportsShouldProcess);
        Assert.Equal(impact, cmdlet.ConfirmImpact);
        Assert.Equal([output], cmdlet.OutputTypes);
    }

    [Fact]
    public void Disconnect_Loops_exists_and_takes_a_connection_from_the_pipeline()
    {
        CmdletInfo cmdlet = _surface["Disconnect-Loops"];

        Assert.True(cmdlet["Connection"].Sets.Single().FromPipeline);
    }

    [Fact]
    public void Connect_Loops_takes_the_key_as_SecureString_or_PSCredential_in_separate_sets()
    {
        CmdletInfo cmdlet = _surface["Connect-Loops"];

        Assert.Equal("System.Security.SecureString", cmdlet["ApiKey"].TypeName);
        Assert.Equal("ApiKey", cmdlet["ApiKey"].Sets.Single().SetName);
        Assert.Equal("System.Management.Automation.PSCredential", cmdlet["Credential"].TypeName);
        Assert.True(cmdlet["Credential"].MandatoryIn("Credential"));
        Assert.Equal("System.Uri", cmdlet["BaseUri"].TypeName);
        Assert.True(cmdlet.Has("PassThru"));
        Assert.False(cmdlet.Has("Connection"));
    }

    [Fact]
    public void New_LoopsCampaign_binds_each_csv_column_by_property_name()
    {
        CmdletInfo cmdlet = _surface["New-LoopsCampaign"];

        Assert.True(cmdlet["Name"].MandatoryAnywhere);
        Assert.Contains("AllowEmptyStringAttribute", cmdlet["Name"].Attributes);
        foreach (string column in new[] { "Name", "MailingListId", "AudienceSegmentId", "AudienceFilter", "CampaignGroupId" })
        {
            Assert.True(cmdlet[column].ByPropertyName, $"{column} does not bind by property name");
        }
    }

    [Fact]
    public void Set_LoopsCampaign_binds_only_the_id_from_the_pipeline_and_keeps_segment_and_filter_apart()
    {
        CmdletInfo cmdlet = _surface["Set-LoopsCampaign"];

        Assert.True(cmdlet["CampaignId"].MandatoryAnywhere);
        Assert.True(cmdlet["CampaignId"].ByPropertyName);
        Assert.Equal(["Id"], cmdlet["CampaignId"].Aliases);
        Assert.Equal(["CampaignId"], cmdlet.Parameters.Where(p => p.ByPropertyName).Select(p => p.Name));
        Assert.Equal(["Segment"], cmdlet["AudienceSegmentId"].Sets.Select(s => s.SetName));
        Assert.Equal(["Filter"], cmdlet["AudienceFilter"].Sets.Select(s => s.SetName));
        Assert.Equal("System.DateTime", cmdlet["ScheduleAt"].TypeName);
        foreach (string parameter in new[] { "Name", "MailingListId", "CampaignGroupId", "SendNow", "Force", "PassThru" })
        {
            Assert.True(cmdlet.Has(parameter), $"missing -{parameter}");
        }
    }

    [Fact]
    public void Set_LoopsEmailMessage_binds_the_message_and_revision_from_New_LoopsCampaign_and_from_its_own_output()
    {
        CmdletInfo cmdlet = _surface["Set-LoopsEmailMessage"];
        Type campaign = _surface.FindType(LoopsModels + "LoopsCampaign");
        Type message = _surface.FindType(LoopsModels + "LoopsEmailMessage");

        Assert.True(cmdlet["EmailMessageId"].ByPropertyName);
        Assert.True(cmdlet["ExpectedRevisionId"].ByPropertyName);
        Assert.Contains("EmailMessageContentRevisionId", cmdlet["ExpectedRevisionId"].Aliases);
        Assert.Contains("ContentRevisionId", cmdlet["ExpectedRevisionId"].Aliases);
        Assert.NotNull(campaign.GetProperty("EmailMessageId"));
        Assert.NotNull(campaign.GetProperty("EmailMessageContentRevisionId"));
        Assert.NotNull(message.GetProperty("EmailMessageId"));
        Assert.NotNull(message.GetProperty("ContentRevisionId"));
        Assert.NotNull(message.GetProperty("CampaignId"));
        Assert.Equal(["Lmx"], cmdlet["Lmx"].Sets.Select(s => s.SetName));
        Assert.Equal(["LmxPath"], cmdlet["LmxPath"].Sets.Select(s => s.SetName));
        Assert.DoesNotContain(cmdlet.Parameters, p => p.ByPropertyName && p.Name is "Subject" or "Lmx" or "FromName");
        foreach (string parameter in new[] { "Subject", "PreviewText", "FromName", "FromEmail", "ReplyToEmail", "Force", "PassThru" })
        {
            Assert.True(cmdlet.Has(parameter), $"missing -{parameter}");
        }
    }

    [Fact]
    public void Set_LoopsCampaign_binds_from_New_LoopsCampaign_output_by_its_Id()
    {
        Type campaign = _surface.FindType(LoopsModels + "LoopsCampaign");
        ParameterInfo id = _surface["Set-LoopsCampaign"]["CampaignId"];

        Assert.Contains(id.Aliases.Append(id.Name), name => campaign.GetProperty(name) != null);
    }

    [Theory]
    [InlineData("Get-LoopsCampaign", "CampaignId")]
    [InlineData("Get-LoopsAudienceSegment", "AudienceSegmentId")]
    [InlineData("Get-LoopsCampaignGroup", "CampaignGroupId")]
    public void Paged_gets_list_by_default_and_read_one_by_id(string name, string idParameter)
    {
        CmdletInfo cmdlet = _surface[name];

        Assert.Equal("List", cmdlet.DefaultParameterSetName);
        Assert.True(cmdlet[idParameter].MandatoryIn("ById"));
        Assert.True(cmdlet[idParameter].ByPropertyName);
        Assert.Contains("Id", cmdlet[idParameter].Aliases);
        foreach (string parameter in new[] { "All", "First", "PageSize" })
        {
            Assert.Equal(["List"], cmdlet[parameter].Sets.Select(s => s.SetName));
        }
    }

    [Fact]
    public void Every_output_type_pipes_its_ids_into_a_parameter_of_the_next_cmdlet()
    {
        Type message = _surface.FindType(LoopsModels + "LoopsEmailMessage");
        ParameterInfo campaignId = _surface["Set-LoopsCampaign"]["CampaignId"];

        Assert.Contains(campaignId.Aliases.Append(campaignId.Name), name => message.GetProperty(name) != null);
    }
}
