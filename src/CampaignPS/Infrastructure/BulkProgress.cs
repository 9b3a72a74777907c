using System.Diagnostics;

namespace CampaignPS.Infrastructure;

/// <summary>
/// The progress bar of one bulk cmdlet: how many of the records submitted so far are done (and how many failed),
/// written on the pipeline thread as results are delivered, at most five times a second, and completed at the end.
/// The total of a streamed pipeline is not known ahead, so the bar counts rather than fills.
/// </summary>
internal sealed class BulkProgress
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly Cmdlet _cmdlet;
    private readonly int _activityId;
    private readonly string _activity;
    private readonly Stopwatch _sinceWritten = new Stopwatch();
    private long _submitted;
    private long _done;
    private long _failed;

    public BulkProgress(Cmdlet cmdlet, string commandName, int pipelinePosition)
    {
        _cmdlet = cmdlet;
        // One bar per bulk cmdlet of a pipeline (New-SmartleadCampaign | Set-SmartleadSequence shows two).
        _activityId = 0x43500 + pipelinePosition;
        _activity = commandName;
    }

    /// <summary>A record went in flight.</summary>
    public void Submitted() => _submitted++;

    /// <summary>A record's result was delivered (on the pipeline thread).</summary>
    public void Delivered(bool succeeded)
    {
        _done++;
        if (!succeeded)
        {
            _failed++;
        }

        if (!_sinceWritten.IsRunning || _sinceWritten.Elapsed >= Interval || _done == _submitted)
        {
            Write(ProgressRecordType.Processing);
        }
    }

    /// <summary>Everything was delivered: the bar closes.</summary>
    public void Complete()
    {
        if (_submitted > 0)
        {
            Write(ProgressRecordType.Completed);
        }
    }

    // A new record each time: hosts and jobs keep the records they are given (a thread job's Progress list).
    private void Write(ProgressRecordType type)
    {
        string status = _failed == 0 ? $"{_done} of {_submitted} records done" : $"{_done} of {_submitted} records done, {_failed} failed";
        try
        {
            _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, status) { RecordType = type });
        }
        catch (PipelineStoppedException)
        {
            // Stopping: the cmdlet reports what is still in flight; a bar is not worth ending it early.
        }

        _sinceWritten.Restart();
    }
}
