using CampaignPS.Tests.Support;
using Xunit;

namespace CampaignPS.Tests.Surface;

/// <summary>The readiness cmdlets as issue 16 describes them, read from the compiled module.</summary>
public sealed class ReadinessSurfaceTests : IClassFixture<SurfaceFixture>
{
    private readonly CmdletSurface _surface;

    public ReadinessSurfaceTests(SurfaceFixture fixture) => _surface = fixture.Surface;

    [Theory]
    [InlineData("Test-SmartleadCampaign", "System.Int64", "Id", "campaign_id")]
    [InlineData("Test-SmsCampaign", "System.String", "Id", "_id")]
    [InlineData("Test-LoopsCampaign", "System.String", "Id", "Id")]
    public void Readiness_cmdlets_only_read_take_campaigns_from_the_pipeline_and_write_findings_or_bools(string name, string idType, string alias1, string alias2)
    {
        CmdletInfo cmdlet = _surface[name];

        Assert.False(cmdlet.SupportsShouldProcess);
        Assert.Equal(["CampaignPS.Engine.Readiness.CampaignReadinessFinding", "System.Boolean"], cmdlet.OutputTypes);
        Assert.Equal(idType, cmdlet["CampaignId"].TypeName);
        Assert.True(cmdlet["CampaignId"].ByPropertyName);
        Assert.True(cmdlet["CampaignId"].Sets.Single().FromPipeline);
        Assert.Contains(alias1, cmdlet["CampaignId"].Aliases);
        Assert.Contains(alias2, cmdlet["CampaignId"].Aliases);
        Assert.Equal("System.Management.Automation.SwitchParameter", cmdlet["Quiet"].TypeName);
        Assert.False(cmdlet.Has("Force"));
    }

    [Theory]
    [InlineData("Start-SmartleadCampaign")]
    [InlineData("Send-SmsCampaign")]
    public void Launch_cmdlets_keep_Force_and_High_impact(string name)
    {
        CmdletInfo cmdlet = _surface[name];

        Assert.True(cmdlet.SupportsShouldProcess);
        Assert.Equal("High", cmdlet.ConfirmImpact);
        Assert.True(cmdlet.Has("Force"));
    }
}
