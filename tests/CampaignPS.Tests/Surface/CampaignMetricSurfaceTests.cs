using CampaignPS.Tests.Support;
using Xunit;

namespace CampaignPS.Tests.Surface;

/// <summary>Get-CampaignMetric as issue 16 describes it, read from the compiled module.</summary>
public sealed class CampaignMetricSurfaceTests : IClassFixture<SurfaceFixture>
{
    private readonly CmdletSurface _surface;

    public CampaignMetricSurfaceTests(SurfaceFixture fixture) => _surface = fixture.Surface;

    [Fact]
    public void Get_CampaignMetric_only_reads_and_writes_the_one_shared_shape()
    {
        CmdletInfo cmdlet = _surface["Get-CampaignMetric"];

        Assert.False(cmdlet.SupportsShouldProcess);
        Assert.Equal(["CampaignPS.Engine.Metrics.CampaignMetric"], cmdlet.OutputTypes);
        Assert.True(_surface.FindType("CampaignPS.Engine.Metrics.CampaignMetric").IsSealed);
    }

    [Fact]
    public void Get_CampaignMetric_takes_campaign_objects_from_the_pipeline_or_a_platform_and_ids()
    {
        CmdletInfo cmdlet = _surface["Get-CampaignMetric"];

        Assert.Equal("Campaign", cmdlet.DefaultParameterSetName);
        ParameterSetBinding input = Assert.Single(cmdlet["InputObject"].Sets);
        Assert.True(input.FromPipeline && input.Mandatory);
        Assert.Contains("ValidateCampaignObjectAttribute", cmdlet["InputObject"].Attributes);
        Assert.Equal("CampaignPS.Engine.Platforms.Platform", cmdlet["Platform"].TypeName);
        Assert.Equal(("Id", 0), (cmdlet["Platform"].Sets.Single().SetName, cmdlet["Platform"].Sets.Single().Position));
        Assert.Equal("System.String[]", cmdlet["CampaignId"].TypeName);
        Assert.Equal(("Id", 1), (cmdlet["CampaignId"].Sets.Single().SetName, cmdlet["CampaignId"].Sets.Single().Position));
        Assert.Equal("CampaignPS.Connections.CampaignConnection[]", cmdlet["Connection"].TypeName);
    }
}
