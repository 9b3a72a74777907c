using System;
using System.Threading;
using System.Threading.Tasks;
using CampaignPS.Engine.Loops;
using CampaignPS.Engine.Paging;
using CampaignPS.Engine.Platforms;
using CampaignPS.Infrastructure;

namespace CampaignPS.Cmdlets.Loops
{
    /// <summary>A Loops Get-* cmdlet over a cursor-paged list; the subclass names its id parameter and the two client calls.</summary>
    public abstract class LoopsListCmdlet<T> : CursorListCmdlet<T>
    {
        private readonly Func<LoopsClient, string, CancellationToken, Task<T>> _getOne;
        private readonly Func<LoopsClient, string?, int?, CancellationToken, Task<CursorPage<T>>> _getPage;

        /// <summary>Binds the cmdlet to the client calls that read one item and one page.</summary>
        protected LoopsListCmdlet(
            Func<LoopsClient, string, CancellationToken, Task<T>> getOne,
            Func<LoopsClient, string?, int?, CancellationToken, Task<CursorPage<T>>> getPage)
        {
            _getOne = getOne;
            _getPage = getPage;
        }

        /// <inheritdoc />
        protected override PlatformInfo Platform => PlatformInfo.Loops;

        /// <inheritdoc />
        protected override Task<T> GetOneAsync(string id, CancellationToken cancellationToken) =>
            _getOne(CurrentConnection.Loops, id, cancellationToken);

        /// <inheritdoc />
        protected override Task<CursorPage<T>> GetPageAsync(string? cursor, int? pageSize, CancellationToken cancellationToken) =>
            _getPage(CurrentConnection.Loops, cursor, pageSize, cancellationToken);
    }
}
