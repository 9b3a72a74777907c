using CampaignPS.Engine.Paging;

namespace CampaignPS.Infrastructure;

/// <summary>
/// A Get-* cmdlet over a cursor-paged list: by id, or the first page, every page (-All),
/// or the first N items (-First). The subclass names its id parameter and the two client calls.
/// </summary>
/// <typeparam name="TClient">The engine client the cmdlet calls.</typeparam>
/// <typeparam name="T">The listed object.</typeparam>
public abstract class CursorListCmdlet<TClient, T> : PlatformCmdlet<TClient>
    where TClient : class, IPlatformClient
{
    /// <summary>Parameter set for reading a list.</summary>
    protected const string ListSet = "List";

    /// <summary>Parameter set for reading one object.</summary>
    protected const string ByIdSet = "ById";

    private readonly Func<TClient, string, CancellationToken, Task<T>> _getOne;
    private readonly Func<TClient, string?, int?, CancellationToken, Task<CursorPage<T>>> _getPage;

    /// <summary>Binds the cmdlet to the client calls that read one item and one page.</summary>
    protected CursorListCmdlet(
        Func<TClient, string, CancellationToken, Task<T>> getOne,
        Func<TClient, string?, int?, CancellationToken, Task<CursorPage<T>>> getPage)
    {
        _getOne = getOne;
        _getPage = getPage;
    }

    /// <summary>
    /// <para type="description">Read every page, not just the first.</para>
    /// </summary>
    [Parameter(ParameterSetName = ListSet)]
    public SwitchParameter All { get; set; }

    /// <summary>
    /// <para type="description">Return at most this many items, reading as many pages as needed.</para>
    /// </summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateRange(1, int.MaxValue)]
    public int? First { get; set; }

    /// <summary>
    /// <para type="description">Items per request (10 to 50; the API's default is 20).</para>
    /// </summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateRange(10, 50)]
    public int? PageSize { get; set; }

    /// <summary>The id asked for in the ById set.</summary>
    protected abstract string? RequestedId { get; }

    /// <inheritdoc />
    protected sealed override void ProcessRecordWith(TClient client)
    {
        if (ParameterSetName == ByIdSet)
        {
            string id = RequestedId ?? string.Empty;
            if (TryAwait(token => _getOne(client, id, token), id, out T item))
            {
                WriteObject(item);
            }

            return;
        }

        var pager = new CursorPager<T>((cursor, token) => _getPage(client, cursor, PageSize, token), All.IsPresent, First);
        while (TryAwait(pager.NextAsync, null, out var items) && items != null)
        {
            foreach (T item in items)
            {
                WriteObject(item);
            }
        }
    }
}
