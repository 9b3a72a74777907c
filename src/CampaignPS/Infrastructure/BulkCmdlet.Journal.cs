using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Text;
using CampaignPS.Engine.Errors;
using CampaignPS.Engine.Journal;

namespace CampaignPS.Infrastructure;

/// <summary>
/// Resumable bulk runs: -Journal, -JournalKey and -RetryUnknown. Every row gets a key; before its request is sent
/// the journal records "started" (flushed to disk), and when it ends "done" with the id, "failed" or "unknown" with the
/// ErrorId. On a rerun with the same journal, rows done are skipped, rows that failed are sent again, and rows whose
/// outcome is unknown (sent, but the run ended before the answer) are reported as CampaignJournalOutcomeUnknown and
/// not sent again unless -RetryUnknown. -WhatIf reads the journal and writes nothing.
/// </summary>
public abstract partial class BulkCmdlet<TClient>
{
    // Parameters that steer the run and do not change what a row does: left out of the journal's scope and of row keys.
    private static readonly HashSet<string> RunParameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Journal", "JournalKey", "RetryUnknown", "ThrottleLimit", "Connection", "PassThru", "Force", "InputObject",
        "WhatIf", "Confirm", "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction",
        "ErrorVariable", "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable",
    };

    private static readonly ConcurrentDictionary<Type, HashSet<string>> RowParametersByType = new ConcurrentDictionary<Type, HashSet<string>>();

    private RunJournal? _journal;
    private TClient? _journalClient;
    private HashSet<string>? _journalSeen;
    private int _journalSkipped;
    private int _journalHeld;
    private int _journalSent;

    /// <summary>
    /// <para type="description">Makes the run resumable: a JSON Lines file that records, per input row, that its request is about to be sent and how it ended (done with the created id, failed with the ErrorId), flushed to disk as it goes. Run the same pipeline again with the same -Journal after a crash, Ctrl+C or a lost machine: rows done are not sent again (-Verbose says so; New-LoopsCampaign and New-SmartleadCampaign write the object again, read back by its id, so a pipeline after them resumes too), rows that failed are sent again, and rows that were sent without an answer are not sent again but reported as CampaignJournalOutcomeUnknown with what to check (see -RetryUnknown). The journal's first line names the cmdlet, the platform and its API root (never the key) and a hash of the parameters given for every row: a journal of another pipeline is refused before anything is sent (CampaignJournalMismatch), and a journal in use by another run too (CampaignJournalInUse; the run holds PATH.lock). -WhatIf reads the journal and writes nothing.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Journal { get; set; }

    /// <summary>
    /// <para type="description">What identifies a row in the -Journal: the name of a column or property (such as Email), or a script block that gets the row as $_ and returns the key. By default the key is a SHA-256 hash of the row's parameters (names and values); for Add-SmartleadLead and Add-OutboxContact, of the lead's or contact's fields. Two rows with the same key in one run: the second is refused (CampaignJournalDuplicateKey).</para>
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public object? JournalKey { get; set; }

    /// <summary>
    /// <para type="description">Send again the rows of the -Journal whose outcome is unknown (an earlier run sent them and ended before the answer). Only after checking on the platform that they were not done: a create sent twice makes two objects.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter RetryUnknown { get; set; }

    /// <summary>True when the run has a journal (-Journal).</summary>
    private protected bool Journaled => _journal != null;

    /// <summary>
    /// True for a cmdlet whose platform deduplicates what it sends (Smartlead leads by e-mail, Outbox contacts by e-mail or
    /// phone): a row whose outcome is unknown is then sent again on the next run, as -RetryUnknown would.
    /// </summary>
    protected virtual bool JournalResendsUnknown => false;

    /// <summary>
    /// How to read back the object a row done in the journal made (by the id the journal kept), so that a rerun writes it
    /// as the first run did and a pipeline that continues from this cmdlet resumes too; null (the default) writes nothing.
    /// </summary>
    protected virtual Func<CancellationToken, Task<object>>? JournalReadBack(TClient client, string id) => null;

    private string JournalPath(string journal)
    {
        Exception? failure = null;
        if (journal.Trim().Length == 0 || journal.Any(char.IsControl))
        {
            failure = new ArgumentException("it is blank or holds control characters");
        }
        else
        {
            try
            {
                return SessionState.Path.GetUnresolvedProviderPathFromPSPath(journal);
            }
            catch (Exception exception) when (ProviderPaths.IsUnusable(exception) || exception is IOException || exception is PSInvalidOperationException)
            {
                failure = exception;
            }
        }

        ThrowTerminatingError(new ErrorRecord(
            new ArgumentException($"-Journal is not a file path ({failure.Message}). Pass the path of a file in a folder that exists, such as .\\run.journal; nothing was sent.", nameof(Journal), failure),
            "CampaignJournalUnavailable", ErrorCategory.InvalidArgument, journal));
        return journal;
    }

    /// <summary>What to check on the platform for a row whose outcome is unknown (the current record's parameters are bound).</summary>
    protected virtual string JournalCheckHint(object? row) => $"check on {Platform.DisplayName} whether it was done";

    /// <inheritdoc />
    private protected override void BeganWith(TClient client)
    {
        base.BeganWith(client);
        if (Journal == null)
        {
            if (JournalKey != null || RetryUnknown.IsPresent)
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException("-JournalKey and -RetryUnknown need -Journal (the journal file of the run)."),
                    "CampaignJournalRequired", ErrorCategory.InvalidArgument, null));
            }

            return;
        }

        if (JournalKey != null && !(JournalKey is ScriptBlock) && (!(PowerShellRecords.Unwrap(JournalKey) is string name) || name.Length == 0))
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException("-JournalKey is the name of a column (such as Email) or a script block that returns the key of the row in $_."),
                "CampaignJournalKeyInvalid", ErrorCategory.InvalidArgument, JournalKey));
        }

        string path = JournalPath(Journal);
        var header = new JournalHeader(MyInvocation.MyCommand.Name, Platform.Platform.ToString(), JournalHeader.EndpointOf(client.BaseUri), ScopeHash());
        try
        {
            _journal = RunJournal.Open(path, header, readOnly: WhatIfRequested);
        }
        catch (JournalException failure)
        {
            ErrorCategory category = failure.ErrorId == "CampaignJournalInUse" ? ErrorCategory.ResourceBusy
                : failure.ErrorId == "CampaignJournalUnavailable" ? ErrorCategory.OpenError
                : ErrorCategory.InvalidData;
            ThrowTerminatingError(new ErrorRecord(failure, failure.ErrorId, category, path));
        }

        _journalSeen = new HashSet<string>(StringComparer.Ordinal);
        _journalClient = client;
        if (_journal!.DroppedTail != null)
        {
            WriteVerbose($"Journal {path}: dropped a torn last line (the run that wrote it ended while writing it).");
        }

        if (_journal.Resumed)
        {
            IReadOnlyList<JournalRow> rows = _journal.Rows;
            WriteVerbose($"Journal {path}: resuming; {rows.Count(r => r.State == JournalRowState.Done)} rows done (skipped), " +
                $"{rows.Count(r => r.State == JournalRowState.Failed)} failed (sent again), {rows.Count(r => r.State == JournalRowState.Unknown)} with an unknown outcome " +
                (RetryUnknown.IsPresent ? "(sent again: -RetryUnknown)." : JournalResendsUnknown ? $"(sent again: {Platform.DisplayName} deduplicates them)." : "(reported, not sent again)."));
        }
    }

    /// <summary>
    /// Decides whether the row may be sent. Without a journal, always (and <paramref name="key"/> is null). With one:
    /// computes the row's key (from <paramref name="item"/>, a lead or contact, when given; else from the record's
    /// parameters or -JournalKey), prefixed by <paramref name="prefix"/>; refuses a key seen before in this run; skips a
    /// row done in the journal (verbose) and reports one whose outcome is unknown (unless -RetryUnknown).
    /// </summary>
    private protected bool JournalAdmits(object? item, string prefix, object? target, out string? key) =>
        JournalAdmits(item, prefix, target, out key, out _);

    /// <summary>As <see cref="JournalAdmits(object?, string, object?, out string?)"/>; <paramref name="doneId"/> is the id of a row skipped as done.</summary>
    private protected bool JournalAdmits(object? item, string prefix, object? target, out string? key, out string? doneId)
    {
        key = null;
        doneId = null;
        if (_journal == null)
        {
            return true;
        }

        string? found;
        try
        {
            found = RowKey(item);
        }
        catch (RuntimeException failure)
        {
            WriteError(new ErrorRecord(new InvalidOperationException($"-JournalKey failed for this row: {failure.Message}", failure), "CampaignJournalKeyFailed", ErrorCategory.InvalidArgument, target));
            return false;
        }

        if (string.IsNullOrEmpty(found))
        {
            WriteError(new ErrorRecord(new ArgumentException($"The row has no value for -JournalKey {JournalKey}: every row needs a key. It was not sent."),
                "CampaignJournalKeyMissing", ErrorCategory.InvalidData, target));
            return false;
        }

        string rowKey = prefix + found;
        if (!_journalSeen!.Add(rowKey))
        {
            WriteError(new ErrorRecord(new ArgumentException($"Row key '{rowKey}' appears twice in this run: the journal keeps one outcome per key, so this row was not sent. Give -JournalKey a column that is unique per row, or remove the duplicate row."),
                "CampaignJournalDuplicateKey", ErrorCategory.InvalidData, target));
            return false;
        }

        JournalRow row = _journal.Find(rowKey);
        switch (row.State)
        {
            case JournalRowState.Done:
                _journalSkipped++;
                doneId = row.Id;
                WriteVerbose($"{MyInvocation.MyCommand.Name}: row {rowKey} skipped, done in journal {_journal.Path}" + (row.Id == null ? "." : $" (id {row.Id})."));
                return false;
            case JournalRowState.Unknown when !RetryUnknown.IsPresent && !JournalResendsUnknown:
                _journalHeld++;
                string check = JournalCheckHint(target);
                var unknown = new JournalException("CampaignJournalOutcomeUnknown", _journal.Path,
                    $"Row {rowKey}: an earlier run sent it and ended before the answer" + (row.ErrorId == null ? string.Empty : $" ({row.ErrorId})") +
                    $", so it may have been done on {Platform.DisplayName}. It was not sent again: {check}; if it was not done, run again with -RetryUnknown.");
                WriteError(new ErrorRecord(unknown, unknown.ErrorId, ErrorCategory.OperationStopped, target)
                {
                    ErrorDetails = new ErrorDetails(unknown.Message) { RecommendedAction = $"{check}; then run again with -RetryUnknown to send the rows that were not done." },
                });
                return false;
            case JournalRowState.Unknown:
                WriteVerbose($"{MyInvocation.MyCommand.Name}: row {rowKey} had an unknown outcome; sending it again (" +
                    (RetryUnknown.IsPresent ? "-RetryUnknown)." : $"{Platform.DisplayName} deduplicates it, so sending it again is safe)."));
                break;
            case JournalRowState.Failed:
                WriteVerbose($"{MyInvocation.MyCommand.Name}: row {rowKey} failed in an earlier run ({row.ErrorId}); sending it again.");
                break;
        }

        key = rowKey;
        return true;
    }

    /// <summary>
    /// Wraps <paramref name="send"/> so that the journal records "started" for <paramref name="keys"/> (flushed) before
    /// it runs and their outcomes after: <paramref name="outcomes"/> of the result, or for a failure "failed" (the
    /// answer says nothing was done) or "unknown" (it may have reached the server) with its ErrorId; a request stopped
    /// before it left is "cancelled" (sent on the next run). An abandoned request, or one whose process died, leaves
    /// "started" alone, which reads as unknown.
    /// </summary>
    private protected Func<CancellationToken, Task<T>> WithJournal<T>(IReadOnlyList<string> keys, Func<CancellationToken, Task<T>> send, Func<T, IEnumerable<JournalOutcome>> outcomes)
    {
        RunJournal journal = _journal ?? throw new InvalidOperationException("The run has no journal.");
        _journalSent += keys.Count;
        return async token =>
        {
            token.ThrowIfCancellationRequested();
            journal.Started(keys);
            T result;
            try
            {
                result = await send(token).ConfigureAwait(false);
            }
            catch (Exception failure)
            {
                JournalOutcome[]? ended = FailureOutcomes(keys, failure);
                if (ended != null)
                {
                    journal.Finished(ended);
                }

                throw;
            }

            journal.Finished(outcomes(result));
            return result;
        };
    }

    /// <summary>The read-back of a row done in the journal, for <see cref="Submit{T}"/>; null when the cmdlet has none.</summary>
    private Func<CancellationToken, Task<T>>? ReadBackDone<T>(string? doneId)
    {
        Func<CancellationToken, Task<object>>? read = doneId == null || _journalClient == null ? null : JournalReadBack(_journalClient, doneId);
        if (read == null)
        {
            return null;
        }

        return async token => (T)await read(token).ConfigureAwait(false);
    }

    /// <summary>The outcome of <paramref name="keys"/> after <paramref name="failure"/>; null when it leaves them unknown ("started").</summary>
    private protected static JournalOutcome[]? FailureOutcomes(IReadOnlyList<string> keys, Exception failure)
    {
        JournalRowState state;
        string errorId;
        switch (failure)
        {
            case CampaignApiException api:
                state = api.Failure.OutcomeUnknown ? JournalRowState.Unknown : JournalRowState.Failed;
                errorId = api.ErrorId;
                break;
            case InputValidationException invalid:
                state = JournalRowState.Failed;
                errorId = invalid.ErrorId;
                break;
            case OperationCanceledException:
                // Stopped before the request left (its pacing slot or a back-off after a 429): a request stopped on the
                // wire fails with an OutcomeUnknown CampaignApiException instead (ApiTransport), so this row was not sent.
                state = JournalRowState.New;
                errorId = "Cancelled";
                break;
            default:
                return null;
        }

        return keys.Select(key => new JournalOutcome(key, state, null, errorId)).ToArray();
    }

    /// <summary>The id of a result, for the journal's "done" line: its Id property, when it has one.</summary>
    private protected static string? IdOf(object? result)
    {
        object? id = result?.GetType().GetProperty("Id", BindingFlags.Public | BindingFlags.Instance)?.GetValue(result);
        return id == null ? null : Convert.ToString(id, CultureInfo.InvariantCulture);
    }

    // Writes the run's summary and closes the journal (its lock too).
    private void EndJournal()
    {
        RunJournal? journal = _journal;
        if (journal == null)
        {
            return;
        }

        WriteVerbose($"Journal {journal.Path}: {_journalSent} rows sent in this run, {_journalSkipped} skipped (done earlier), {_journalHeld} not sent (outcome unknown).");
        if (_journalHeld > 0)
        {
            WriteWarning($"{_journalHeld} rows of the journal {journal.Path} were sent by an earlier run that ended before the answer, and were not sent again (errors CampaignJournalOutcomeUnknown name them and what to check). Run again with -RetryUnknown to send them once you know they were not done.");
        }

        CloseJournal();
    }

    /// <inheritdoc />
    private protected override void ReleaseResources()
    {
        base.ReleaseResources();
        CloseJournal();
    }

    private void CloseJournal()
    {
        _journal?.Dispose();
        _journal = null;
    }

    private bool WhatIfRequested =>
        MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? given)
            ? given is SwitchParameter whatIf && whatIf.IsPresent
            : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

    // The key of the current row: -JournalKey's column or script block, else a hash of the row.
    private string? RowKey(object? item)
    {
        object? row = item ?? (object?)InputObject;
        switch (JournalKey)
        {
            case ScriptBlock script:
                {
                    object? value = script.InvokeWithContext(null, new List<PSVariable> { new PSVariable("_", row ?? RowParameterTable()) }).FirstOrDefault();
                    return value == null ? null : Canonical(value);
                }

            case null:
                return item != null
                    ? JournalRowKey.Hash(PowerShellRecords.Fields(item).Select(f => new KeyValuePair<string, string?>(f.Key, Canonical(f.Value))))
                    : JournalRowKey.Hash(RowParameters().Select(p => new KeyValuePair<string, string?>(p.Key, Canonical(p.Value))));
            default:
                {
                    string name = (string)PowerShellRecords.Unwrap(JournalKey)!;
                    if (row != null)
                    {
                        foreach (KeyValuePair<string, object?> field in PowerShellRecords.Fields(row))
                        {
                            if (string.Equals(field.Key, name, StringComparison.OrdinalIgnoreCase))
                            {
                                return Canonical(field.Value);
                            }
                        }
                    }

                    return MyInvocation.BoundParameters.TryGetValue(name, out object? bound) ? Canonical(bound) : null;
                }
        }
    }

    // The parameters bound for the current record that can come from the pipeline (the row's part).
    private IEnumerable<KeyValuePair<string, object?>> RowParameters()
    {
        HashSet<string> pipelined = RowParameterNames(GetType());
        return MyInvocation.BoundParameters
            .Where(p => pipelined.Contains(p.Key) && !RunParameters.Contains(p.Key))
            .Select(p => new KeyValuePair<string, object?>(p.Key, p.Value));
    }

    private Hashtable RowParameterTable()
    {
        var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, object?> parameter in RowParameters())
        {
            table[parameter.Key] = parameter.Value;
        }

        return table;
    }

    // A hash of the parameters given on the command line that apply to every row (run at BeginProcessing).
    private string ScopeHash()
    {
        HashSet<string> pipelined = RowParameterNames(GetType());
        return JournalRowKey.Hash(MyInvocation.BoundParameters
            .Where(p => !pipelined.Contains(p.Key) && !RunParameters.Contains(p.Key))
            .Select(p => new KeyValuePair<string, string?>(p.Key, Canonical(p.Value))));
    }

    private static HashSet<string> RowParameterNames(Type type) => RowParametersByType.GetOrAdd(type, t =>
        new HashSet<string>(t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttributes<ParameterAttribute>(true).Any(a => a.ValueFromPipeline || a.ValueFromPipelineByPropertyName))
            .Select(p => p.Name), StringComparer.OrdinalIgnoreCase));

    /// <summary>A value as stable text: invariant culture, round-trip dates, collections and records element by element.</summary>
    internal static string? Canonical(object? value)
    {
        value = PowerShellRecords.Unwrap(value);
        switch (value)
        {
            case null:
                return null;
            case string text:
                return text;
            case SwitchParameter flag:
                return flag.IsPresent ? "True" : "False";
            case bool flag:
                return flag ? "True" : "False";
            case DateTime time:
                return time.ToString("o", CultureInfo.InvariantCulture);
            case DateTimeOffset time:
                return time.ToString("o", CultureInfo.InvariantCulture);
            case ScriptBlock script:
                return script.ToString();
            case IDictionary dictionary:
                {
                    var entries = new List<KeyValuePair<string, string?>>();
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        entries.Add(new KeyValuePair<string, string?>(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty, Canonical(entry.Value)));
                    }

                    return Record(entries);
                }

            case PSObject custom:
                return Record(PowerShellRecords.Fields(custom).Select(f => new KeyValuePair<string, string?>(f.Key, Canonical(f.Value))));
            case IEnumerable items:
                {
                    var text = new StringBuilder("[");
                    foreach (object? element in items)
                    {
                        text.Append(text.Length > 1 ? "," : string.Empty).Append(Quote(Canonical(element)));
                    }

                    return text.Append(']').ToString();
                }

            case IFormattable formattable:
                return formattable.ToString(null, CultureInfo.InvariantCulture);
            default:
                return value.ToString();
        }
    }

    private static string Record(IEnumerable<KeyValuePair<string, string?>> entries) =>
        "{" + string.Join(",", entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => Quote(e.Key) + ":" + Quote(e.Value))) + "}";

    private static string Quote(string? text) => text == null ? "null" : "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
