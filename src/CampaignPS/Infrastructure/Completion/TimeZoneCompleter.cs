using System.Collections;
using System.Management.Automation.Language;

namespace CampaignPS.Infrastructure.Completion;

/// <summary>Completes IANA time zone names (Europe/Berlin, America/New_York, ...) from the list the engine validates against.</summary>
public sealed class TimeZoneCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string typed = CompletionText.Unquote(wordToComplete);
        return IanaTimeZones.All
            .Where(zone => zone.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ||
                           zone.Split('/').Skip(1).Any(part => part.StartsWith(typed, StringComparison.OrdinalIgnoreCase)))
            .Select(zone => new CompletionResult(CompletionText.Quote(zone), zone, CompletionResultType.ParameterValue, zone));
    }
}

/// <summary>Quoting for completion results.</summary>
internal static class CompletionText
{
    public static string Unquote(string? word) => (word ?? string.Empty).Trim('\'', '"');

    public static string Quote(string value) =>
        value.Any(c => char.IsWhiteSpace(c) || "'\"`$;,(){}|&@#".IndexOf(c) >= 0) ? "'" + value.Replace("'", "''") + "'" : value;
}
