using System.Net;
using CampaignPS.Engine.Errors;
using CampaignPS.Engine.Http;
using CampaignPS.Engine.Sms;
using CampaignPS.Engine.Validation;
using CampaignPS.Tests.Support;
using Xunit;
using SmsSandboxState = CampaignPS.Sandbox.Platforms.Sms.SmsSandboxState;

namespace CampaignPS.Tests.Engine;

/// <summary>Tether sign-in for runbooks (issue 15): login, renewal before expiry and after a 401, sign-in again, nothing secret in errors; PATCH, DELETE, auto-segment.</summary>
public sealed class SmsSignInTests
{
    private const string UnknownCampaign = "000000000000000000000abc";

    [Fact]
    public async Task The_first_request_signs_in_and_the_token_is_used_as_bearer()
    {
        await using var sandbox = await SmsSandbox.StartAsync();
        using var client = SignInClient(sandbox);

        IReadOnlyList<SmsCampaign> campaigns = await client.GetCampaignsAsync();
        await client.GetCampaignsAsync();

        Assert.NotNull(campaigns);
        Assert.Equal(1, sandbox.State.SignIns);
        Assert.Equal(0, sandbox.State.Refreshes);
        Assert.Equal(SmsSandboxState.AccountEmail, client.SignInEmail);
        Assert.True(client.TokenExpiresAt > DateTimeOffset.UtcNow.AddMinutes(50));
        var login = sandbox.Server.Requests.Snapshot().First();
        Assert.EndsWith("/api/auth/login", login.Path);
        Assert.False(login.Headers.ContainsKey("Authorization"));
        Assert.Contains("\"email\":\"" + SmsSandboxState.AccountEmail + "\"", login.Body);
        Assert.Contains("\"password\":\"********\"", login.Body); // the sandbox's request log keeps no password
        var list = sandbox.Server.Requests.Snapshot().Last();
        Assert.StartsWith("Bearer ey", list.Headers["Authorization"]);
    }

    [Fact]
    public async Task A_token_about_to_expire_is_refreshed_before_the_request()
    {
        await using var sandbox = await SmsSandbox.StartAsync();
        sandbox.State.TokenLifetime = TimeSpan.FromSeconds(30); // inside the one-minute renewal margin
        using var client = SignInClient(sandbox);

        await client.GetCampaignsAsync();
        await client.GetCampaignsAsync();

        Assert.Equal(1, sandbox.State.SignIns);
        Assert.Equal(1, sandbox.State.Refreshes);
        Assert.Equal(1, client.TokenRenewals);
        Assert.DoesNotContain(sandbox.Server.Requests.Snapshot(), r => r.StatusCode == 401);
    }

    [Fact]
    public async Task A_token_refused_with_401_is_renewed_and_the_request_sent_again_even_a_create()
    {
        await using var sandbox = await SmsSandbox.StartAsync();
        using var client = SignInClient(sandbox);
        await client.GetCampaignsAsync();
        sandbox.State.ExpireTokens(refreshTokensToo: false);

        SmsCampaign created = await client.CreateCampaignAsync(new NewSmsCampaign { Name = "After expiry", Message = "Hi", ExistingContacts = [Existing(SmsSandboxState.SamContactId)] });

        Assert.NotEmpty(created.Id);
        Assert.Single(sandbox.State.Campaigns);
        Assert.Equal(1, sandbox.State.Refreshes);
        Assert.Equal(1, sandbox.Server.Requests.Snapshot().Count(r => r.Method == "POST" && r.Path.EndsWith("/api/campaigns") && r.StatusCode == 401));
    }

    [Fact]
    public async Task When_the_refresh_is_refused_the_client_signs_in_again()
    {
        await using var sandbox = await SmsSandbox.StartAsync();
        using var client = SignInClient(sandbox);
        await client.GetCampaignsAsync();
        sandbox.State.ExpireTokens(refreshTokensToo: true);

        await client.GetCampaignsAsync();

        Assert.Equal(2, sandbox.State.SignIns);
        Assert.Equal(0, sandbox.State.Refreshes);
    }

    [Fact]
    public async Task A_refused_sign_in_is_SignInRefused_and_no_password_or_token_is_in_the_error_or_log()
    {
        await using var sandbox = await SmsSandbox.StartAsync();
        using var client = SignInClient(sandbox, password: "wrong pass with spaces");

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.GetCampaignsAsync());

        Assert.Equal("SmsSignInRefused", error.ErrorId);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.True(error.Failure.IsTerminating);
        string everything = error.ToString() + error.Failure.Details + string.Join("\n", sandbox.Logs.Lines);
        Assert.DoesNotContain("wrong pass with spaces", everything);
        Assert.DoesNotContain(SmsSandboxState.AccountPassword, everything);
    }

    [Fact]
    public async Task Tokens_never_reach_the_log_and_an_invalid_email_fails_before_sending()
    {
        await using var sandbox = await SmsSandbox.StartAsync();
        using var client = SignInClient(sandbox);
        await client.GetCampaignsAsync();
        string token = sandbox.Server.Requests.Snapshot().Last().Headers["Authorization"]["Bearer ".Length..];

        var invalid = Assert.Throws<InputValidationException>(() => SmsClient.ForSignIn(sandbox.Options(), "not-an-address"));

        Assert.DoesNotContain(sandbox.Logs.Lines, l => l.Contains(token, StringComparison.Ordinal) || l.Contains(SmsSandboxState.AccountPassword, StringComparison.Ordinal));
        Assert.Equal("Email", invalid.Field);
        Assert.Equal("********", ApiSecret.PasswordFromString(SmsSandboxState.AccountPassword).ToString());
    }

    [Fact]
    public async Task The_fixed_token_path_still_works_beside_sign_in()
    {
        await using var sandbox = await SmsSandbox.StartAsync();
        using var client = sandbox.Client();

        await client.GetCampaignsAsync();

        Assert.Equal(0, sandbox.State.SignIns);
        Assert.Null(client.SignInEmail);
    }

    [Fact]
    public async Task Patch_changes_name_message_and_schedule_of_a_draft_and_refuses_a_sent_campaign()
    {
        await using var sandbox = await SmsSandbox.StartAsync();
        using var client = sandbox.Client();
        SmsCampaign campaign = await client.CreateCampaignAsync(new NewSmsCampaign { Name = "Draft", Message = "Hi", ExistingContacts = [Existing(SmsSandboxState.SamContactId)] });
        DateTimeOffset at = DateTimeOffset.UtcNow.AddDays(2);

        SmsCampaign changed = await client.UpdateCampaignAsync(campaign.Id, new SmsCampaignChanges { Name = "Renamed", Message = "Hello {{firstName}}", ScheduleDate = at });
        await client.SendCampaignAsync(campaign.Id);
        var sent = await Assert.ThrowsAsync<CampaignApiException>(() => client.UpdateCampaignAsync(campaign.Id, new SmsCampaignChanges { Name = "Too late" }));
        var missing = await Assert.ThrowsAsync<CampaignApiException>(() => client.UpdateCampaignAsync(UnknownCampaign, new SmsCampaignChanges { Name = "x" }));
        var nothing = Assert.Throws<InputValidationException>(() => new SmsCampaignChanges().Validate(DateTimeOffset.UtcNow));
        var past = Assert.Throws<InputValidationException>(() => new SmsCampaignChanges { ScheduleDate = DateTimeOffset.UtcNow.AddHours(-1) }.Validate(DateTimeOffset.UtcNow));
        var merge = Assert.Throws<InputValidationException>(() => new SmsCampaignChanges { Message = "Hi {{company}}" }.Validate(DateTimeOffset.UtcNow));

        Assert.Equal(("Renamed", "Hello {{firstName}}"), (changed.Name, changed.Message));
        Assert.Equal(at.ToUnixTimeSeconds(), changed.ScheduleDate!.Value.ToUnixTimeSeconds());
        Assert.Equal("SmsCampaignNotEditable", sent.ErrorId);
        Assert.Equal("SmsCampaignNotFound", missing.ErrorId);
        Assert.Equal(("Changes", "ScheduleDate", "Message"), (nothing.Field, past.Field, merge.Field));
    }

    [Fact]
    public async Task Delete_removes_the_campaign_and_a_missing_one_is_CampaignNotFound()
    {
        await using var sandbox = await SmsSandbox.StartAsync();
        using var client = sandbox.Client();
        SmsCampaign campaign = await client.CreateCampaignAsync(new NewSmsCampaign { Name = "Doomed", Message = "Hi", ExistingContacts = [Existing(SmsSandboxState.SamContactId)] });

        await client.RemoveCampaignAsync(campaign.Id);
        var again = await Assert.ThrowsAsync<CampaignApiException>(() => client.RemoveCampaignAsync(campaign.Id));
        var bad = await Assert.ThrowsAsync<InputValidationException>(() => client.RemoveCampaignAsync("a/b"));

        Assert.Empty(sandbox.State.Campaigns);
        Assert.Equal("SmsCampaignNotFound", again.ErrorId);
        Assert.Equal("CampaignId", bad.Field);
    }

    [Fact]
    public async Task Auto_segment_splits_contacts_into_daily_segments_of_one_hundred()
    {
        await using var sandbox = await SmsSandbox.StartAsync();
        using var client = sandbox.Client();

        SmsAutoSegmentPlan plan = await client.GetAutoSegmentPlanAsync(new SmsAutoSegmentRequest { TotalContacts = 250, FirstSegmentDate = new DateTime(2030, 5, 20), FirstSegmentTime = new TimeSpan(10, 0, 0) });
        var zero = Assert.Throws<InputValidationException>(() => new SmsAutoSegmentRequest { TotalContacts = 0 }.Validate());
        var time = Assert.Throws<InputValidationException>(() => new SmsAutoSegmentRequest { TotalContacts = 5, FirstSegmentTime = TimeSpan.FromHours(25) }.Validate());

        Assert.Equal(3, plan.TotalSegments);
        Assert.Equal(new[] { 100, 100, 50 }, plan.Segments.Select(s => s.ContactCount));
        Assert.Equal(new DateTimeOffset(2030, 5, 21, 10, 0, 0, TimeSpan.Zero), plan.Segments[1].ScheduledDate);
        Assert.Empty(plan.Warnings);
        Assert.Contains("\"firstSegmentTime\":\"10:00\"", sandbox.Server.Requests.Snapshot().Last().Body);
        Assert.Equal(("TotalContacts", "FirstSegmentTime"), (zero.Field, time.Field));
    }

    private static SmsContact Existing(string id) =>
        SmsContact.FromFields(new[] { new KeyValuePair<string, object?>("_id", id) }, 1, null);

    private static SmsClient SignInClient(SmsSandbox sandbox, string password = SmsSandboxState.AccountPassword)
    {
        ApiConnectionOptions defaults = sandbox.Options();
        var options = new ApiConnectionOptions(ApiSecret.PasswordFromString(password))
        {
            BaseUri = defaults.BaseUri,
            LoggerFactory = defaults.LoggerFactory,
            RequestsPerSecond = 0,
            RequestTimeout = defaults.RequestTimeout,
        };
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(5);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        return SmsClient.ForSignIn(options, SmsSandboxState.AccountEmail);
    }
}
