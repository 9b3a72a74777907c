using System;
using System.Management.Automation;
using CampaignPS.Engine.Errors;
using CampaignPS.Engine.Validation;

namespace CampaignPS.Infrastructure
{
    /// <summary>Maps engine failures to ErrorRecords: stable ErrorId, category from the status, the input as TargetObject, the API message and request id in ErrorDetails.</summary>
    internal static class ErrorRecordFactory
    {
        public static bool IsReportable(Exception exception) =>
            exception is CampaignApiException || exception is InputValidationException || exception is ObjectDisposedException;

        public static ErrorRecord Create(Exception exception, object? target, out bool terminating)
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
                case ObjectDisposedException closed:
                    terminating = true;
                    return new ErrorRecord(closed, "ConnectionClosed", ErrorCategory.ResourceUnavailable, target)
                    {
                        ErrorDetails = new ErrorDetails(closed.Message.Split(new[] { Environment.NewLine }, StringSplitOptions.None)[0]),
                    };
                default:
                    return new ErrorRecord(exception, "CampaignPSUnexpectedError", ErrorCategory.NotSpecified, target);
            }
        }

        public static ErrorCategory ToCategory(FailureCategory category) =>
            Enum.TryParse(category.ToString(), out ErrorCategory mapped) ? mapped : ErrorCategory.NotSpecified;
    }
}
