using System.Collections;
using System.Collections.Concurrent;
using System.Management.Automation.Language;
using System.Runtime.CompilerServices;

namespace CampaignPS.Infrastructure.Completion;

/// <summary>
/// Completes ids that can be looked up on the platform (lists, segments, groups, campaigns), showing
/// their names. Uses the -Connection already typed, else the session default; results are cached per
/// connection for two minutes, and a slow or failing lookup completes nothing rather than hang the prompt.
/// </summary>
public abstract class RemoteIdCompleter : IArgumentCompleter
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(3);
    private static ConditionalWeakTable<CampaignConnection, ConcurrentDictionary<string, (DateTime At, IReadOnlyList<(string Id, string Name)> Items)>> _cache =
        new ConditionalWeakTable<CampaignConnection, ConcurrentDictionary<string, (DateTime At, IReadOnlyList<(string Id, string Name)> Items)>>();

    /// <summary>Forgets every cached lookup (Remove-Module).</summary>
    internal static void ClearCache() =>
        _cache = new ConditionalWeakTable<CampaignConnection, ConcurrentDictionary<string, (DateTime At, IReadOnlyList<(string Id, string Name)> Items)>>();

    /// <summary>The platform the ids belong to.</summary>
    protected abstract Platform Platform { get; }

    /// <summary>Reads the (id, name) pairs to offer.</summary>
    protected abstract Task<IReadOnlyList<(string Id, string Name)>> LookUpAsync(CampaignConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// What the ids depend on, from the parameters typed so far (the campaign a lead id belongs to): empty when nothing,
    /// null when the completion cannot be made yet. Each scope is looked up and cached on its own.
    /// </summary>
    protected virtual string? ScopeOf(IDictionary? fakeBoundParameters) => string.Empty;

    /// <summary>Reads the (id, name) pairs of one scope; by default the unscoped lookup.</summary>
    protected virtual Task<IReadOnlyList<(string Id, string Name)>> LookUpAsync(CampaignConnection connection, string scope, CancellationToken cancellationToken) =>
        LookUpAsync(connection, cancellationToken);

    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        CampaignConnection? connection = PowerShellRecords.Unwrap(fakeBoundParameters?["Connection"]) as CampaignConnection
            ?? ConnectionRegistry.GetDefault(Platform);
        if (connection == null || !connection.IsOpen || connection.Platform != Platform)
        {
            return Enumerable.Empty<CompletionResult>();
        }

        string? scope = ScopeOf(fakeBoundParameters);
        if (scope == null)
        {
            return Enumerable.Empty<CompletionResult>();
        }

        string typed = CompletionText.Unquote(wordToComplete);
        return Items(connection, scope)
            .Where(item => item.Id.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || item.Name.IndexOf(typed, StringComparison.OrdinalIgnoreCase) >= 0)
            .Select(item => new CompletionResult(CompletionText.Quote(item.Id), $"{item.Name} ({item.Id})", CompletionResultType.ParameterValue, item.Name));
    }

    private IReadOnlyList<(string Id, string Name)> Items(CampaignConnection connection, string scope)
    {
        var entries = _cache.GetValue(connection, _ => new ConcurrentDictionary<string, (DateTime, IReadOnlyList<(string, string)>)>());
        string key = (GetType().FullName ?? GetType().Name) + "/" + scope;
        if (entries.TryGetValue(key, out var cached) && DateTime.UtcNow - cached.At < CacheLifetime)
        {
            return cached.Items;
        }

        try
        {
            using var timeout = new CancellationTokenSource(LookupTimeout);
            IReadOnlyList<(string Id, string Name)> items = Task.Run(() => LookUpAsync(connection, scope, timeout.Token), timeout.Token).GetAwaiter().GetResult();
            entries[key] = (DateTime.UtcNow, items);
            return items;
        }
        catch (Exception exception) when (exception is OperationCanceledException || exception is Engine.Errors.CampaignApiException || exception is ObjectDisposedException)
        {
            return Array.Empty<(string, string)>();
        }
    }
}
