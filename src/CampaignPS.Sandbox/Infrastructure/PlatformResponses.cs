using System.Globalization;
using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox;

/// <summary>Writes the responses the pipeline itself produces (errors and injected faults) in the platform's shape.</summary>
internal static class PlatformResponses
{
    public const string RequestIdHeader = "x-request-id";

    public static Task WriteErrorAsync(HttpContext context, ISandboxPlatform platform, int statusCode, string message, TimeSpan? retryAfter = null)
    {
        context.Response.StatusCode = statusCode;
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }
        return context.Response.WriteAsJsonAsync(platform.ErrorBody(statusCode, message, retryAfter), SandboxJson.Options);
    }

    /// <summary>Writes an error thrown by a route, in the platform's shape.</summary>
    public static Task WriteErrorAsync(HttpContext context, ISandboxPlatform platform, PlatformErrorException error)
    {
        context.Response.StatusCode = error.StatusCode;
        return context.Response.WriteAsJsonAsync(platform.ErrorBody(error), SandboxJson.Options);
    }

    // The key as the caller sent it: ?api_key= (Smartlead) or the Authorization header, with or without "Bearer ".
    private static string CallerKey(HttpRequest request)
    {
        string? query = request.Query["api_key"];
        if (!string.IsNullOrEmpty(query))
        {
            return query;
        }

        string header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header.Substring("Bearer ".Length) : header;
    }

    public static IResult Json(JsonNode body, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(body, SandboxJson.Options, statusCode: statusCode);

    /// <summary>Writes a decisive fault (anything but <see cref="FaultKind.Delay"/>).</summary>
    public static Task WriteFaultAsync(HttpContext context, ISandboxPlatform platform, FaultRule fault)
    {
        switch (fault.Kind)
        {
            case FaultKind.Status:
                return WriteErrorAsync(context, platform, fault.StatusCode, $"Injected fault {fault.StatusCode}", fault.RetryAfter);
            case FaultKind.RateLimited:
                return WriteErrorAsync(context, platform, StatusCodes.Status429TooManyRequests, platform.RateLimitedMessage, fault.RetryAfter);
            case FaultKind.MalformedJson:
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync("{\"success\": tru");
            case FaultKind.DropConnection:
                context.Abort();
                return Task.CompletedTask;
            case FaultKind.Redirect:
                context.Response.StatusCode = fault.StatusCode;
                context.Response.Headers.Location = fault.Location;
                return Task.CompletedTask;
            case FaultKind.Body:
                context.Response.StatusCode = fault.StatusCode;
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync(fault.Body ?? string.Empty);
            case FaultKind.EchoKey:
                return WriteErrorAsync(context, platform, fault.StatusCode, KeyEcho.Message(CallerKey(context.Request)));
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault.Kind, "Delay faults do not decide the response.");
        }
    }
}
