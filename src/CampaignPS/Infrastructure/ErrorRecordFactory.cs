using CampaignPS.Engine.Errors;

namespace CampaignPS.Infrastructure;

/// <summary>
/// Maps engine failures to ErrorRecords: stable ErrorId, category from the status, the input as TargetObject,
/// the API message and request id in ErrorDetails. Every text comes from the failure's fields, never from
/// taking another exception's message apart.
/// </summary>
internal static class ErrorRecordFactory
{
    public static bool IsReportable(Exception exception) =>
        exception is CampaignApiException || exception is InputValidationException || exception is ConnectionClosedException || exception is ObjectDisposedException;

    public static ErrorRecord Create(Exception exception, object? target, PlatformInfo? platform, out bool terminating)
    {
        terminating = false;
        switch (exception)
        {
            case CampaignApiException api:
                terminating = api.Failure.IsTerminating;
                return new ErrorRecord(api, api.ErrorId, ToCategory(api.Failure.Category), target)
                {
                    ErrorDetails = new ErrorDetails(api.Failure.Details),
                };
            case InputValidationException invalid:
                return new ErrorRecord(invalid, invalid.ErrorId, ErrorCategory.InvalidArgument, target)
                {
                    ErrorDetails = new ErrorDetails(invalid.Message) { RecommendedAction = $"Correct {invalid.Field} and run the command again." },
                };
            case ConnectionClosedException closed:
                terminating = true;
                return Closed(closed, closed.Platform, target);
            case ObjectDisposedException disposed:
                // The connection's HttpClient was disposed while a request ran (Disconnect-* in another runspace).
                terminating = true;
                return platform == null
                    ? new ErrorRecord(disposed, "ConnectionClosed", ErrorCategory.ResourceUnavailable, target)
                    : Closed(new ConnectionClosedException(platform), platform, target);
            default:
                return new ErrorRecord(exception, "CampaignPSUnexpectedError", ErrorCategory.NotSpecified, target);
        }
    }

    public static ErrorCategory ToCategory(FailureCategory category) =>
        Enum.TryParse(category.ToString(), out ErrorCategory mapped) ? mapped : ErrorCategory.NotSpecified;

    private static ErrorRecord Closed(ConnectionClosedException closed, PlatformInfo platform, object? target) =>
        new ErrorRecord(closed, platform.ErrorIdPrefix + "ConnectionClosed", ErrorCategory.ResourceUnavailable, target)
        {
            ErrorDetails = new ErrorDetails(closed.Message) { RecommendedAction = $"Run {platform.ConnectCommand} again." },
        };
}
