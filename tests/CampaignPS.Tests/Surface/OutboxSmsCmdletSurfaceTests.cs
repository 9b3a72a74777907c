using CampaignPS.Tests.Support;
using Xunit;

namespace CampaignPS.Tests.Surface;

/// <summary>The Outbox and SMS (Tether) cmdlets as their issue describes them, read from the compiled module.</summary>
public sealed class OutboxSmsCmdletSurfaceTests : IClassFixture<SurfaceFixture>
{
    private readonly CmdletSurface _surface;

    public OutboxSmsCmdletSurfaceTests(SurfaceFixture fixture) => _surface = fixture.Surface;

    [Theory]
    [InlineData("New-OutboxCampaign", true, "Medium", "CampaignPS.Engine.Outbox.OutboxCampaign")]
    [InlineData("New-OutboxSender", true, "Medium", "CampaignPS.Engine.Outbox.OutboxSender")]
    [InlineData("Add-OutboxContact", true, "Medium", "CampaignPS.Engine.Outbox.OutboxContact")]
    [InlineData("New-SmsCampaign", true, "Medium", "CampaignPS.Engine.Sms.SmsCampaign")]
    [InlineData("Get-SmsCampaign", false, "Medium", "CampaignPS.Engine.Sms.SmsCampaign")]
    [InlineData("Test-SmsCampaignContact", false, "Medium", "CampaignPS.Engine.Sms.SmsContactValidation")]
    [InlineData("Send-SmsCampaign", true, "High", "CampaignPS.Engine.Sms.SmsCampaign")]
    [InlineData("Stop-SmsCampaign", true, "High", "CampaignPS.Engine.Sms.SmsCampaign")]
    [InlineData("Set-SmsCampaign", true, "Medium", "CampaignPS.Engine.Sms.SmsCampaign")]
    [InlineData("Get-SmsAutoSegment", false, "Medium", "CampaignPS.Engine.Sms.SmsCampaignSegment")]
    public void Cmdlet_declares_ShouldProcess_impact_and_output(string name, bool shouldProcess, string impact, string output)
    {
        CmdletInfo cmdlet = _surface[name];

        Assert.Equal(shouldProcess, cmdlet.SupportsShouldProcess);
        Assert.Equal(impact, cmdlet.ConfirmImpact);
        Assert.Equal([output], cmdlet.OutputTypes);
    }

    [Fact]
    public void Connect_Outbox_takes_a_default_company_and_Connect_SmsPlatform_a_token()
    {
        Assert.Equal("System.Guid", _surface["Connect-Outbox"]["Company"].TypeName);
        Assert.Contains("Token", _surface["Connect-SmsPlatform"]["ApiKey"].Aliases);
        Assert.Equal("System.Security.SecureString", _surface["Connect-SmsPlatform"]["ApiKey"].TypeName);
        Assert.True(_surface["Disconnect-Outbox"]["Connection"].Sets.Single().FromPipeline);
        Assert.True(_surface["Disconnect-SmsPlatform"]["Connection"].Sets.Single().FromPipeline);
    }

    [Fact]
    public void Connect_SmsPlatform_signs_in_in_its_own_set_and_Remove_SmsCampaign_is_High_and_writes_nothing()
    {
        ParameterInfo signIn = _surface["Connect-SmsPlatform"]["SignInCredential"];

        Assert.Equal("System.Management.Automation.PSCredential", signIn.TypeName);
        Assert.Equal(["SignIn"], signIn.Sets.Select(s => s.SetName));
        Assert.DoesNotContain("SignIn", _surface["Connect-SmsPlatform"]["Credential"].Sets.Select(s => s.SetName));
        Assert.Equal("High", _surface["Remove-SmsCampaign"].ConfirmImpact);
        Assert.Empty(_surface["Remove-SmsCampaign"].OutputTypes);
    }

    [Fact]
    public void New_OutboxCampaign_takes_the_documented_fields()
    {
        CmdletInfo cmdlet = _surface["New-OutboxCampaign"];

        Assert.True(cmdlet["Name"].MandatoryAnywhere);
        Assert.True(cmdlet["Name"].ByPropertyName);
        Assert.Equal("System.Guid", cmdlet["Company"].TypeName);
        Assert.Equal("System.Guid[]", cmdlet["SenderIdentityId"].TypeName);
        Assert.Equal("CampaignPS.Engine.Outbox.OutboxSendingWindow[]", cmdlet["AllowedWindow"].TypeName);
        Assert.Equal("CampaignPS.Engine.Outbox.OutboxCampaignStatus", cmdlet["Status"].TypeName);
        foreach (string name in new[] { "Description", "TimeZone", "StopOnReply", "Workflow", "ResponderAgent", "Force" })
        {
            Assert.True(cmdlet.Has(name), $"New-OutboxCampaign has no -{name}");
        }
    }

    [Fact]
    public void Outbox_sending_windows_convert_from_text_as_PowerShell_converts_arguments()
    {
        Type window = _surface.FindType("CampaignPS.Engine.Outbox.OutboxSendingWindow");

        Assert.NotNull(window.GetMethod("Parse", [_surface.FindType("System.String")]));
    }

    [Fact]
    public void Contacts_come_from_the_pipeline_for_Outbox_and_SMS()
    {
        Assert.True(_surface["Add-OutboxContact"]["Contact"].Sets.Single().FromPipeline);
        Assert.Equal("CampaignPS.Engine.Outbox.OutboxLeadSource", _surface["Add-OutboxContact"]["LeadSource"].TypeName);
        Assert.True(_surface["New-SmsCampaign"]["NewContact"].Sets.Single().FromPipeline);
        Assert.True(_surface["Test-SmsCampaignContact"]["Contact"].Sets.Single().FromPipeline);
    }

    [Fact]
    public void New_SmsCampaign_groups_by_CampaignName_only_never_by_a_contacts_Name_column()
    {
        CmdletInfo cmdlet = _surface["New-SmsCampaign"];

        Assert.False(cmdlet["Name"].ByPropertyName);
        Assert.True(cmdlet["CampaignName"].ByPropertyName);
        Assert.Empty(cmdlet["CampaignName"].Aliases);
        Assert.True(cmdlet["Message"].MandatoryAnywhere);
        foreach (string name in new[] { "ExistingContact", "ExistingContactId", "ScheduleDate", "Autopilot", "Type", "Process", "Segmentation", "Assignment", "DefaultCountryCode", "Force" })
        {
            Assert.True(cmdlet.Has(name), $"New-SmsCampaign has no -{name}");
        }
    }

    [Theory]
    [InlineData("Send-SmsCampaign")]
    [InlineData("Stop-SmsCampaign")]
    [InlineData("Set-SmsCampaign")]
    [InlineData("Remove-SmsCampaign")]
    public void Campaign_actions_bind_the_campaign_from_the_pipeline_and_take_Force(string name)
    {
        CmdletInfo cmdlet = _surface[name];

        Assert.True(cmdlet["CampaignId"].ByPropertyName);
        Assert.Contains("Id", cmdlet["CampaignId"].Aliases);
        Assert.Contains("_id", cmdlet["CampaignId"].Aliases);
        Assert.True(cmdlet.Has("Force"));
    }
}
