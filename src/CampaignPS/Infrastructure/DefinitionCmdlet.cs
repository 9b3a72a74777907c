using System.IO;
using System.Text;
using CampaignPS.Engine.Definitions;

namespace CampaignPS.Infrastructure;

/// <summary>
/// Base of the campaigns-as-code cmdlets (Export-*Campaign, Sync-*Campaign): where a definition file goes, reading and
/// writing it, and sending a plan's requests one ShouldProcess at a time. Error ids start with the platform's prefix,
/// e.g. LoopsDefinitionNotFound, SmartleadExportPathReused.
/// </summary>
/// <typeparam name="TClient">The engine client the cmdlet calls.</typeparam>
public abstract class DefinitionCmdlet<TClient> : PlatformCmdlet<TClient>
    where TClient : class, IPlatformClient
{
    private readonly HashSet<string> _written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The file to write for <paramref name="campaignId"/>: <paramref name="given"/> itself, or <paramref name="fileName"/>
    /// in it when it is an existing folder. A file path takes one campaign per run, so a second piped campaign does not
    /// silently replace the first one's file.
    /// </summary>
    private protected bool TryTarget(string given, string fileName, string parameter, object campaignId, out string path)
    {
        path = string.Empty;
        try
        {
            string resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(given);
            path = Directory.Exists(resolved) ? System.IO.Path.Combine(resolved, fileName) : resolved;
        }
        catch (Exception exception) when (ProviderPaths.IsUnusable(exception))
        {
            WriteError(new ErrorRecord(exception, Platform.ErrorIdPrefix + "ExportInvalidPath", ErrorCategory.InvalidArgument, campaignId)
            {
                ErrorDetails = new ErrorDetails($"-{parameter} '{given}' is not a file path that can be written: {exception.Message}") { RecommendedAction = $"Correct -{parameter} and run the command again." },
            });
            return false;
        }

        if (!_written.Add(path))
        {
            var exception = new InvalidOperationException($"Campaign {campaignId} would replace {path}, written for another campaign in this run. Give -{parameter} an existing folder to write one file per campaign.");
            WriteError(new ErrorRecord(exception, Platform.ErrorIdPrefix + "ExportPathReused", ErrorCategory.InvalidArgument, campaignId)
            {
                ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = $"Give -{parameter} a folder, e.g. -{parameter} ./campaigns." },
            });
            return false;
        }

        return true;
    }

    /// <summary>Writes the definition's text (UTF-8 without a byte order mark), replacing the file.</summary>
    private protected bool TryWrite(string path, string text, object campaignId)
    {
        try
        {
            File.WriteAllText(path, text, new UTF8Encoding(false));
            return true;
        }
        catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
        {
            WriteError(new ErrorRecord(exception, Platform.ErrorIdPrefix + "ExportWriteFailed", ErrorCategory.WriteError, campaignId));
            return false;
        }
    }

    /// <summary>Reads and parses a definition file; a missing or unreadable file, or a schema problem, is reported against the path.</summary>
    private protected bool TryReadDefinition<TDefinition>(string path, Func<string, TDefinition> parse, out TDefinition definition)
        where TDefinition : class
    {
        definition = null!;
        string text;
        try
        {
            text = File.ReadAllText(SessionState.Path.GetUnresolvedProviderPathFromPSPath(path), Encoding.UTF8);
        }
        catch (Exception exception) when (exception is FileNotFoundException || exception is DirectoryNotFoundException)
        {
            WriteError(new ErrorRecord(exception, Platform.ErrorIdPrefix + "DefinitionNotFound", ErrorCategory.ObjectNotFound, path)
            {
                ErrorDetails = new ErrorDetails($"The definition file '{path}' does not exist.") { RecommendedAction = $"Give the path of a file written by Export-{Platform.ErrorIdPrefix}Campaign." },
            });
            return false;
        }
        catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException || ProviderPaths.IsUnusable(exception))
        {
            WriteError(new ErrorRecord(exception, Platform.ErrorIdPrefix + "DefinitionUnreadable", ErrorCategory.ReadError, path)
            {
                ErrorDetails = new ErrorDetails($"The definition file '{path}' cannot be read: {exception.Message}") { RecommendedAction = "Correct -Definition and run the command again." },
            });
            return false;
        }

        TDefinition parsed = null!;
        if (!TryValidate(() => parsed = parse(text), path))
        {
            return false;
        }

        definition = parsed;
        return true;
    }

    /// <summary>What every record of the run shares (a team's names), read on the first record that needs it and kept.</summary>
    private protected bool TryReadOnce<T>(ref T? cache, Func<CancellationToken, Task<T>> read, object? target, out T value)
        where T : class
    {
        if (cache == null && TryAwait(read, target, out T first))
        {
            cache = first;
        }

        value = cache!;
        return cache != null;
    }

    /// <summary>True when -WhatIf (or $WhatIfPreference) asks for the plan only.</summary>
    private protected bool WhatIfRequested() => Confirm.WhatIfRequested();

    /// <summary>
    /// -WhatIf: PowerShell's "What if:" line for the create (when <paramref name="createName"/> is given) and for each
    /// request, then the plan's steps as objects; nothing is sent.
    /// </summary>
    private protected void WritePlan<TTarget, TStep>(string? createName, IEnumerable<PlannedRequest<TClient, TTarget, TStep>> requests, string target, IEnumerable<TStep> steps)
        where TStep : PlanStep
    {
        if (createName != null)
        {
            ConfirmCreate(createName);
        }

        foreach (PlannedRequest<TClient, TTarget, TStep> request in requests)
        {
            Confirm.Change(target, request.Description);
        }

        WriteObject(steps, enumerateCollection: true);
    }

    /// <summary>The ShouldProcess of a campaign the definition creates.</summary>
    private protected bool ConfirmCreate(string name) =>
        Confirm.Change($"{Platform.DisplayName} campaign '{name}'", $"Create {Platform.DisplayName} campaign from definition");

    /// <summary>
    /// Sends the requests in order, each after its ShouldProcess; the first failure is reported and the rest are not sent,
    /// with a warning that names the command that finishes the work (<paramref name="rerun"/>).
    /// </summary>
    private protected bool TrySend<TTarget, TStep>(TClient client, IEnumerable<PlannedRequest<TClient, TTarget, TStep>> requests, TTarget campaign, string target, string path, string rerun)
        where TStep : PlanStep
    {
        var done = new List<string>();
        foreach (PlannedRequest<TClient, TTarget, TStep> request in requests)
        {
            if (!Confirm.Change(target, request.Description))
            {
                continue;
            }

            PlannedRequest<TClient, TTarget, TStep> send = request;
            if (!TryAwait(token => send.SendAsync(client, campaign, token), path))
            {
                WriteWarning($"{target}: '{request.Name}' failed{(done.Count > 0 ? $" after {string.Join(", ", done)}" : string.Empty)}; the requests after it were not sent. Correct the cause and run {rerun} again to finish.");
                return false;
            }

            done.Add(request.Name);
        }

        return true;
    }
}
