using System.Collections;
using System.Net.Http;

namespace CampaignPS.Infrastructure;

/// <summary>
/// The escape hatch behind every Invoke-*Request cmdlet: a request to an endpoint the module does not
/// wrap, with the connection's authentication, pacing, retries and error mapping. JSON answers are
/// returned as objects (ConvertFrom-Json), anything else as text; -Raw always returns the text.
/// </summary>
public abstract class InvokeRequestCmdlet : PlatformCmdlet<IPlatformClient>
{
    /// <summary><para type="description">The path below the API root, e.g. 'campaigns' or 'api/contacts'.</para></summary>
    [Parameter(Mandatory = true, Position = 0)]
    public string Path { get; set; } = string.Empty;

    /// <summary><para type="description">The HTTP method. GET is the default; other methods change remote state and support -WhatIf.</para></summary>
    [Parameter(Position = 1)]
    [ValidateSet("GET", "POST", "PUT", "PATCH", "DELETE")]
    public string Method { get; set; } = "GET";

    /// <summary><para type="description">The request body: a hashtable or object (sent as JSON) or JSON text.</para></summary>
    [Parameter(ValueFromPipeline = true)]
    public object? Body { get; set; }

    /// <summary><para type="description">Query-string parameters as a hashtable.</para></summary>
    [Parameter]
    public IDictionary? Query { get; set; }

    /// <summary><para type="description">Repeating the request is harmless (e.g. a PUT), so it may be retried after a server error or timeout.</para></summary>
    [Parameter]
    public SwitchParameter Idempotent { get; set; }

    /// <summary><para type="description">Return the response body as text instead of converting JSON.</para></summary>
    [Parameter]
    public SwitchParameter Raw { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(IPlatformClient client)
    {
        var method = new HttpMethod(Method.ToUpperInvariant());
        string? json = Body == null ? null : PowerShellJson.ToJson(Body);
        List<KeyValuePair<string, string?>> query = (Query ?? new Hashtable()).Cast<DictionaryEntry>()
            .Select(e => new KeyValuePair<string, string?>(e.Key?.ToString() ?? string.Empty, LanguagePrimitives.ConvertTo<string>(PowerShellRecords.Unwrap(e.Value))))
            .ToList();
        if (method != HttpMethod.Get && !Confirm.Change($"{Platform.DisplayName} {Path}", $"{method.Method} request"))
        {
            return;
        }

        ApiTransport transport = client.Transport;
        if (!TryAwait(token => transport.SendRawAsync(method, Path, json, query, Idempotent.IsPresent, token), Path, out RawApiResponse response))
        {
            return;
        }

        if (Raw.IsPresent || !LooksLikeJson(response.Body))
        {
            if (response.Body.Length > 0)
            {
                WriteObject(response.Body);
            }

            return;
        }

        foreach (PSObject value in InvokeCommand.InvokeScript("param($json) ConvertFrom-Json -InputObject $json", response.Body))
        {
            WriteObject(value, enumerateCollection: true);
        }
    }

    private static bool LooksLikeJson(string body)
    {
        string trimmed = body.TrimStart();
        return trimmed.StartsWith("{", StringComparison.Ordinal) || trimmed.StartsWith("[", StringComparison.Ordinal);
    }
}
