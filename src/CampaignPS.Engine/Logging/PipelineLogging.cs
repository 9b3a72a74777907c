using Microsoft.Extensions.Logging;

namespace CampaignPS.Engine.Logging;

/// <summary>The logger factory connections made by cmdlets use: everything goes to the running cmdlet's pipeline.</summary>
public static class PipelineLogging
{
    /// <summary>One factory for the process; routing to the right cmdlet happens per call (see <see cref="PipelineLoggerProvider"/>).</summary>
    public static ILoggerFactory Factory { get; } = LoggerFactory.Create(builder => builder
        .SetMinimumLevel(LogLevel.Trace)
        .AddProvider(new PipelineLoggerProvider()));
}
