using System.Collections;
using System.Globalization;
using CampaignPS.Engine.Smartlead;

namespace CampaignPS.Infrastructure.Completion;

/// <summary>Completes ids that belong to one Smartlead campaign: the -CampaignId already typed picks the campaign, and nothing is offered before it is.</summary>
public abstract class SmartleadCampaignScopedCompleter : RemoteIdCompleter
{
    /// <inheritdoc />
    protected sealed override Platform Platform => Platform.Smartlead;

    /// <summary>Reads the (id, name) pairs of one campaign.</summary>
    protected abstract Task<IReadOnlyList<(string Id, string Name)>> LookUpAsync(SmartleadClient smartlead, long campaignId, CancellationToken cancellationToken);

    /// <inheritdoc />
    protected sealed override string? ScopeOf(IDictionary? fakeBoundParameters)
    {
        object? typed = PowerShellRecords.Unwrap(fakeBoundParameters?["CampaignId"]);
        string text = Convert.ToString(typed, CultureInfo.InvariantCulture) ?? string.Empty;
        return long.TryParse(text.Trim('\'', '"', ' '), NumberStyles.None, CultureInfo.InvariantCulture, out long campaignId) && campaignId > 0
            ? campaignId.ToString(CultureInfo.InvariantCulture)
            : null;
    }

    /// <inheritdoc />
    protected sealed override Task<IReadOnlyList<(string Id, string Name)>> LookUpAsync(CampaignConnection connection, string scope, CancellationToken cancellationToken) =>
        LookUpAsync(connection.Smartlead, long.Parse(scope, CultureInfo.InvariantCulture), cancellationToken);

    /// <inheritdoc />
    protected sealed override Task<IReadOnlyList<(string Id, string Name)>> LookUpAsync(CampaignConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<(string Id, string Name)>>(Array.Empty<(string, string)>());
}

/// <summary>Completes the lead ids of the campaign typed in -CampaignId (its first 100 leads), showing their addresses.</summary>
public sealed class SmartleadLeadCompleter : SmartleadCampaignScopedCompleter
{
    /// <inheritdoc />
    protected override async Task<IReadOnlyList<(string Id, string Name)>> LookUpAsync(SmartleadClient smartlead, long campaignId, CancellationToken cancellationToken) =>
        (await smartlead.Leads.GetPageAsync(campaignId, null, null, null, cancellationToken).ConfigureAwait(false)).Items
            .Select(l => (l.Id.ToString(CultureInfo.InvariantCulture), l.Email)).ToList();
}

/// <summary>Completes the webhook ids of the campaign typed in -CampaignId, showing their names.</summary>
public sealed class SmartleadWebhookCompleter : SmartleadCampaignScopedCompleter
{
    /// <inheritdoc />
    protected override async Task<IReadOnlyList<(string Id, string Name)>> LookUpAsync(SmartleadClient smartlead, long campaignId, CancellationToken cancellationToken) =>
        (await smartlead.Webhooks.GetAsync(campaignId, cancellationToken).ConfigureAwait(false))
            .Select(w => (w.Id.ToString(CultureInfo.InvariantCulture), w.Name ?? w.Url ?? string.Empty)).ToList();
}

/// <summary>Completes Smartlead lead category ids, showing their names.</summary>
public sealed class SmartleadLeadCategoryCompleter : RemoteIdCompleter
{
    /// <inheritdoc />
    protected override Platform Platform => Platform.Smartlead;

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<(string Id, string Name)>> LookUpAsync(CampaignConnection connection, CancellationToken cancellationToken) =>
        (await connection.Smartlead.Leads.GetCategoriesAsync(cancellationToken).ConfigureAwait(false))
            .Select(c => (c.Id.ToString(CultureInfo.InvariantCulture), c.Name)).ToList();
}
