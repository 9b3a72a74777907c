namespace CampaignPS.Cmdlets;

/// <summary>
/// <para type="synopsis">Sends a request to a Loops API endpoint that CampaignPS does not wrap, with the connection's key, pacing, retries and errors.</para>
/// <para type="description">For Loops endpoints that the other cmdlets do not cover. -Path is relative to the API root of the connection (Connect-Loops -BaseUri). The request carries the connection's authentication and pacing, 429 answers are waited out, and failures become ErrorRecords in the module's scheme (for example LoopsUnauthorized or LoopsRateLimited, with the API's message in ErrorDetails). GET requests and -Idempotent ones are retried after server errors and timeouts; other requests are sent once.</para>
/// <para type="description">A JSON answer is converted to objects (one per array item), anything else is returned as text; -Raw always returns the text. -Body takes a hashtable or object (sent as JSON) or JSON text, also from the pipeline. Methods other than GET change remote state and support -WhatIf and -Confirm.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: look a contact up by e-mail (GET /contacts/find); the JSON answer comes back as objects.</para>
/// <code>
/// Invoke-LoopsRequest -Path 'contacts/find' -Query @{ email = 'ada@example.com' }
/// </code>
/// </example>
/// <example>
/// <para type="description">Bulk: update contacts from a CSV with PUT /contacts/update, marked -Idempotent so a server error or timeout may be retried.</para>
/// <code>
/// Import-Csv contacts.csv | ForEach-Object {
///     Invoke-LoopsRequest -Path 'contacts/update' -Method PUT -Body @{ email = $_.email; firstName = $_.firstName } -Idempotent
/// }
/// </code>
/// </example>
/// <seealso cref="CampaignPS.Cmdlets.Loops.ConnectLoopsCommand"/>
/// <seealso cref="CampaignPS.Connections.GetCampaignConnectionCommand"/>
[Cmdlet(VerbsLifecycle.Invoke, "LoopsRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject), typeof(string))]
public sealed class InvokeLoopsRequestCommand : InvokeRequestCmdlet
{
    /// <inheritdoc />
    protected override PlatformInfo Platform => PlatformInfo.Loops;
}

/// <summary>
/// <para type="synopsis">Sends a request to a Smartlead API endpoint that CampaignPS does not wrap, with the connection's key (?api_key=, masked in logs), pacing, retries and errors.</para>
/// <para type="description">For Smartlead endpoints that the other cmdlets do not cover. -Path is relative to the API root of the connection (Connect-Smartlead -BaseUri). The request carries the connection's authentication and pacing, 429 answers are waited out, and failures become ErrorRecords in the module's scheme (for example SmartleadUnauthorized or SmartleadRateLimited, with the API's message in ErrorDetails). GET requests and -Idempotent ones are retried after server errors and timeouts; other requests are sent once.</para>
/// <para type="description">A JSON answer is converted to objects (one per array item), anything else is returned as text; -Raw always returns the text. -Body takes a hashtable or object (sent as JSON) or JSON text, also from the pipeline. Methods other than GET change remote state and support -WhatIf and -Confirm.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: list the account's email accounts, to find the ids for Add-SmartleadEmailAccount.</para>
/// <code>
/// Invoke-SmartleadRequest -Path 'email-accounts' -Query @{ offset = 0; limit = 100 } | Format-Table -Property 'id', 'from_email'
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: collect the analytics of every Q1 campaign.</para>
/// <code>
/// Get-SmartleadCampaign -Name 'Q1*' | ForEach-Object {
///     Invoke-SmartleadRequest -Path "campaigns/$($_.Id)/analytics"
/// } | Export-Csv q1-analytics.csv -NoTypeInformation
/// </code>
/// </example>
/// <seealso cref="CampaignPS.Cmdlets.Smartlead.ConnectSmartleadCommand"/>
/// <seealso cref="CampaignPS.Connections.GetCampaignConnectionCommand"/>
[Cmdlet(VerbsLifecycle.Invoke, "SmartleadRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject), typeof(string))]
public sealed class InvokeSmartleadRequestCommand : InvokeRequestCmdlet
{
    /// <inheritdoc />
    protected override PlatformInfo Platform => PlatformInfo.Smartlead;
}

/// <summary>
/// <para type="synopsis">Sends a request to an Outbox API endpoint that CampaignPS does not wrap, with the connection's key, retries and errors.</para>
/// <para type="description">For Outbox endpoints that the other cmdlets do not cover. -Path is relative to the API root of the connection (Connect-Outbox -BaseUri). The request carries the connection's authentication and pacing, 429 answers are waited out, and failures become ErrorRecords in the module's scheme (for example OutboxUnauthorized or OutboxRateLimited, with the API's message in ErrorDetails). GET requests and -Idempotent ones are retried after server errors and timeouts; other requests are sent once.</para>
/// <para type="description">A JSON answer is converted to objects (one per array item), anything else is returned as text; -Raw always returns the text. -Body takes a hashtable or object (sent as JSON) or JSON text, also from the pipeline. Methods other than GET change remote state and support -WhatIf and -Confirm.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: read the company's senders as raw JSON text.</para>
/// <code>
/// Invoke-OutboxRequest -Path 'email/senders/' -Raw
/// </code>
/// </example>
/// <example>
/// <para type="description">Bulk: upsert contacts with a body Add-OutboxContact does not build; Outbox matches contacts by e-mail, so the request is -Idempotent and may be retried.</para>
/// <code>
/// Import-Csv contacts.csv | ForEach-Object {
///     @{ email = $_.email; full_name = $_.name; tags = @('import') }
/// } | Invoke-OutboxRequest -Path 'contacts/' -Method POST -Idempotent
/// </code>
/// </example>
/// <seealso cref="CampaignPS.Cmdlets.Outbox.ConnectOutboxCommand"/>
/// <seealso cref="CampaignPS.Connections.GetCampaignConnectionCommand"/>
[Cmdlet(VerbsLifecycle.Invoke, "OutboxRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject), typeof(string))]
public sealed class InvokeOutboxRequestCommand : InvokeRequestCmdlet
{
    /// <inheritdoc />
    protected override PlatformInfo Platform => PlatformInfo.Outbox;
}

/// <summary>
/// <para type="synopsis">Sends a request to a Tether endpoint that CampaignPS does not wrap, with the connection's token, retries and errors.</para>
/// <para type="description">For Tether endpoints that the other cmdlets do not cover. -Path is relative to the API root of the connection (Connect-SmsPlatform -BaseUri). The request carries the connection's authentication and pacing, 429 answers are waited out, and failures become ErrorRecords in the module's scheme (for example SmsUnauthorized or SmsRateLimited, with the API's message in ErrorDetails). GET requests and -Idempotent ones are retried after server errors and timeouts; other requests are sent once.</para>
/// <para type="description">A JSON answer is converted to objects (one per array item), anything else is returned as text; -Raw always returns the text. -Body takes a hashtable or object (sent as JSON) or JSON text, also from the pipeline. Methods other than GET change remote state and support -WhatIf and -Confirm.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: read one campaign's raw answer, with every field Tether sends.</para>
/// <code>
/// Invoke-SmsRequest -Path 'api/campaigns/665f1a0c0e0a4b001a2c9f02' -Raw
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: list the campaigns through the API directly and keep the scheduled ones.</para>
/// <code>
/// Invoke-SmsRequest -Path 'api/campaigns' | ForEach-Object data | Where-Object status -eq 'scheduled'
/// </code>
/// </example>
/// <seealso cref="CampaignPS.Cmdlets.Sms.ConnectSmsPlatformCommand"/>
/// <seealso cref="CampaignPS.Connections.GetCampaignConnectionCommand"/>
[Cmdlet(VerbsLifecycle.Invoke, "SmsRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject), typeof(string))]
public sealed class InvokeSmsRequestCommand : InvokeRequestCmdlet
{
    /// <inheritdoc />
    protected override PlatformInfo Platform => PlatformInfo.Sms;
}
