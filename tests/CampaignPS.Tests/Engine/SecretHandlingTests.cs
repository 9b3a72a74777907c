using System.Net;
using System.Net.Http;
using System.Text;
using CampaignPS.Engine.Errors;
using CampaignPS.Engine.Http;
using CampaignPS.Engine.Loops;
using CampaignPS.Engine.Platforms;
using CampaignPS.Tests.Support;
using Xunit;

namespace CampaignPS.Tests.Engine;

/// <summary>The key reaches the wire and nothing else: no log line, error, exception text or ToString.</summary>
public sealed class SecretHandlingTests
{
    private const string Key = "sk_live_TOPSECRET_4f9a";

    [Fact]
    public async Task A_bearer_key_is_in_no_log_line_error_or_ToString()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client(apiKey: Key);

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.TestApiKeyAsync());

        AssertNoKey(error.ToString(), error.Message, error.Failure.Details, error.Failure.RedactedUrl, error.Failure.ToString(), client.ToString(), ApiSecret.FromString(Key).ToString());
        AssertNoKey(sandbox.Logs.Lines.ToArray());
        Assert.NotEmpty(sandbox.Logs.Lines);
    }

    [Fact]
    public async Task A_query_string_key_is_redacted_from_urls_logs_and_errors()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        var options = sandbox.Options(Key);
        using var transport = new ApiTransport(PlatformInfo.Loops, options, new QueryStringAuthenticator("api_key"));
        var operation = new ApiOperation("list campaigns", "Campaign", RequestSafety.Read);

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => transport.SendAsync<object>(operation, HttpMethod.Get, "campaigns", null, CancellationToken.None));

        Assert.Equal("LoopsUnauthorized", error.ErrorId);
        Assert.Contains("api_key=***", error.Failure.RedactedUrl);
        Assert.Contains(sandbox.Server.Requests.Snapshot(), r => r.QueryString.Contains(Key, StringComparison.Ordinal));
        AssertNoKey(error.ToString(), error.Failure.Details, error.Failure.RedactedUrl);
        AssertNoKey(sandbox.Logs.Lines.ToArray());
    }

    [Fact]
    public async Task A_server_that_echoes_the_key_back_has_it_scrubbed_from_the_error()
    {
        var logs = new RecordingLoggerProvider();
        var options = new ApiConnectionOptions(ApiSecret.FromString(Key))
        {
            BaseUri = new Uri("https://api.example.test/v1/"),
            HttpMessageHandler = new EchoingHandler(),
            LoggerFactory = logs,
            RequestsPerSecond = 0,
        };
        using var transport = new ApiTransport(PlatformInfo.Loops, options, new QueryStringAuthenticator("api_key"));

        var error = await Assert.ThrowsAsync<CampaignApiException>(() =>
            transport.SendAsync<object>(new ApiOperation("list campaigns", "Campaign", RequestSafety.Read), HttpMethod.Get, "campaigns", null, CancellationToken.None));

        Assert.Contains("********", error.Message);
        AssertNoKey(error.ToString(), error.Failure.Details, error.Failure.ApiMessage);
        AssertNoKey(logs.Lines.ToArray());
    }

    [Theory]
    [InlineData("https://x.test/a?api_key=abc&b=1", "https://x.test/a?api_key=***&b=1")]
    [InlineData("https://x.test/a?b=1&API_KEY=abc", "https://x.test/a?b=1&API_KEY=***")]
    [InlineData("https://x.test/a?token=t0k&page=2", "https://x.test/a?token=***&page=2")]
    [InlineData("https://user:pw@x.test/a", "https://***@x.test/a")]
    [InlineData("https://x.test/a?cursor=abc", "https://x.test/a?cursor=abc")]
    public void Urls_are_redacted(string url, string expected) => Assert.Equal(expected, UrlRedactor.Redact(url));

    private static void AssertNoKey(params string?[] texts)
    {
        foreach (string? text in texts)
        {
            Assert.DoesNotContain(Key, text ?? string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain(Uri.EscapeDataString(Key), text ?? string.Empty, StringComparison.Ordinal);
        }
    }

    private sealed class EchoingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest)
            {
                Content = new StringContent($"{{\"error\": {{\"code\": \"bad\", \"message\": \"Bad request to {request.RequestUri}\"}}}}", Encoding.UTF8, "application/json"),
            });
    }
}
