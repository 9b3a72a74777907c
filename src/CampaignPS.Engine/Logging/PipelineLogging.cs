using CampaignPS.Engine.Http;
using Microsoft.Extensions.Logging;

namespace CampaignPS.Engine.Logging;

/// <summary>The logger factory connections made by cmdlets use: everything goes to the running cmdlet's pipeline.</summary>
public static class PipelineLogging
{
    /// <summary>One factory for the process; routing to the right cmdlet happens per call (see <see cref="PipelineLoggerProvider"/>).</summary>
    public static ILoggerFactory Factory { get; } = LoggerFactory.Create(builder => builder
        .SetMinimumLevel(LogLevel.Trace)
        .AddProvider(new PipelineLoggerProvider()));

    /// <summary>
    /// Sends <paramref name="options"/>' log lines to the running cmdlet's pipeline. A method of the engine, so the cmdlet
    /// layer (in PowerShell 7's default load context) never names a Microsoft.Extensions.Logging type: only the engine,
    /// in CampaignPS's own load context, binds to one.
    /// </summary>
    public static ApiConnectionOptions ToPipeline(this ApiConnectionOptions options)
    {
        (options ?? throw new ArgumentNullException(nameof(options))).LoggerFactory = Factory;
        return options;
    }
}
