using CampaignPS.Tests.Support;
using Xunit;

namespace CampaignPS.Tests.Surface;

/// <summary>Export-/Sync-SmartleadCampaign and Export-/Sync-LoopsCampaign as the campaigns-as-code part of issue 16 describes them.</summary>
public sealed class CampaignAsCodeSurfaceTests : IClassFixture<SurfaceFixture>
{
    private readonly CmdletSurface _surface;

    public CampaignAsCodeSurfaceTests(SurfaceFixture fixture) => _surface = fixture.Surface;

    [Theory]
    [InlineData("Export-SmartleadCampaign")]
    [InlineData("Export-LoopsCampaign")]
    public void Export_takes_campaigns_from_the_pipeline_and_writes_files_without_changing_anything_remote(string name)
    {
        CmdletInfo export = _surface[name];

        Assert.False(export.SupportsShouldProcess);
        ParameterInfo id = export["CampaignId"];
        Assert.True(id.MandatoryAnywhere);
        Assert.True(id.ByPropertyName);
        Assert.Contains("Id", id.Aliases);
        Assert.True(export["Path"].MandatoryAnywhere);
        Assert.Equal(["System.IO.FileInfo"], export.OutputTypes);
    }

    [Theory]
    [InlineData("Sync-SmartleadCampaign", "CampaignPS.Engine.Smartlead.SmartleadCampaign", "CampaignPS.Engine.Smartlead.SmartleadPlanStep")]
    [InlineData("Sync-LoopsCampaign", "CampaignPS.Engine.Loops.LoopsCampaign", "CampaignPS.Engine.Loops.LoopsPlanStep")]
    public void Sync_supports_WhatIf_at_Medium_impact_and_writes_the_campaign_or_the_plan(string name, string campaign, string step)
    {
        CmdletInfo sync = _surface[name];

        Assert.True(sync.SupportsShouldProcess);
        Assert.Equal("Medium", sync.ConfirmImpact);
        Assert.True(sync["Definition"].MandatoryAnywhere);
        Assert.False(sync["CampaignId"].MandatoryAnywhere);
        Assert.True(sync["CampaignId"].ByPropertyName);
        Assert.True(sync["Name"].ByPropertyName);
        Assert.Equal([campaign, step], sync.OutputTypes);
    }

    [Fact]
    public void Smartlead_export_can_stream_the_leads_and_sync_files_a_new_campaign_under_a_client()
    {
        Assert.Contains("campaign_id", _surface["Export-SmartleadCampaign"]["CampaignId"].Aliases);
        Assert.Equal("System.String", _surface["Export-SmartleadCampaign"]["IncludeLeads"].TypeName);
        Assert.Contains("client_id", _surface["Sync-SmartleadCampaign"]["ClientId"].Aliases);
    }

    [Fact]
    public void Loops_campaign_ids_are_text_and_sync_cannot_schedule_or_send()
    {
        Assert.Equal("System.String", _surface["Export-LoopsCampaign"]["CampaignId"].TypeName);
        Assert.Equal("System.String", _surface["Sync-LoopsCampaign"]["CampaignId"].TypeName);
        Assert.False(_surface["Sync-LoopsCampaign"].Has("ScheduleAt"));
        Assert.False(_surface["Sync-LoopsCampaign"].Has("SendNow"));
    }
}
