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
    private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
    private PipelineBridge? _bridge;
    private Confirmation? _confirmation;

    /// <summary>The bridge the cmdlet's engine work runs through.</summary>
    internal PipelineBridge Bridge => _bridge ??= new PipelineBridge(this);

    /// <summary>Cancelled by Ctrl+C (StopProcessing) or by a terminating error.</summary>
    protected CancellationToken StoppingToken => _stopping.Token;

    /// <summary>The ShouldProcess decisions of this cmdlet (change, unless forced, send).</summary>
    protected Confirmation Confirm => _confirmation ??= new Confirmation(this);

    /// <summary>The platform named in errors that do not carry one (a connection closed mid-run); null outside platform cmdlets.</summary>
    protected virtual PlatformInfo? ReportingPlatform => null;

    /// <summary>Runs <paramref name="work"/> to completion; failures propagate.</summary>
    protected T Await<T>(Func<CancellationToken, Task<T>> work)
    {
        try
        {
            return Bridge.Run(work, _stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>Runs <paramref name="work"/>; on failure reports it against <paramref name="target"/> and returns false.</summary>
    protected bool TryAwait<T>(Func<CancellationToken, Task<T>> work, object? target, out T result)
    {
        try
        {
            result = Await(work);
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

    /// <summary>The result of a finished task, or the report of its failure against <paramref name="target"/> (false).</summary>
    internal bool TryResult<T>(Task<T> task, object? target, out T result)
    {
        try
        {
            result = task.GetAwaiter().GetResult();
            return true;
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
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

        WriteError(record);
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _stopping.Cancel();

    void IPipelineWriter.Write(PipelineMessageKind kind, string text)
    {
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

    /// <inheritdoc />
    public void Dispose()
    {
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }
}
