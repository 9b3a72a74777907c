using CampaignPS.Engine.Pipeline;

namespace CampaignPS.Infrastructure;

/// <summary>
/// Base of every CampaignPS cmdlet. It owns three things: the <see cref="PipelineBridge"/> that runs
/// async engine calls while the pipeline thread writes their log lines (Write* only ever happens on
/// that thread), the cancellation that Ctrl+C triggers, and the reporting of failures as ErrorRecords
/// (non-terminating per record, terminating for a rejected key or a closed connection).
/// </summary>
public abstract class CampaignCmdlet : PSCmdlet, IPipelineWriter, IDisposable
{
    /// <summary>How long a request already on the wire may take to answer after Ctrl+C, before it is given up.</summary>
    internal static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
    private readonly CancellationTokenSource _abandon = new CancellationTokenSource();
    private readonly StopReport _afterStop = new StopReport();
    private PipelineBridge? _bridge;
    private Confirmation? _confirmation;
    private bool? _changesRemoteState;

    /// <summary>The bridge the cmdlet's engine work runs through; requests on the wire get <see cref="StopGrace"/> after a stop.</summary>
    internal PipelineBridge Bridge => _bridge ??= new PipelineBridge(this, _abandon.Token);

    /// <summary>Cancelled by Ctrl+C (StopProcessing) or by a terminating error.</summary>
    protected CancellationToken StoppingToken => _stopping.Token;

    /// <summary>The ShouldProcess decisions of this cmdlet (change, unless forced, send).</summary>
    protected Confirmation Confirm => _confirmation ??= new Confirmation(this);

    /// <summary>The platform named in errors that do not carry one (a connection closed mid-run); null outside platform cmdlets.</summary>
    protected virtual PlatformInfo? ReportingPlatform => null;

    /// <summary>Runs <paramref name="work"/> to completion; failures propagate. A change that ends after a stop is reported (<see cref="StopReport"/>).</summary>
    protected T Await<T>(Func<CancellationToken, Task<T>> work, object? target = null)
    {
        Task<T> task = Bridge.Start(work, _stopping.Token);
        Bridge.WaitForAny(new Task[] { task });
        if (_stopping.IsCancellationRequested)
        {
            RecordAfterStop(task, target);
            ThrowStopped();
        }

        return task.GetAwaiter().GetResult();
    }

    /// <summary>Runs <paramref name="work"/>; on failure reports it against <paramref name="target"/> and returns false.</summary>
    protected bool TryAwait<T>(Func<CancellationToken, Task<T>> work, object? target, out T result)
    {
        try
        {
            result = Await(work, target);
            return true;
        }
        catch (Exception exception) when (ErrorRecordFactory.IsReportable(exception))
        {
            Report(exception, target);
            result = default!;
            return false;
        }
    }

    /// <summary>Runs <paramref name="work"/>; on failure reports it against <paramref name="target"/> and returns false.</summary>
    protected bool TryAwait(Func<CancellationToken, Task> work, object? target) =>
        TryAwait(async token =>
        {
            await work(token).ConfigureAwait(false);
            return true;
        }, target, out _);

    /// <summary>Runs client-side checks; on failure reports them against <paramref name="target"/> and returns false.</summary>
    protected bool TryValidate(Action validation, object? target)
    {
        try
        {
            validation();
            return true;
        }
        catch (InputValidationException exception)
        {
            Report(exception, target);
            return false;
        }
    }

    /// <summary>
    /// The result of a finished task, or the report of its failure against <paramref name="target"/> (false). After a
    /// stop nothing is written: the outcome goes to the <see cref="StopReport"/> instead.
    /// </summary>
    internal bool TryResult<T>(Task<T> task, object? target, out T result)
    {
        if (_stopping.IsCancellationRequested)
        {
            RecordAfterStop(task, target);
            result = default!;
            return false;
        }

        try
        {
            result = task.GetAwaiter().GetResult();
            return true;
        }
        catch (Exception exception) when (ErrorRecordFactory.IsReportable(exception))
        {
            Report(exception, target);
            result = default!;
            return false;
        }
    }

    /// <summary>Writes the error, or throws it when it should end the whole run (and stops the requests still in flight).</summary>
    protected void Report(Exception exception, object? target)
    {
        ErrorRecord record = ErrorRecordFactory.Create(exception, target, ReportingPlatform, out bool terminating);
        if (terminating)
        {
            _stopping.Cancel();
            ThrowTerminatingError(record);
        }

        try
        {
            WriteError(record);
        }
        catch (PipelineStoppedException)
        {
            // PowerShell began stopping before it called StopProcessing: keep the failure for the stop report.
            NoticeStop();
            _afterStop.Add(target, null, exception);
        }
    }

    /// <summary>Writes a result; when PowerShell is already stopping, keeps it for the stop report instead.</summary>
    internal void WriteResult(Action write, object? target, object? result)
    {
        try
        {
            write();
        }
        catch (PipelineStoppedException)
        {
            NoticeStop();
            if (ChangesRemoteState)
            {
                _afterStop.Add(target, result, null);
            }
        }
    }

    /// <summary>True once Ctrl+C (or Stop-Job, PowerShell.Stop()) asked the command to stop.</summary>
    internal bool StopRequested => _stopping.IsCancellationRequested;

    /// <summary>Writes what the changes in flight at the stop became (host and $Error), then ends the command.</summary>
    internal void ThrowStopped()
    {

        _afterStop.Write(this, ReportingPlatform);
        throw new PipelineStoppedException();
    }

    /// <summary>Nothing new is sent from now on; requests already on the wire get <see cref="StopGrace"/> to answer.</summary>
    protected override void StopProcessing() => NoticeStop();

    private void NoticeStop()
    {
        _stopping.Cancel();
        try
        {
            _abandon.CancelAfter(StopGrace);
        }
        catch (ObjectDisposedException)
        {
            // The command has ended already.
        }
    }

    private void RecordAfterStop<T>(Task<T> task, object? target)
    {

        if (!ChangesRemoteState || !task.IsCompleted)
        {
            return;
        }

        if (task.IsFaulted)
        {
            _afterStop.Add(target, null, task.Exception!.GetBaseException());
        }
        else if (!task.IsCanceled)
        {
            _afterStop.Add(target, task.Result, null);
        }
    }

    /// <summary>Runs when the command ends after a stop, before the report is written: finish what is still in flight.</summary>
    protected virtual void SettleAfterStop()
    {
    }

    // Reads have nothing to report after a stop; cmdlets that change remote state support ShouldProcess.
    private bool ChangesRemoteState => _changesRemoteState ??=
        GetType().GetCustomAttributes(typeof(CmdletAttribute), inherit: true).OfType<CmdletAttribute>().Any(a => a.SupportsShouldProcess);

    void IPipelineWriter.Write(PipelineMessageKind kind, string text)
    {
        try
        {
            if (StopRequested)
            {
                // After a stop PowerShell takes no more records; a warning still reaches the host, trace lines do not.
                if (kind == PipelineMessageKind.Warning)
                {
                    Host.UI.WriteWarningLine(text);
                }

                return;
            }

            switch (kind)
            {
                case PipelineMessageKind.Debug:
                    WriteDebug(text);
                    break;
                case PipelineMessageKind.Warning:
                    WriteWarning(text);
                    break;
                default:
                    WriteVerbose(text);
                    break;
            }
        }
        catch (PipelineStoppedException)
        {
            NoticeStop();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (StopRequested)
        {
            try
            {
                // The pipeline ended before the report could be written (stopped between two records).
                SettleAfterStop();
                _afterStop.Write(this, ReportingPlatform);
            }
            catch (Exception exception) when (exception is PipelineStoppedException || exception is InvalidOperationException || exception is NotImplementedException)
            {
                // No host to write to any more.
            }
        }

        ReleaseResources();
        _stopping.Dispose();
        _abandon.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs when the command is disposed, however it ended: release files and locks it holds.</summary>
    private protected virtual void ReleaseResources()
    {
    }
}
