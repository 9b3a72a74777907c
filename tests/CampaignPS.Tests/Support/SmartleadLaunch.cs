using CampaignPS.Engine.Smartlead;
using Xunit;
using SmartleadEmailEvent = CampaignPS.Sandbox.Platforms.Smartlead.SmartleadEmailEvent;

namespace CampaignPS.Tests.Support;

/// <summary>A launched Smartlead campaign in the sandbox: two steps, mailboxes 456 and 457, the given leads, started.</summary>
internal static class SmartleadLaunch
{
    public static async Task<long> StartAsync(SmartleadSandbox sandbox, SmartleadClient client, params string[] emails)
    {
        var campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "After launch" });
        await client.SetSequenceAsync(campaign.Id,
        [
            new SmartleadSequenceStep { Subject = "Quick question", Body = "Hi {{first_name}}" },
            new SmartleadSequenceStep { Body = "Following up", DelayDays = 2 },
        ]);
        await client.AddEmailAccountsAsync(campaign.Id, [456, 457]);
        var leads = emails.Select((email, i) => SmartleadLead.FromFields([new("email", email), new("first_name", "Lead" + i), new("Tier", "Gold")], i + 1));
        var result = await client.ImportLeadsAsync(campaign.Id, leads);
        Assert.Equal(emails.Length, result.Inserted);
        await client.SetStatusAsync(campaign.Id, SmartleadStatusChange.Start);
        Assert.Equal("ACTIVE", sandbox.State.Campaign(campaign.Id)!.Status);
        return campaign.Id;
    }

    /// <summary>The sandbox's lead id for an address in a campaign.</summary>
    public static long LeadId(SmartleadSandbox sandbox, long campaignId, string email) =>
        sandbox.State.Leads(campaignId).Single(l => l.Email == email).Id;

    /// <summary>Sends the next step to every active lead and records the given events on their latest emails.</summary>
    public static void Deliver(SmartleadSandbox sandbox, long campaignId, params (string Email, SmartleadEmailEvent Event)[] events)
    {
        sandbox.State.Deliver(campaignId);
        foreach (var (email, happened) in events)
        {
            sandbox.State.RecordEvent(campaignId, email, happened);
        }
    }
}
