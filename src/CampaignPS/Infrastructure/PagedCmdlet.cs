using CampaignPS.Engine.Paging;

namespace CampaignPS.Infrastructure;

/// <summary>
/// A Get-* cmdlet whose lists come in pages: the first page, every page (-All) or the first N items (-First), each page
/// written as it arrives (so `-All | Export-Csv` streams with one page in memory) and Ctrl+C stopping between and during
/// requests. The subclass says which list to read; unlike <see cref="CursorListCmdlet{TClient,T}"/> it may have several.
/// </summary>
/// <typeparam name="TClient">The engine client the cmdlet calls.</typeparam>
public abstract class PagedCmdlet<TClient> : PlatformCmdlet<TClient>
    where TClient : class, IPlatformClient
{
    /// <summary>
    /// <para type="description">Read every page, not just the first. Each page is written as it arrives, so a pipeline such as -All | Export-Csv holds one page in memory.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter All { get; set; }

    /// <summary>
    /// <para type="description">Return at most this many items, reading as many pages as needed.</para>
    /// </summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? First { get; set; }

    /// <summary>Writes the pages <paramref name="fetchPage"/> reads, within -All and -First; a failure is reported against <paramref name="target"/>.</summary>
    protected void WritePages<T>(Func<string?, CancellationToken, Task<CursorPage<T>>> fetchPage, object? target)
    {
        var pager = new CursorPager<T>(fetchPage, All.IsPresent, First);
        while (TryAwait(pager.NextAsync, target, out IReadOnlyList<T>? items) && items != null)
        {
            WriteObject(items, enumerateCollection: true);
        }
    }
}
