using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace CampaignPS.Sandbox;

/// <summary>Middleware for every platform request, in this order: request id, request log, auth and the rate-limit
/// decision (on arrival, as a server's gateway counts arrivals), latency, faults due before the handler, the 401 or
/// 429 decided on arrival, the route, faults due after the handler.
/// Requests outside the platforms (the /_sandbox control routes) pass straight through.</summary>
internal sealed class PlatformRequestPipeline(
    SandboxPlatformSet platforms,
    SandboxRequestLog requestLog,
    SandboxFaults faults,
    SandboxOptions options)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var platform = platforms.ForPath(context.Request.Path);
        if (platform is null)
        {
            await next(context);
            return;
        }

        context.Response.Headers[PlatformResponses.RequestIdHeader] = NewRequestId();
        // Counted when the request's headers arrive, as a server's gateway counts arrivals: reading the body, the
        // latency below and this machine's timers never move a request into another one's window.
        var receivedAt = DateTimeOffset.UtcNow;
        var admission = Admit(context, platform);
        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        context.Features.Set(new CapturedRequestBody(body));
        var logEntry = requestLog.Begin(new SandboxRequest(
            platform.Name,
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.QueryString.Value ?? "",
            // A sign-in's password is not kept in the request log (what /_sandbox/requests shows).
            System.Text.RegularExpressions.Regex.Replace(body, "(\"password\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*\"", "$1********\""),
            StatusCode: 0,
            receivedAt)
        {
            Headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
        });
        // OnStarting runs before the client can see the response, so a test that awaited the
        // response always finds the final status in the log.
        context.Response.OnStarting(() =>
        {
            logEntry.Complete(context.Response.StatusCode);
            return Task.CompletedTask;
        });

        try
        {
            await DelayAsync(options.ResponseLatency, context);
            var plan = faults.Select(context.Request.Method, context.Request.Path.Value ?? "/");
            await DelayAsync(plan.DelayFor(FaultTiming.BeforeHandler), context);
            if (plan.Decisive is { When: FaultTiming.BeforeHandler } early)
            {
                await StrikeAsync(context, platform, early, logEntry);
                return;
            }

            if (!await AnswerAdmissionAsync(context, platform, admission))
            {
                return;
            }

            if (plan.StrikesAfterHandler)
            {
                await RunThenStrikeAsync(context, platform, next, plan, logEntry);
            }
            else
            {
                await RunRouteAsync(context, platform, next);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody left to answer.
        }
        finally
        {
            if (context.RequestAborted.IsCancellationRequested)
            {
                logEntry.Complete(0);
            }
        }
    }

    private (bool Authenticated, RateDecision? Decision, PlatformRateLimit? RateLimit) Admit(HttpContext context, ISandboxPlatform platform)
    {
        var caller = platform.Authenticate(context.Request);
        if (caller is null)
        {
            return (false, null, null);
        }

        if (!options.EnforceRateLimits || platform.RateLimit is not { } rateLimit)
        {
            return (true, null, null);
        }

        return (true, rateLimit.Limiter.TryAcquire(caller), rateLimit);
    }

    private static async Task<bool> AnswerAdmissionAsync(HttpContext context, ISandboxPlatform platform, (bool Authenticated, RateDecision? Decision, PlatformRateLimit? RateLimit) admission)
    {
        if (!admission.Authenticated)
        {
            await PlatformResponses.WriteErrorAsync(context, platform, StatusCodes.Status401Unauthorized, platform.UnauthorizedMessage);
            return false;
        }

        if (admission.Decision is not { } decision || admission.RateLimit is not { } rateLimit)
        {
            return true;
        }

        WriteRateLimitHeaders(context, rateLimit.Headers, decision);
        if (decision.Allowed)
        {
            return true;
        }

        var retryAfter = rateLimit.SendsRetryAfter ? decision.RetryAfter : (TimeSpan?)null;
        await PlatformResponses.WriteErrorAsync(
            context, platform, StatusCodes.Status429TooManyRequests, platform.RateLimitedMessage, retryAfter);
        return false;
    }

    private static void WriteRateLimitHeaders(HttpContext context, RateLimitHeaderNames names, RateDecision decision)
    {
        context.Response.Headers[names.Limit] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers[names.Remaining] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        if (names.Reset is { } resetHeader)
        {
            // Whole seconds, rounded up, so that a client waiting until then is never early.
            var resetSeconds = (decision.Reset.ToUnixTimeMilliseconds() + 999) / 1000;
            context.Response.Headers[resetHeader] = resetSeconds.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static async Task RunRouteAsync(HttpContext context, ISandboxPlatform platform, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (PlatformErrorException error)
        {
            await PlatformResponses.WriteErrorAsync(context, platform, error);
            return;
        }
        catch (Exception error) when (error is not OperationCanceledException && !context.Response.HasStarted)
        {
            await PlatformResponses.WriteErrorAsync(
                context, platform, StatusCodes.Status500InternalServerError, $"Sandbox error: {error.Message}");
            return;
        }

        // Routing answers unknown paths and wrong methods with a bare status; give them the platform's shape.
        if (context.Response.StatusCode is StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed
            && context.Response.ContentType is null)
        {
            var message = context.Response.StatusCode == StatusCodes.Status404NotFound
                ? $"No route for {context.Request.Path}."
                : $"Method {context.Request.Method} is not allowed on {context.Request.Path}.";
            await PlatformResponses.WriteErrorAsync(context, platform, context.Response.StatusCode, message);
        }
    }

    /// <summary>Runs the route with its response held back, then delays, replaces or drops it.</summary>
    private static async Task RunThenStrikeAsync(
        HttpContext context, ISandboxPlatform platform, RequestDelegate next, FaultPlan plan, SandboxRequestLog.Entry logEntry)
    {
        var realBody = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var held = new MemoryStream();
        var holdingBody = new StreamResponseBodyFeature(held, realBody);
        context.Features.Set<IHttpResponseBodyFeature>(holdingBody);
        try
        {
            await RunRouteAsync(context, platform, next);
            await holdingBody.CompleteAsync();
        }
        finally
        {
            context.Features.Set(realBody);
        }

        await DelayAsync(plan.DelayFor(FaultTiming.AfterHandler), context);
        if (plan.Decisive is { When: FaultTiming.AfterHandler } late)
        {
            var requestId = context.Response.Headers[PlatformResponses.RequestIdHeader];
            context.Response.Clear();
            context.Response.Headers[PlatformResponses.RequestIdHeader] = requestId;
            await StrikeAsync(context, platform, late, logEntry);
            return;
        }

        await context.Response.Body.WriteAsync(held.ToArray(), context.RequestAborted);
    }

    private static async Task StrikeAsync(HttpContext context, ISandboxPlatform platform, FaultRule fault, SandboxRequestLog.Entry logEntry)
    {
        await PlatformResponses.WriteFaultAsync(context, platform, fault);
        if (fault.Kind == FaultKind.DropConnection)
        {
            // Kestrel signals the abort asynchronously and may still run OnStarting; record "no response" first.
            logEntry.Complete(0);
        }
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private static Task DelayAsync(TimeSpan delay, HttpContext context) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, context.RequestAborted) : Task.CompletedTask;

    private static string NewRequestId() => "req_" + Guid.NewGuid().ToString("N");
}
