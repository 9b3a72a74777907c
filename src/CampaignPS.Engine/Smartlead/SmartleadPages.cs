using System.Globalization;
using CampaignPS.Engine.Paging;

namespace CampaignPS.Engine.Smartlead;

/// <summary>
/// Smartlead pages with offset and limit; the engine hands them out as <see cref="CursorPage{T}"/> whose cursor is
/// the next offset, so the same <see cref="CursorPager{T}"/> walks them as it walks the cursor-paged platforms.
/// </summary>
internal static class SmartleadPages
{
    /// <summary>The offset a cursor from <see cref="Page{T}"/> stands for (0 for the first page).</summary>
    public static int Offset(string? cursor)
    {
        if (cursor == null)
        {
            return 0;
        }

        return int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out int offset)
            ? offset
            : throw SmartleadRules.Instance.Fail("Cursor", $"Cursor '{cursor}' is not a page position. Pass null for the first page, then the NextCursor of the page before.");
    }

    /// <summary>The page size to ask for: <paramref name="requested"/> when given (checked against the documented range), else the largest documented.</summary>
    public static int Limit(int? requested, int max)
    {
        SmartleadRules.Instance.Range("PageSize", requested, 1, max);
        return requested ?? max;
    }

    /// <summary>
    /// The page that <paramref name="items"/> make; there is a next one while a page comes back full and
    /// <paramref name="total"/> (when the answer states one) says more items follow.
    /// </summary>
    public static CursorPage<T> Page<T>(IReadOnlyList<T> items, int offset, int limit, long? total)
    {
        int next = offset + items.Count;
        bool more = items.Count >= limit && items.Count > 0 && (total == null || next < total);
        return new CursorPage<T>(items, more ? next.ToString(CultureInfo.InvariantCulture) : null);
    }

    /// <summary>The offset and limit query parameters.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Query(int offset, int limit)
    {
        yield return new KeyValuePair<string, string?>("offset", offset.ToString(CultureInfo.InvariantCulture));
        yield return new KeyValuePair<string, string?>("limit", limit.ToString(CultureInfo.InvariantCulture));
    }
}
