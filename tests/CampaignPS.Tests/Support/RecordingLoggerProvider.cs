using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CampaignPS.Tests.Support;

/// <summary>Keeps every log line, and lets a test await the first line that contains a phrase.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider, ILoggerFactory
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<string> _warnings = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _awaited = new();

    public IReadOnlyList<string> Lines => _lines.ToArray();

    /// <summary>The lines logged as warnings or worse (what -Verbose is not needed to see).</summary>
    public IReadOnlyList<string> Warnings => _warnings.ToArray();

    public Task<string> WaitForAsync(string phrase) =>
        _awaited.GetOrAdd(phrase, _ =>
        {
            var source = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            string? seen = _lines.FirstOrDefault(l => l.Contains(phrase, StringComparison.Ordinal));
            if (seen != null)
            {
                source.TrySetResult(seen);
            }

            return source;
        }).Task;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private void Add(LogLevel level, string line)
    {
        if (level >= LogLevel.Warning)
        {
            _warnings.Enqueue(line);
        }

        _lines.Enqueue(line);
        foreach (var pair in _awaited)
        {
            if (line.Contains(pair.Key, StringComparison.Ordinal))
            {
                pair.Value.TrySetResult(line);
            }
        }
    }

    private sealed class Logger(RecordingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(logLevel, formatter(state, exception) + (exception == null ? string.Empty : " | " + exception));
    }
}
