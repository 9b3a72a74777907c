using CampaignPS.Engine.Paging;

namespace CampaignPS.Engine.Loops;

/// <summary>The team's mailing lists, audience segments and campaign groups by id and by name, for export and sync.</summary>
public sealed class LoopsNames
{
    /// <summary>Creates the lookup from what the team has (id, name pairs).</summary>
    public LoopsNames(IEnumerable<KeyValuePair<string, string>> mailingLists, IEnumerable<KeyValuePair<string, string>> audienceSegments, IEnumerable<KeyValuePair<string, string>> campaignGroups)
    {
        MailingLists = new LoopsNameIndex(mailingLists, "mailing list", "Get-LoopsMailingList");
        AudienceSegments = new LoopsNameIndex(audienceSegments, "audience segment", "Get-LoopsAudienceSegment");
        CampaignGroups = new LoopsNameIndex(campaignGroups, "campaign group", "Get-LoopsCampaignGroup");
    }

    /// <summary>The team's mailing lists.</summary>
    public LoopsNameIndex MailingLists { get; }

    /// <summary>The team's audience segments.</summary>
    public LoopsNameIndex AudienceSegments { get; }

    /// <summary>The team's campaign groups.</summary>
    public LoopsNameIndex CampaignGroups { get; }

    /// <summary>Reads the team's lists, segments and groups (every page).</summary>
    public static async Task<LoopsNames> ReadAsync(LoopsClient client, CancellationToken cancellationToken = default)
    {
        if (client == null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        IReadOnlyList<LoopsMailingList> lists = await client.GetMailingListsAsync(cancellationToken).ConfigureAwait(false);
        List<LoopsAudienceSegment> segments = await All(client.GetAudienceSegmentPageAsync, cancellationToken).ConfigureAwait(false);
        List<LoopsCampaignGroup> groups = await All(client.GetCampaignGroupPageAsync, cancellationToken).ConfigureAwait(false);
        return new LoopsNames(
            lists.Select(l => new KeyValuePair<string, string>(l.Id, l.Name)),
            segments.Select(s => new KeyValuePair<string, string>(s.Id, s.Name)),
            groups.Select(g => new KeyValuePair<string, string>(g.Id, g.Name)));
    }

    private static async Task<List<T>> All<T>(Func<string?, int?, CancellationToken, Task<CursorPage<T>>> page, CancellationToken cancellationToken)
    {
        var pager = new CursorPager<T>((cursor, token) => page(cursor, null, token), allPages: true, maxItems: null);
        var all = new List<T>();
        for (IReadOnlyList<T>? items = await pager.NextAsync(cancellationToken).ConfigureAwait(false); items != null; items = await pager.NextAsync(cancellationToken).ConfigureAwait(false))
        {
            all.AddRange(items);
        }

        return all;
    }
}
