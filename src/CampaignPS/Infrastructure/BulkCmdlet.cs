using CampaignPS.Engine.Pipeline;

namespace CampaignPS.Infrastructure;

/// <summary>
/// Base of the cmdlets that take many records from the pipeline and send one request each (or one
/// per batch): -ThrottleLimit, and the one path every record takes, validate → confirm → send, with
/// up to ThrottleLimit records in flight and results written in input order. Everything submitted is
/// delivered before the cmdlet ends: <see cref="EndProcessingWith"/> is sealed, and subclasses that
/// gather input finish it in <see cref="EndInput"/>.
/// </summary>
/// <typeparam name="TClient">The engine client the cmdlet calls.</typeparam>
public abstract partial class BulkCmdlet<TClient> : PlatformCmdlet<TClient>
    where TClient : class, IPlatformClient
{
    private OrderedRunner? _runner;
    private BulkProgress? _progress;

    /// <summary><para type="description">The most records in flight at once (1 to 32). Without it the number follows the connection's pace and the observed latency (in flight = rate x latency, with a margin, at most 16), which keeps a provider's rate limit busy; with it, never more than this. Results are still written in input order; 1 sends one record at a time.</para></summary>
    [Parameter]
    [ValidateRange(1, 32)]
    public int? ThrottleLimit { get; set; }

    /// <summary>
    /// <para type="description">The whole pipeline record (an Import-Csv row, a piped object). Bound by PowerShell, not typed: a record that fails is reported with it as TargetObject, so $failed.TargetObject | Export-Csv keeps every column.</para>
    /// </summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>What a failure of the current record is reported against: the pipeline row, else <paramref name="fallback"/>.</summary>
    protected object? RecordFor(object? fallback) => (object?)InputObject ?? fallback;

    /// <summary>
    /// Takes one record through the bulk path: <paramref name="validate"/> (a failure is reported against
    /// <paramref name="record"/>, nothing is sent), then <paramref name="confirmed"/> (ShouldProcess), then
    /// <paramref name="send"/> in flight; <paramref name="write"/> gets the result on the pipeline thread,
    /// in input order, and a failure is reported against <paramref name="record"/>. With -Journal the row is first
    /// looked up (skipped when done, reported when its outcome is unknown) and its request journaled; its key comes
    /// from <paramref name="journalRow"/> (a contact of an array parameter) when given, else from the record.
    /// </summary>
    protected void Submit<T>(object? record, Action validate, Func<bool> confirmed, Func<CancellationToken, Task<T>> send, Action<T> write, object? journalRow = null)
    {
        object? target = RecordFor(record);
        if (!JournalAdmits(journalRow, string.Empty, target, out string? key, out string? doneId))
        {
            // A row done earlier: written again, read back by its id, where the cmdlet can (so a pipeline after it resumes too).
            Func<CancellationToken, Task<T>>? readBack = ReadBackDone<T>(doneId);
            if (readBack != null)
            {
                SubmitOrdered(target, readBack, write);
            }

            return;
        }

        if (TryValidate(validate, target) && confirmed())
        {
            SubmitOrdered(target, key == null ? send : WithJournal(new[] { key }, send, result => new[] { new Engine.Journal.JournalOutcome(key, Engine.Journal.JournalRowState.Done, IdOf(result)) }), write);
        }
    }

    /// <summary>Starts <paramref name="send"/> in flight (already validated and confirmed); see <see cref="Submit{T}"/>.</summary>
    protected void SubmitOrdered<T>(object? record, Func<CancellationToken, Task<T>> send, Action<T> write)
    {
        if (StopRequested)
        {
            StopWithReport();
        }

        _runner ??= new OrderedRunner(Bridge, () => InFlightLimit.For(Transport, ThrottleLimit, Platform.DefaultThrottleLimit));
        _progress ??= ReportsProgress ? new BulkProgress(this, MyInvocation.MyCommand.Name, MyInvocation.PipelinePosition) : null;
        _progress?.Submitted();
        _runner.Submit(send, task =>
        {
            bool succeeded = TryResult(task, record, out T result);
            _progress?.Delivered(succeeded);
            if (succeeded)
            {
                WriteResult(() => write(result), record, result);
            }
        }, StoppingToken);
        if (StopRequested)
        {
            StopWithReport();
        }
    }

    /// <summary>Waits for everything in flight and writes the rest of the results, in order.</summary>
    protected void DeliverAll()
    {
        _runner?.Complete();
        if (StopRequested)
        {
            StopWithReport();
        }
    }

    /// <inheritdoc />
    protected override void SettleAfterStop()
    {
        _runner?.Complete();
        CloseJournal();
    }

    // After Ctrl+C: let what is on the wire answer (the bridge gives it a grace), report it, and end the command.
    private void StopWithReport()
    {
        _runner?.Complete();
        ThrowStopped();
    }

    /// <summary>False for a cmdlet that writes a progress bar of its own (Add-SmartleadLead counts leads, not requests).</summary>
    protected virtual bool ReportsProgress => true;

    /// <summary>Runs after the last record, before the base delivers what is still in flight (send what was gathered here).</summary>
    protected virtual void EndInput(TClient client)
    {
    }

    /// <inheritdoc />
    protected sealed override void EndProcessingWith(TClient client)
    {
        EndInput(client);
        DeliverAll();
        _progress?.Complete();
        EndJournal();
    }
}

/// <summary>A bulk cmdlet that changes an existing object: -PassThru writes the changed object.</summary>
/// <typeparam name="TClient">The engine client the cmdlet calls.</typeparam>
public abstract class BulkChangeCmdlet<TClient> : BulkCmdlet<TClient>
    where TClient : class, IPlatformClient
{
    /// <summary><para type="description">Write the changed object, so the pipeline can go on configuring it.</para></summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Writes <paramref name="changed"/> when -PassThru was given.</summary>
    protected void WriteIfPassThru(object? changed)
    {
        if (PassThru.IsPresent && changed != null)
        {
            WriteObject(changed);
        }
    }
}
