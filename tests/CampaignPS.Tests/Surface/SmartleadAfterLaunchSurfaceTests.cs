using CampaignPS.Tests.Support;
using Xunit;

namespace CampaignPS.Tests.Surface;

/// <summary>The Smartlead after-launch cmdlets as the after-launch issue describes them, read from the compiled module.</summary>
public sealed class SmartleadAfterLaunchSurfaceTests : IClassFixture<SurfaceFixture>
{
    private const string Engine = "CampaignPS.Engine.Smartlead.";
    private static readonly string[] LeadCmdlets = ["Suspend-SmartleadLead", "Resume-SmartleadLead", "Remove-SmartleadLead", "Unregister-SmartleadLead", "Set-SmartleadLeadCategory"];
    private static readonly string[] CampaignReaders =
        ["Get-SmartleadLead", "Get-SmartleadCampaignStatistic", "Get-SmartleadCampaignAnalytics", "Get-SmartleadSequence", "Get-SmartleadEmailAccount", "Get-SmartleadWebhook", "Get-SmartleadAnalytics"];

    private readonly CmdletSurface _surface;

    public SmartleadAfterLaunchSurfaceTests(SurfaceFixture fixture) => _surface = fixture.Surface;

    [Theory]
    [InlineData("Get-SmartleadLead", false, "Medium")]
    [InlineData("Suspend-SmartleadLead", true, "Medium")]
    [InlineData("Resume-SmartleadLead", true, "Medium")]
    [InlineData("Set-SmartleadLeadCategory", true, "Medium")]
    [InlineData("Remove-SmartleadLead", true, "High")]
    [InlineData("Unregister-SmartleadLead", true, "High")]
    [InlineData("Remove-SmartleadEmailAccount", true, "High")]
    [InlineData("New-SmartleadWebhook", true, "Medium")]
    [InlineData("Set-SmartleadWebhook", true, "Medium")]
    [InlineData("Remove-SmartleadWebhook", true, "High")]
    [InlineData("Set-SmartleadWarmup", true, "Medium")]
    [InlineData("Suspend-SmartleadEmailAccount", true, "Medium")]
    [InlineData("Resume-SmartleadEmailAccount", true, "Medium")]
    [InlineData("Get-SmartleadCampaignStatistic", false, "Medium")]
    [InlineData("Get-SmartleadWarmupStatistic", false, "Medium")]
    public void Cmdlet_declares_ShouldProcess_and_impact(string name, bool shouldProcess, string impact)
    {
        CmdletInfo cmdlet = _surface[name];

        Assert.Equal(shouldProcess, cmdlet.SupportsShouldProcess);
        Assert.Equal(impact, cmdlet.ConfirmImpact);
    }

    [Theory]
    [InlineData("Remove-SmartleadLead")]
    [InlineData("Unregister-SmartleadLead")]
    [InlineData("Remove-SmartleadEmailAccount")]
    [InlineData("Remove-SmartleadWebhook")]
    public void What_cannot_be_undone_takes_Force_for_runbooks(string name) => Assert.True(_surface[name].Has("Force"));

    [Fact]
    public void Every_lead_cmdlet_takes_Get_SmartleadLeads_output_from_the_pipeline()
    {
        Type lead = _surface.FindType(Engine + "SmartleadCampaignLead");
        Assert.NotNull(lead.GetProperty("Id"));
        Assert.NotNull(lead.GetProperty("CampaignId"));
        foreach (string name in LeadCmdlets)
        {
            CmdletInfo cmdlet = _surface[name];
            Assert.True(cmdlet["CampaignId"].ByPropertyName && cmdlet["CampaignId"].MandatoryAnywhere, $"{name} -CampaignId");
            Assert.True(cmdlet["LeadId"].ByPropertyName && cmdlet["LeadId"].MandatoryAnywhere, $"{name} -LeadId");
            Assert.Equal(["Id", "lead_id"], cmdlet["LeadId"].Aliases);
            Assert.Contains("campaign_id", cmdlet["CampaignId"].Aliases);
            Assert.Equal("System.Int32", cmdlet["ThrottleLimit"].TypeName);
            if (name != "Remove-SmartleadLead")
            {
                Assert.True(cmdlet.Has("PassThru"), $"{name} has no -PassThru");
                Assert.Equal([Engine + "SmartleadCampaignLead"], cmdlet.OutputTypes);
            }
        }
    }

    [Fact]
    public void Every_reader_takes_campaigns_from_Get_SmartleadCampaign()
    {
        foreach (string name in CampaignReaders)
        {
            ParameterInfo id = _surface[name]["CampaignId"];
            Assert.True(id.ByPropertyName, $"{name} -CampaignId does not bind by property name");
            Assert.Contains("Id", id.Aliases);
            Assert.Contains("campaign_id", id.Aliases);
        }
    }

    [Theory]
    [InlineData("Get-SmartleadLead", Engine + "SmartleadCampaignLead")]
    [InlineData("Get-SmartleadCampaignStatistic", Engine + "SmartleadCampaignStatistic")]
    [InlineData("Get-SmartleadEmailAccount", Engine + "SmartleadEmailAccount")]
    [InlineData("Get-SmartleadAnalytics", Engine + "SmartleadCampaignAnalytics")]
    public void Paged_readers_are_bounded_by_All_and_First(string name, string output)
    {
        CmdletInfo cmdlet = _surface[name];

        Assert.Equal("System.Management.Automation.SwitchParameter", cmdlet["All"].TypeName);
        Assert.Equal("System.Int32", cmdlet["First"].TypeName);
        Assert.Contains(output, cmdlet.OutputTypes);
    }

    [Fact]
    public void Get_SmartleadLead_lists_a_campaign_or_finds_by_email()
    {
        CmdletInfo cmdlet = _surface["Get-SmartleadLead"];

        Assert.Equal("Campaign", cmdlet.DefaultParameterSetName);
        Assert.True(cmdlet["CampaignId"].MandatoryIn("Campaign"));
        Assert.True(cmdlet["Email"].MandatoryIn("Email"));
        Assert.Equal(Engine + "SmartleadLeadStatus", cmdlet["Status"].TypeName);
    }

    [Fact]
    public void Webhook_events_are_an_enum_and_webhooks_pipe_into_Set_and_Remove()
    {
        Type webhook = _surface.FindType(Engine + "SmartleadWebhook");
        Assert.Equal(Engine + "SmartleadWebhookEvent[]", _surface["New-SmartleadWebhook"]["EventType"].TypeName);
        Assert.True(_surface.FindType(Engine + "SmartleadWebhookEvent").IsEnum);
        Assert.Contains("EventTypes", _surface["Set-SmartleadWebhook"]["EventType"].Aliases);
        Assert.NotNull(webhook.GetProperty("EventTypes"));
        foreach (string name in new[] { "Set-SmartleadWebhook", "Remove-SmartleadWebhook" })
        {
            Assert.Contains("Id", _surface[name]["WebhookId"].Aliases);
            Assert.True(_surface[name]["WebhookId"].ByPropertyName);
            Assert.True(_surface[name]["CampaignId"].ByPropertyName);
        }
    }

    [Fact]
    public void Sequence_steps_round_trip_and_mailbox_cmdlets_take_email_accounts_from_the_pipeline()
    {
        Assert.Equal([Engine + "SmartleadSequenceStep"], _surface["Get-SmartleadSequence"].OutputTypes);
        Assert.NotNull(_surface.FindType(Engine + "SmartleadSequenceStep").GetProperty("Variants"));
        foreach (string name in new[] { "Set-SmartleadWarmup", "Get-SmartleadWarmupStatistic", "Suspend-SmartleadEmailAccount", "Resume-SmartleadEmailAccount" })
        {
            ParameterInfo id = _surface[name]["EmailAccountId"];
            Assert.True(id.ByPropertyName, $"{name} -EmailAccountId");
            Assert.Equal(["Id", "email_account_id"], id.Aliases);
        }

        Assert.Equal("System.Int64[]", _surface["Remove-SmartleadEmailAccount"]["EmailAccountId"].TypeName);
    }

    [Theory]
    [InlineData("Suspend-SmartleadLead", "LeadId", "SmartleadLeadCompleter")]
    [InlineData("Remove-SmartleadLead", "LeadId", "SmartleadLeadCompleter")]
    [InlineData("Set-SmartleadLeadCategory", "CategoryId", "SmartleadLeadCategoryCompleter")]
    [InlineData("Get-SmartleadLead", "CategoryId", "SmartleadLeadCategoryCompleter")]
    [InlineData("Get-SmartleadLead", "CampaignId", "SmartleadCampaignCompleter")]
    [InlineData("Set-SmartleadWebhook", "WebhookId", "SmartleadWebhookCompleter")]
    [InlineData("Remove-SmartleadWebhook", "WebhookId", "SmartleadWebhookCompleter")]
    [InlineData("Get-SmartleadEmailAccount", "EmailAccountId", "SmartleadEmailAccountCompleter")]
    [InlineData("Set-SmartleadWarmup", "EmailAccountId", "SmartleadEmailAccountCompleter")]
    [InlineData("Get-SmartleadAnalytics", "TimeZone", "TimeZoneCompleter")]
    public void Typed_ids_complete(string cmdlet, string parameter, string completer)
    {
        var property = _surface[cmdlet].Type.GetProperty(parameter)!;
        var attribute = property.GetCustomAttributesData().Single(a => a.AttributeType.Name == "ArgumentCompleterAttribute");

        Assert.Equal("CampaignPS.Infrastructure.Completion." + completer, ((Type)attribute.ConstructorArguments[0].Value!).FullName);
    }
}
