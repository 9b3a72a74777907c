using CampaignPS.Tests.Support;
using Xunit;

namespace CampaignPS.Tests.Surface;

/// <summary>Export-/Sync-SmartleadCampaign and Export-/Sync-LoopsCampaign as the campaigns-as-code part of issue 16 describes them.</summary>
public sealed class CampaignAsCodeSurfaceTests : IClassFixture<SurfaceFixture>
{
    private readonly CmdletSurface _surface;

    public CampaignAsCodeSurfaceTests(SurfaceFixture fixture) => _surface = fixture.Surface;

    [Fact]
    public void Export_takes_campaigns_from_the_pipeline_and_writes_files_without_changing_anything_remote()
    {
        CmdletInfo export = _surface["Export-SmartleadCampaign"];

        Assert.False(export.SupportsShouldProcess);
        ParameterInfo id = export["CampaignId"];
        Assert.True(id.MandatoryAnywhere);
        Assert.True(id.ByPropertyName);
        Assert.Contains("Id", id.Aliases);
        Assert.Contains("campaign_id", id.Aliases);
        Assert.True(export["Path"].MandatoryAnywhere);
        Assert.Equal("System.String", export["IncludeLeads"].TypeName);
        Assert.Equal(["System.IO.FileInfo"], export.OutputTypes);
    }

    [Fact]
    public void Sync_supports_WhatIf_at_Medium_impact_and_writes_the_campaign_or_the_plan()
    {
        CmdletInfo sync = _surface["Sync-SmartleadCampaign"];

        Assert.True(sync.SupportsShouldProcess);
        Assert.Equal("Medium", sync.ConfirmImpact);
        Assert.True(sync["Definition"].MandatoryAnywhere);
        Assert.False(sync["CampaignId"].MandatoryAnywhere);
        Assert.True(sync["CampaignId"].ByPropertyName);
        Assert.Contains("client_id", sync["ClientId"].Aliases);
        Assert.Contains("CampaignPS.Engine.Smartlead.SmartleadCampaign", sync.OutputTypes);
        Assert.Contains("CampaignPS.Engine.Smartlead.SmartleadPlanStep", sync.OutputTypes);
    }

    [Fact]
    public void Export_LoopsCampaign_takes_campaigns_from_the_pipeline_and_writes_files_without_changing_anything_remote()
    {
        CmdletInfo export = _surface["Export-LoopsCampaign"];

        Assert.False(export.SupportsShouldProcess);
        ParameterInfo id = export["CampaignId"];
        Assert.True(id.MandatoryAnywhere);
        Assert.True(id.ByPropertyName);
        Assert.Equal("System.String", id.TypeName);
        Assert.Contains("Id", id.Aliases);
        Assert.True(export["Path"].MandatoryAnywhere);
        Assert.Equal(["System.IO.FileInfo"], export.OutputTypes);
    }

    [Fact]
    public void Sync_LoopsCampaign_supports_WhatIf_at_Medium_impact_writes_the_campaign_or_the_plan_and_cannot_schedule()
    {
        CmdletInfo sync = _surface["Sync-LoopsCampaign"];

        Assert.True(sync.SupportsShouldProcess);
        Assert.Equal("Medium", sync.ConfirmImpact);
        Assert.True(sync["Definition"].MandatoryAnywhere);
        Assert.False(sync["CampaignId"].MandatoryAnywhere);
        Assert.True(sync["CampaignId"].ByPropertyName);
        Assert.True(sync["Name"].ByPropertyName);
        Assert.False(sync.Has("ScheduleAt"));
        Assert.False(sync.Has("SendNow"));
        Assert.Equal(["CampaignPS.Engine.Loops.LoopsCampaign", "CampaignPS.Engine.Loops.LoopsPlanStep"], sync.OutputTypes);
    }
}
