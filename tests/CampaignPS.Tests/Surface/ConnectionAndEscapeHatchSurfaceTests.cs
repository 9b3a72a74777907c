using CampaignPS.Tests.Support;
using Xunit;

namespace CampaignPS.Tests.Surface;

/// <summary>What every platform shares: connecting through proxies, listing connections, the Invoke-*Request escape hatch.</summary>
public sealed class ConnectionAndEscapeHatchSurfaceTests : IClassFixture<SurfaceFixture>
{
    private static readonly string[] Platforms = ["Loops", "Smartlead", "Outbox", "Sms"];
    private readonly CmdletSurface _surface;

    public ConnectionAndEscapeHatchSurfaceTests(SurfaceFixture fixture) => _surface = fixture.Surface;

    public static TheoryData<string> ConnectCmdlets => new() { "Connect-Loops", "Connect-Smartlead", "Connect-Outbox", "Connect-SmsPlatform" };

    [Theory]
    [MemberData(nameof(ConnectCmdlets))]
    public void Every_Connect_cmdlet_takes_a_proxy_with_credentials(string name)
    {
        CmdletInfo cmdlet = _surface[name];

        Assert.Equal("System.Uri", cmdlet["Proxy"].TypeName);
        Assert.Equal("System.Management.Automation.PSCredential", cmdlet["ProxyCredential"].TypeName);
        Assert.Equal("System.Management.Automation.SwitchParameter", cmdlet["ProxyUseDefaultCredentials"].TypeName);
        Assert.Equal("System.Management.Automation.PSCredential", cmdlet["Credential"].TypeName);
        Assert.Equal("System.Security.SecureString", cmdlet["ApiKey"].TypeName);
    }

    [Fact]
    public void Get_CampaignConnection_lists_connections_by_platform()
    {
        CmdletInfo cmdlet = _surface["Get-CampaignConnection"];
        Type connection = _surface.FindType("CampaignPS.Connections.CampaignConnection");

        Assert.Equal(["CampaignPS.Connections.CampaignConnection"], cmdlet.OutputTypes);
        Assert.Equal("CampaignPS.Engine.Platforms.Platform[]", cmdlet["Platform"].TypeName);
        Assert.True(cmdlet.Has("Default"));
        Assert.DoesNotContain(connection.GetProperties(), p => p.Name.Contains("Key", StringComparison.Ordinal) && p.Name != "KeySource");
        Assert.DoesNotContain(connection.GetProperties(), p => p.Name.Contains("Secret", StringComparison.Ordinal) || p.Name.Contains("Token", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Loops")]
    [InlineData("Smartlead")]
    [InlineData("Outbox")]
    [InlineData("Sms")]
    public void Every_platform_has_an_escape_hatch_with_WhatIf(string platform)
    {
        CmdletInfo cmdlet = _surface[$"Invoke-{platform}Request"];

        Assert.True(cmdlet.SupportsShouldProcess);
        Assert.True(cmdlet["Path"].MandatoryAnywhere);
        Assert.True(cmdlet.Has("Connection"));
        foreach (string parameter in new[] { "Method", "Body", "Query", "Idempotent", "Raw" })
        {
            Assert.True(cmdlet.Has(parameter), $"Invoke-{platform}Request has no -{parameter}");
        }

        Assert.Contains(Platforms, p => p == platform);
    }
}

/// <summary>Tab completion: time zones everywhere they are taken, ids that can be looked up.</summary>
public sealed class CompletionSurfaceTests : IClassFixture<SurfaceFixture>
{
    private readonly CmdletSurface _surface;

    public CompletionSurfaceTests(SurfaceFixture fixture) => _surface = fixture.Surface;

    [Theory]
    [InlineData("Set-SmartleadSchedule", "TimeZone", "TimeZoneCompleter")]
    [InlineData("New-OutboxCampaign", "TimeZone", "TimeZoneCompleter")]
    [InlineData("New-LoopsCampaign", "MailingListId", "LoopsMailingListCompleter")]
    [InlineData("Set-LoopsCampaign", "MailingListId", "LoopsMailingListCompleter")]
    [InlineData("Set-LoopsCampaign", "AudienceSegmentId", "LoopsAudienceSegmentCompleter")]
    [InlineData("New-LoopsCampaign", "CampaignGroupId", "LoopsCampaignGroupCompleter")]
    [InlineData("Get-LoopsAudienceSegment", "AudienceSegmentId", "LoopsAudienceSegmentCompleter")]
    [InlineData("Get-LoopsCampaignGroup", "CampaignGroupId", "LoopsCampaignGroupCompleter")]
    [InlineData("Get-LoopsCampaign", "CampaignId", "LoopsCampaignCompleter")]
    [InlineData("Set-LoopsCampaign", "CampaignId", "LoopsCampaignCompleter")]
    [InlineData("Start-SmartleadCampaign", "CampaignId", "SmartleadCampaignCompleter")]
    [InlineData("Add-SmartleadLead", "CampaignId", "SmartleadCampaignCompleter")]
    [InlineData("Get-SmartleadCampaign", "CampaignId", "SmartleadCampaignCompleter")]
    [InlineData("Add-SmartleadEmailAccount", "EmailAccountId", "SmartleadEmailAccountCompleter")]
    [InlineData("Send-SmsCampaign", "CampaignId", "SmsCampaignCompleter")]
    [InlineData("Get-SmsCampaign", "CampaignId", "SmsCampaignCompleter")]
    public void Parameter_has_a_completer(string cmdlet, string parameter, string completer)
    {
        var property = _surface[cmdlet].Type.GetProperty(parameter)!;
        var attribute = property.GetCustomAttributesData().Single(a => a.AttributeType.Name == "ArgumentCompleterAttribute");

        Assert.Equal("CampaignPS.Infrastructure.Completion." + completer, ((Type)attribute.ConstructorArguments[0].Value!).FullName);
    }
}
