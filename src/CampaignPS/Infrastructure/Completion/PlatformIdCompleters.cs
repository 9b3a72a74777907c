using CampaignPS.Engine.Loops;
using CampaignPS.Engine.Paging;

namespace CampaignPS.Infrastructure.Completion;

/// <summary>Completes Loops mailing list ids.</summary>
public sealed class LoopsMailingListCompleter : RemoteIdCompleter
{
    /// <inheritdoc />
    protected override Platform Platform => Platform.Loops;

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<(string Id, string Name)>> LookUpAsync(CampaignConnection connection, CancellationToken cancellationToken) =>
        (await connection.Loops.GetMailingListsAsync(cancellationToken).ConfigureAwait(false)).Select(l => (l.Id, l.Name)).ToList();
}

/// <summary>Completes Loops audience segment ids (first 200).</summary>
public sealed class LoopsAudienceSegmentCompleter : RemoteIdCompleter
{
    /// <inheritdoc />
    protected override Platform Platform => Platform.Loops;

    /// <inheritdoc />
    protected override Task<IReadOnlyList<(string Id, string Name)>> LookUpAsync(CampaignConnection connection, CancellationToken cancellationToken) =>
        LoopsPages.ReadAsync((cursor, token) => connection.Loops.GetAudienceSegmentPageAsync(cursor, 50, token), s => (s.Id, s.Name), cancellationToken);
}

/// <summary>Completes Loops campaign group ids (first 200).</summary>
public sealed class LoopsCampaignGroupCompleter : RemoteIdCompleter
{
    /// <inheritdoc />
    protected override Platform Platform => Platform.Loops;

    /// <inheritdoc />
    protected override Task<IReadOnlyList<(string Id, string Name)>> LookUpAsync(CampaignConnection connection, CancellationToken cancellationToken) =>
        LoopsPages.ReadAsync((cursor, token) => connection.Loops.GetCampaignGroupPageAsync(cursor, 50, token), g => (g.Id, g.Name), cancellationToken);
}

/// <summary>Completes Loops campaign ids (first 200).</summary>
public sealed class LoopsCampaignCompleter : RemoteIdCompleter
{
    /// <inheritdoc />
    protected override Platform Platform => Platform.Loops;

    /// <inheritdoc />
    protected override Task<IReadOnlyList<(string Id, string Name)>> LookUpAsync(CampaignConnection connection, CancellationToken cancellationToken) =>
        LoopsPages.ReadAsync((cursor, token) => connection.Loops.GetCampaignPageAsync(cursor, 50, token), c => (c.Id, c.Name), cancellationToken);
}

/// <summary>Completes Smartlead campaign ids.</summary>
public sealed class SmartleadCampaignCompleter : RemoteIdCompleter
{
    /// <inheritdoc />
    protected override Platform Platform => Platform.Smartlead;

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<(string Id, string Name)>> LookUpAsync(CampaignConnection connection, CancellationToken cancellationToken) =>
        (await connection.Smartlead.GetCampaignsAsync(null, cancellationToken).ConfigureAwait(false))
            .Select(c => (c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Name)).ToList();
}

/// <summary>Completes Smartlead email account ids, showing their addresses.</summary>
public sealed class SmartleadEmailAccountCompleter : RemoteIdCompleter
{
    /// <inheritdoc />
    protected override Platform Platform => Platform.Smartlead;

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<(string Id, string Name)>> LookUpAsync(CampaignConnection connection, CancellationToken cancellationToken) =>
        (await connection.Smartlead.GetAllEmailAccountsAsync(200, cancellationToken).ConfigureAwait(false))
            .Select(a => (a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), a.FromEmail ?? string.Empty)).ToList();
}

/// <summary>Completes SMS campaign ids.</summary>
public sealed class SmsCampaignCompleter : RemoteIdCompleter
{
    /// <inheritdoc />
    protected override Platform Platform => Platform.Sms;

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<(string Id, string Name)>> LookUpAsync(CampaignConnection connection, CancellationToken cancellationToken) =>
        (await connection.Sms.GetCampaignsAsync(cancellationToken).ConfigureAwait(false)).Select(c => (c.Id, c.Name)).ToList();
}

internal static class LoopsPages
{
    private const int MaxItems = 200;

    public static async Task<IReadOnlyList<(string Id, string Name)>> ReadAsync<T>(
        System.Func<string?, CancellationToken, Task<CursorPage<T>>> fetch, System.Func<T, (string, string)> select, CancellationToken cancellationToken)
    {
        var pager = new CursorPager<T>(fetch, allPages: true, maxItems: MaxItems);
        var items = new List<(string, string)>();
        while (await pager.NextAsync(cancellationToken).ConfigureAwait(false) is { } page)
        {
            items.AddRange(page.Select(select));
        }

        return items;
    }
}
