using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CampaignPS.Engine.Paging;
using CampaignPS.Engine.Pipeline;
using CampaignPS.Engine.Validation;

namespace CampaignPS.Infrastructure
{
    /// <summary>
    /// Base of every CampaignPS cmdlet: runs engine calls through one <see cref="PipelineBridge"/>
    /// (so Write* only happens on the pipeline thread), cancels them on Ctrl+C, and reports
    /// failures as ErrorRecords (non-terminating per record, terminating for a rejected key).
    /// </summary>
    public abstract class CampaignCmdlet : PSCmdlet, IPipelineWriter, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private PipelineBridge? _bridge;
        private OrderedRunner<Action<Task<object?>>, object?>? _ordered;

        private PipelineBridge Bridge => _bridge ??= new PipelineBridge(this);

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

        /// <summary>Writes the error, or throws it when it should end the whole run (and stops the requests still in flight).</summary>
        protected void Report(Exception exception, object? target)
        {
            ErrorRecord record = ErrorRecordFactory.Create(exception, target, out bool terminating);
            if (terminating)
            {
                _stopping.Cancel();
                ThrowTerminatingError(record);
            }

            WriteError(record);
        }

        /// <summary>
        /// Starts <paramref name="work"/> for one record with up to <paramref name="throttleLimit"/> records in
        /// flight; <paramref name="onSuccess"/> (or the error report) runs on the pipeline thread in input order.
        /// Everything submitted is finished in <see cref="EndProcessing"/>.
        /// </summary>
        protected void SubmitOrdered<T>(object? target, int throttleLimit, Func<CancellationToken, Task<T>> work, Action<T> onSuccess)
        {
            _ordered ??= new OrderedRunner<Action<Task<object?>>, object?>(Bridge, throttleLimit, (deliver, task) => deliver(task));
            Action<Task<object?>> deliver = task =>
            {
                if (TryResult(task, target, out object? result))
                {
                    onSuccess((T)result!);
                }
            };
            _ordered.Submit(deliver, async token => (object?)await work(token).ConfigureAwait(false), _stopping.Token);
        }

        /// <summary>Waits for every record submitted with <see cref="SubmitOrdered{T}"/> and delivers the rest in order.</summary>
        protected void CompleteOrdered() => _ordered?.Complete();

        /// <inheritdoc />
        protected override void EndProcessing() => CompleteOrdered();

        private bool TryResult(Task<object?> task, object? target, out object? result)
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
                result = null;
                return false;
            }
        }

        /// <summary>Writes a cursor-paged list: one page only, every page (<paramref name="all"/>), or the first <paramref name="first"/> items.</summary>
        protected void WritePages<T>(Func<string?, CancellationToken, Task<CursorPage<T>>> fetchPage, bool all, long? first)
        {
            var pager = new CursorPager<T>(fetchPage, all, first);
            while (TryAwait(pager.NextAsync, null, out var items) && items != null)
            {
                foreach (T item in items)
                {
                    WriteObject(item);
                }
            }
        }

        /// <summary>
        /// ShouldProcess that <c>-Force</c> can answer: with -Force (and no -WhatIf) the change goes ahead
        /// without a prompt, as unattended runbooks need.
        /// </summary>
        protected bool ShouldProcessUnlessForced(string target, string action, bool force)
        {
            if (force && !WhatIfRequested())
            {
                return true;
            }

            return ShouldProcess(target, action);
        }

        /// <summary>
        /// ShouldProcess for a change that sends email or SMS and cannot be undone. The cmdlet keeps a
        /// Medium ConfirmImpact so its everyday changes do not prompt; sending asks like a High-impact
        /// change would: -WhatIf shows it, -Force or -Confirm:$false go ahead, otherwise the user is asked.
        /// </summary>
        protected bool ShouldProcessSend(string target, string action, bool force)
        {
            if (!ShouldProcessUnlessForced(target, action, force))
            {
                return false;
            }

            if (force || ConfirmAnsweredAlready())
            {
                return true;
            }

            return ShouldContinue($"{action} on {target}? This sends messages to real recipients and cannot be undone.", "Confirm sending");
        }

        /// <summary>An optional value from a CSV column or parameter: empty or white space counts as not given.</summary>
        protected static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

        /// <summary>A switch as a three-way value: null when the user did not give it, else -Switch or -Switch:$false.</summary>
        protected bool? SwitchGiven(string parameterName, SwitchParameter value) =>
            MyInvocation.BoundParameters.ContainsKey(parameterName) ? value.IsPresent : (bool?)null;

        /// <summary>An optional structured value: null, or empty text, counts as not given.</summary>
        protected static object? Given(object? value) => value is string text ? Given(text) : value;

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

        // -Confirm (either way) was given, or $ConfirmPreference is Medium or lower so ShouldProcess already asked.
        private bool ConfirmAnsweredAlready()
        {
            if (MyInvocation.BoundParameters.ContainsKey("Confirm"))
            {
                return true;
            }

            object? preference = GetVariableValue("ConfirmPreference");
            return preference is ConfirmImpact impact && impact != ConfirmImpact.None && impact <= ConfirmImpact.Medium;
        }

        private bool WhatIfRequested()
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? value))
            {
                return LanguagePrimitives.IsTrue(value);
            }

            return LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
        }
    }
}
