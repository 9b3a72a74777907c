using CampaignPS.Engine.Pipeline;
using Microsoft.Extensions.Logging;

namespace CampaignPS.Engine.Logging;

/// <summary>
/// Sends log entries to the cmdlet whose work produced them: Information becomes -Verbose,
/// Debug and Trace become -Debug, Warning and above become warnings. The entry is queued on
/// that cmdlet's <see cref="PipelineBridge"/> so it is written on the pipeline thread.
/// Entries logged outside any cmdlet are dropped.
/// </summary>
public sealed class PipelineLoggerProvider : ILoggerProvider
{
    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new PipelineLogger();

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class PipelineLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && PipelineBridge.Current != null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            PipelineBridge? bridge = PipelineBridge.Current;
            if (bridge == null || logLevel == LogLevel.None)
            {
                return;
            }

            string text = formatter(state, exception);
            PipelineMessageKind kind = logLevel switch
            {
                LogLevel.Trace or LogLevel.Debug => PipelineMessageKind.Debug,
                LogLevel.Information => PipelineMessageKind.Verbose,
                _ => PipelineMessageKind.Warning,
            };
            // Verbose and debug lines carry the time, which is what a long run's trace needs; warnings are for people.
            bridge.Post(kind, kind == PipelineMessageKind.Warning ? text : $"[{DateTime.Now:HH:mm:ss.fff}] {text}");
        }
    }
}
