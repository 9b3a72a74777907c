using CampaignPS.Engine.Smartlead;
using CampaignPS.Tests.Support;
using Xunit;

namespace CampaignPS.Tests.Engine;

/// <summary>The account-level email account list, which tab completion of -EmailAccountId reads.</summary>
public sealed class SmartleadAccountTests
{
    [Fact]
    public async Task Every_email_account_of_the_account_is_listed_with_its_address()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();

        IReadOnlyList<SmartleadEmailAccount> accounts = await client.GetAllEmailAccountsAsync();

        Assert.Equal([456L, 457L, 458L], accounts.Select(a => a.Id).Order());
        Assert.All(accounts, a => Assert.Contains("@", a.FromEmail));
        Assert.Contains(sandbox.Server.Requests.Snapshot(), r => r.Path.StartsWith("/smartlead/api/v1/email-accounts", StringComparison.Ordinal) && r.QueryString.Contains("offset=0", StringComparison.Ordinal));
    }
}
