using CampaignPS.Engine.Paging;
using CampaignPS.Engine.Smartlead;
using CampaignPS.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace CampaignPS.Tests.Engine;

/// <summary>
/// Get-SmartleadLead -All reads the way this test does (a CursorPager, one page at a time, each page handed on and let go),
/// so memory stays flat however many leads a campaign has. The sandbox is in this process: its 100,000 leads are on the
/// heap before the baseline is taken, and reading does not add to them.
/// </summary>
[Collection(HeavyLoadCollection.Name)]
public sealed class SmartleadLeadStreamingTests(ITestOutputHelper output)
{
    private const int Leads = 100_000;

    [Fact]
    public async Task Reading_100000_leads_page_by_page_keeps_memory_flat()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client(options => options.LoggerFactory = null);
        var campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Streamed" });
        sandbox.State.SeedLeads(campaign.Id, Leads);
        var pager = new CursorPager<SmartleadCampaignLead>((cursor, token) => client.Leads.GetPageAsync(campaign.Id, null, cursor, null, token), allPages: true, maxItems: null);

        // One page first, so that the first request's one-off allocations (JIT, connection, buffers) are in the baseline.
        long read = (await pager.NextAsync(CancellationToken.None))!.Count;
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        long lastEmailLength = 0;
        while (await pager.NextAsync(CancellationToken.None) is { } page)
        {
            read += page.Count;
            lastEmailLength = page[^1].Email.Length;
            if (pager.PagesRead % 100 == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }

        long end = GC.GetTotalMemory(forceFullCollection: true) - baseline;
        output.WriteLine($"{read} leads in {pager.PagesRead} pages; live heap above the baseline: peak {peak / 1024.0 / 1024.0:0.0} MB, at the end {end / 1024.0 / 1024.0:0.0} MB.");
        Assert.Equal(Leads, read);
        Assert.Equal(Leads / SmartleadLeads.MaxPageSize, pager.PagesRead);
        Assert.True(lastEmailLength > 0);
        // Holding the 100,000 leads read would take far more than this (each lead object with its strings is several hundred bytes).
        Assert.True(peak < 8 * 1024 * 1024, $"the live heap grew by {peak / 1024 / 1024} MB while streaming");
    }
}
