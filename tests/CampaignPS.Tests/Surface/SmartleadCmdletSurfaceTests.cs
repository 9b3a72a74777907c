using CampaignPS.Tests.Support;
using Xunit;

namespace CampaignPS.Tests.Surface;

/// <summary>The Smartlead cmdlets as the Smartlead issue describes them, read from the compiled module.</summary>
public sealed class SmartleadCmdletSurfaceTests : IClassFixture<SurfaceFixture>
{
    private const string Campaign = "CampaignPS.Engine.Smartlead.SmartleadCampaign";
    private static readonly string[] ConfigurationCmdlets =
    [
        "Set-SmartleadSequence", "Add-SmartleadEmailAccount", "Set-SmartleadSchedule", "Set-SmartleadSetting",
        "Start-SmartleadCampaign", "Suspend-SmartleadCampaign", "Stop-SmartleadCampaign",
    ];

    private readonly CmdletSurface _surface;

    public SmartleadCmdletSurfaceTests(SurfaceFixture fixture) => _surface = fixture.Surface;

    [Theory]
    [InlineData("New-SmartleadCampaign", true, "Medium")]
    [InlineData("Get-SmartleadCampaign", false, "Medium")]
    [InlineData("Remove-SmartleadCampaign", true, "High")]
    [InlineData("Set-SmartleadSequence", true, "Medium")]
    [InlineData("Add-SmartleadEmailAccount", true, "Medium")]
    [InlineData("Add-SmartleadLead", true, "Medium")]
    [InlineData("Set-SmartleadSchedule", true, "Medium")]
    [InlineData("Set-SmartleadSetting", true, "Medium")]
    [InlineData("Start-SmartleadCampaign", true, "High")]
    [InlineData("Suspend-SmartleadCampaign", true, "Medium")]
    [InlineData("Stop-SmartleadCampaign", true, "High")]
    public void Cmdlet_declares_ShouldProcess_and_impact(string name, bool shouldProcess, string impact)
    {
        CmdletInfo cmdlet = _surface[name];

        Assert.Equal(shouldProcess, cmdlet.SupportsShouldProcess);
        Assert.Equal(impact, cmdlet.ConfirmImpact);
    }

    [Fact]
    public void Every_configuration_cmdlet_takes_the_campaign_from_the_pipeline_and_passes_it_on()
    {
        Type campaign = _surface.FindType(Campaign);

        foreach (string name in ConfigurationCmdlets.Append("Add-SmartleadLead"))
        {
            CmdletInfo cmdlet = _surface[name];
            ParameterInfo id = cmdlet["CampaignId"];
            Assert.True(id.MandatoryAnywhere, $"{name} -CampaignId is not mandatory");
            Assert.True(id.ByPropertyName, $"{name} -CampaignId does not bind by property name");
            Assert.Equal("System.Int64", id.TypeName);
            Assert.Contains("Id", id.Aliases);
            Assert.Contains("campaign_id", id.Aliases);
            Assert.True(cmdlet.Has("PassThru"), $"{name} has no -PassThru");
            Assert.Equal("System.Int32", cmdlet["ThrottleLimit"].TypeName);
            Assert.Contains(Campaign, cmdlet.OutputTypes);
            Assert.NotNull(campaign.GetProperty("Id"));
        }
    }

    [Theory]
    [InlineData("Stop-SmartleadCampaign")]
    [InlineData("Remove-SmartleadCampaign")]
    [InlineData("Start-SmartleadCampaign")]
    public void Irreversible_or_sending_cmdlets_take_Force(string name) => Assert.True(_surface[name].Has("Force"));

    [Fact]
    public void Connect_Smartlead_takes_the_key_like_every_Connect_cmdlet()
    {
        CmdletInfo smartlead = _surface["Connect-Smartlead"];
        CmdletInfo loops = _surface["Connect-Loops"];

        Assert.Equal(loops.Parameters.Select(p => (p.Name, p.TypeName)), smartlead.Parameters.Where(p => p.Name != "Plan").Select(p => (p.Name, p.TypeName)));
        Assert.Equal("CampaignPS.Engine.Platforms.SmartleadPlan", smartlead["Plan"].TypeName);
        Assert.Equal(["CampaignPS.Connections.CampaignConnection"], smartlead.OutputTypes);
        Assert.True(_surface["Disconnect-Smartlead"]["Connection"].Sets.Single().FromPipeline);
    }

    [Fact]
    public void New_SmartleadCampaign_has_an_optional_name_and_a_client_id()
    {
        CmdletInfo cmdlet = _surface["New-SmartleadCampaign"];

        Assert.False(cmdlet["Name"].MandatoryAnywhere);
        Assert.True(cmdlet["Name"].ByPropertyName);
        Assert.Equal("System.Int64", cmdlet["ClientId"].TypeName);
        Assert.Equal([Campaign], cmdlet.OutputTypes);
    }

    [Fact]
    public void Get_SmartleadCampaign_reads_one_by_id_or_lists()
    {
        CmdletInfo cmdlet = _surface["Get-SmartleadCampaign"];

        Assert.Equal("List", cmdlet.DefaultParameterSetName);
        Assert.True(cmdlet["CampaignId"].MandatoryIn("ById"));
        Assert.Equal(["List"], cmdlet["Name"].Sets.Select(s => s.SetName));
        Assert.Equal(["List"], cmdlet["ClientId"].Sets.Select(s => s.SetName));
    }

    [Fact]
    public void Add_SmartleadLead_takes_leads_from_the_pipeline_and_writes_a_summary()
    {
        CmdletInfo cmdlet = _surface["Add-SmartleadLead"];

        Assert.True(cmdlet["Lead"].Sets.Single().FromPipeline);
        Assert.True(cmdlet["Lead"].MandatoryAnywhere);
        Assert.Equal("System.Object[]", cmdlet["Lead"].TypeName);
        Assert.Contains("CampaignPS.Engine.Smartlead.SmartleadLeadImportResult", cmdlet.OutputTypes);
        foreach (string flag in new[] { "IgnoreGlobalBlockList", "IgnoreUnsubscribeList", "DuplicateAsWarning" })
        {
            Assert.Equal("System.Management.Automation.SwitchParameter", cmdlet[flag].TypeName);
        }

        // Not in the leads API reference's settings: it would be sent to a server that does not document it.
        Assert.False(cmdlet.Has("IgnoreDuplicateLeadsInOtherCampaign"));
    }

    [Fact]
    public void Schedule_sequence_settings_and_accounts_take_the_documented_values()
    {
        CmdletInfo schedule = _surface["Set-SmartleadSchedule"];
        CmdletInfo settings = _surface["Set-SmartleadSetting"];

        Assert.Equal("System.DayOfWeek[]", schedule["Day"].TypeName);
        Assert.True(schedule["TimeZone"].MandatoryAnywhere);
        Assert.Equal("System.Int32", schedule["StartHour"].TypeName);
        Assert.Equal("System.Object[]", _surface["Set-SmartleadSequence"]["Step"].TypeName);
        Assert.Equal("System.Int64[]", _surface["Add-SmartleadEmailAccount"]["EmailAccountId"].TypeName);
        Assert.Equal("CampaignPS.Engine.Smartlead.SmartleadStopCondition", settings["StopLeadOn"].TypeName);
        Assert.Equal("CampaignPS.Engine.Smartlead.SmartleadVocabulary", settings["Vocabulary"].TypeName);
        foreach (string name in new[] { "TrackOpen", "TrackClick", "UnsubscribeText", "PlainText", "FollowUpPercentage" })
        {
            Assert.True(settings.Has(name), $"Set-SmartleadSetting has no -{name}");
        }

        // The reference's CampaignSettings has no client_id: a server that follows it would keep null while -PassThru claimed the value.
        Assert.False(settings.Has("ClientId"));
    }
}
