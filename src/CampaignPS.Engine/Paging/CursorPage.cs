namespace CampaignPS.Engine.Paging;

/// <summary>One page of a cursor-paged list.</summary>
public sealed class CursorPage<T>
{
    /// <summary>Creates a page.</summary>
    public CursorPage(IReadOnlyList<T> items, string? nextCursor)
    {
        Items = items;
        NextCursor = string.IsNullOrEmpty(nextCursor) ? null : nextCursor;
    }

    /// <summary>The items on this page.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>The cursor of the next page, or null on the last page.</summary>
    public string? NextCursor { get; }
}

/// <summary>
/// Walks a cursor-paged list one page at a time, stopping at the last page or after
/// <c>maxItems</c> items, so a caller can write each page as it arrives.
/// </summary>
public sealed class CursorPager<T>
{
    private readonly Func<string?, CancellationToken, Task<CursorPage<T>>> _fetchPage;
    private readonly long _maxItems;
    private readonly bool _allPages;
    private string? _cursor;
    private long _delivered;
    private bool _finished;

    /// <summary>
    /// Creates a pager. With <paramref name="allPages"/> false only the first page is read;
    /// <paramref name="maxItems"/> caps the total either way (null for no cap).
    /// </summary>
    public CursorPager(Func<string?, CancellationToken, Task<CursorPage<T>>> fetchPage, bool allPages, long? maxItems)
    {
        _fetchPage = fetchPage ?? throw new ArgumentNullException(nameof(fetchPage));
        _allPages = allPages;
        _maxItems = maxItems ?? long.MaxValue;
        _finished = _maxItems <= 0;
    }

    /// <summary>Pages read so far.</summary>
    public int PagesRead { get; private set; }

    /// <summary>Reads the next page; returns null when there is nothing more to read.</summary>
    public async Task<IReadOnlyList<T>?> NextAsync(CancellationToken cancellationToken)
    {
        if (_finished)
        {
            return null;
        }

        CursorPage<T> page = await _fetchPage(_cursor, cancellationToken).ConfigureAwait(false);
        PagesRead++;
        _cursor = page.NextCursor;
        var items = new List<T>(page.Items.Count);
        foreach (T item in page.Items)
        {
            if (_delivered >= _maxItems)
            {
                break;
            }

            items.Add(item);
            _delivered++;
        }

        _finished = _cursor == null || _delivered >= _maxItems || !(_allPages || _maxItems != long.MaxValue);
        return items;
    }
}
