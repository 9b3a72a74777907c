using System.Collections;
using CampaignPS.Engine.Errors;

namespace CampaignPS.Infrastructure;

/// <summary>
/// What became of the changes still in flight when a command was stopped (Ctrl+C, Stop-Job, PowerShell.Stop()).
/// After a stop PowerShell takes no more output or errors from the cmdlet, so these are written to the host (a
/// console line, or the warning stream of a hosted or job runspace) and added to $Error, where scripts and the user
/// can find them: every row that may exist on the server is named, and the rest were never sent.
/// </summary>
internal sealed class StopReport
{
    private readonly List<(object? Target, object? Result, Exception? Failure)> _entries = new List<(object? Target, object? Result, Exception? Failure)>();

    public int Count => _entries.Count;

    /// <summary>A change that finished after the stop: its result, or the failure it ended with.</summary>
    public void Add(object? target, object? result, Exception? failure)
    {
        if (failure is OperationCanceledException)
        {
            // Cancelled before it was sent: nothing happened on the server.
            return;
        }

        _entries.Add((target, result, failure));
    }

    /// <summary>Writes every entry to the host and to $Error, once.</summary>
    public void Write(PSCmdlet cmdlet, PlatformInfo? platform)
    {
        if (_entries.Count == 0)
        {
            return;
        }

        string name = platform?.DisplayName ?? "CampaignPS";
        string prefix = platform?.ErrorIdPrefix ?? "CampaignPS";
        var dollarError = cmdlet.SessionState.PSVariable.GetValue("Error") as ArrayList;
        foreach ((object? target, object? result, Exception? failure) in _entries)
        {
            ErrorRecord record;
            if (failure == null)
            {
                string what = $"{name}: {Describe(target)} was done ({Describe(result)}), but the answer came after the command was stopped, so it was not written to the pipeline. Do not send it again.";
                record = new ErrorRecord(new OperationCanceledException(what), prefix + "CompletedAfterStop", ErrorCategory.OperationStopped, result ?? target)
                {
                    ErrorDetails = new ErrorDetails(what),
                };
            }
            else
            {
                record = ErrorRecordFactory.Create(failure, target, platform, out _);
            }

            cmdlet.Host.UI.WriteWarningLine($"Stopped: {record.ErrorDetails?.Message ?? record.Exception.Message} ({record.FullyQualifiedErrorId.Split(',')[0]}; in $Error)");
            dollarError?.Insert(0, record);
        }

        cmdlet.Host.UI.WriteWarningLine($"Stopped: {_entries.Count} change(s) still in flight when {name} was stopped are listed above and in $Error. Rows not listed and not written before the stop were not sent.");
        _entries.Clear();
    }

    private static string Describe(object? value)
    {
        object? plain = value is PSObject wrapped ? wrapped.BaseObject : value;
        string text = plain switch
        {
            null => "the request",
            CampaignApiException api => api.ErrorId,
            PSCustomObject => value!.ToString() ?? string.Empty,
            _ => plain.ToString() ?? string.Empty,
        };
        return InputRules.Show(text);
    }
}
