using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CampaignPS.Engine.Paging;

namespace CampaignPS.Infrastructure
{
    /// <summary>
    /// A Get-* cmdlet over a cursor-paged list: by id, or the first page, every page (-All),
    /// or the first N items (-First).
    /// </summary>
    public abstract class CursorListCmdlet<T> : PlatformCmdlet
    {
        /// <summary>Parameter set for reading a list.</summary>
        protected const string ListSet = "List";

        /// <summary>Parameter set for reading one object.</summary>
        protected const string ByIdSet = "ById";

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

        /// <summary>Reads one object.</summary>
        protected abstract Task<T> GetOneAsync(string id, CancellationToken cancellationToken);

        /// <summary>Reads one page.</summary>
        protected abstract Task<CursorPage<T>> GetPageAsync(string? cursor, int? pageSize, CancellationToken cancellationToken);

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByIdSet)
            {
                string id = RequestedId ?? string.Empty;
                if (TryAwait(token => GetOneAsync(id, token), id, out T item))
                {
                    WriteObject(item);
                }

                return;
            }

            WritePages((cursor, token) => GetPageAsync(cursor, PageSize, token), All.IsPresent, First);
        }
    }
}
