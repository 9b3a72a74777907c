# Shared helpers for the CampaignPS Pester tests: import the built module, run the sandbox as a
# process, and drive its control routes (/_sandbox/...).
#
# Build first (./build.ps1 -Task Build): the module is imported from out/CampaignPS, and the sandbox
# is started as `dotnet <built CampaignPS.Sandbox.dll>` (much quicker than `dotnet run` per file).
# $env:CAMPAIGNPS_CONFIGURATION picks the sandbox build (Release when unset; build.ps1 sets it).

Set-StrictMode -Version Latest

$script:RepositoryRoot = Split-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -Parent
$script:CurrentSandbox = $null

# The key the sandbox accepts for Loops (see src/CampaignPS.Sandbox, SandboxServer.DefaultLoopsApiKey).
$script:SandboxLoopsKey = 'sandbox-loops-key'

# The key the sandbox accepts for Smartlead (SandboxServer.DefaultSmartleadApiKey); it travels as ?api_key=.
$script:SandboxSmartleadKey = 'sandbox-smartlead-key'

# The Outbox key (SandboxServer.DefaultOutboxApiKey; "Authorization: Bearer KEY" or the bare key) and the
# SMS (Tether) bearer token (SandboxServer.DefaultSmsToken).
$script:SandboxOutboxKey = 'sandbox-outbox-key'
$script:SandboxSmsToken = 'sandbox-sms-token'

# The sandbox's seeded Outbox company (OutboxSandboxState.SeedCompanyId), Connect-TestOutbox's default -Company.
$script:SandboxOutboxCompany = 'c0ffee00-0000-4000-8000-000000000001'

function Get-RepositoryRoot {
    [CmdletBinding()]
    [OutputType([string])]
    param()
    $script:RepositoryRoot
}

# The manifest's values as PowerShell reads them: it chooses its build by $PSEdition, which Import-PowerShellDataFile
# refuses, so the data is evaluated in restricted language with only $PSEdition allowed, as Import-Module does.
function Read-ModuleManifest {
    [CmdletBinding()]
    [OutputType([hashtable])]
    param([string] $Path = (Join-Path -Path $script:RepositoryRoot -ChildPath 'CampaignPS.psd1'))
    $data = [scriptblock]::Create((Get-Content -LiteralPath $Path -Raw))
    $data.CheckRestrictedLanguage([string[]] @(), [string[]] @('PSEdition'), $false)
    & $data
}

function Get-TestConfiguration {
    [CmdletBinding()]
    [OutputType([string])]
    param()
    if ([string]::IsNullOrWhiteSpace($env:CAMPAIGNPS_CONFIGURATION)) {
        return 'Release'
    }
    return $env:CAMPAIGNPS_CONFIGURATION
}

function Get-SandboxLoopsKey {
    <#
    .SYNOPSIS
    The sandbox's Loops key as plain text (for assertions that it never shows up anywhere).
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    $script:SandboxLoopsKey
}

function Get-SandboxSmartleadKey {
    <#
    .SYNOPSIS
    The sandbox's Smartlead key as plain text (for assertions that it never shows up anywhere).
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    $script:SandboxSmartleadKey
}

function Get-SandboxKey {
    <#
    .SYNOPSIS
    The sandbox's key (for SMS: bearer token) of a platform as plain text, for assertions that it never shows up anywhere.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true, Position = 0)]
        [ValidateSet('Loops', 'Smartlead', 'Outbox', 'Sms')]
        [string] $Platform
    )
    $keys = @{
        Loops     = $script:SandboxLoopsKey
        Smartlead = $script:SandboxSmartleadKey
        Outbox    = $script:SandboxOutboxKey
        Sms       = $script:SandboxSmsToken
    }
    return $keys[$Platform]
}

function New-TestSecureString {
    <#
    .SYNOPSIS
    A SecureString for a test key (the sandbox's Loops key unless another value is given).
    #>
    [CmdletBinding()]
    [OutputType([securestring])]
    param(
        [string] $Value = $script:SandboxLoopsKey
    )
    ConvertTo-SecureString -String $Value -AsPlainText -Force
}

function Import-CampaignPSModule {
    <#
    .SYNOPSIS
    Imports the built module from out/CampaignPS into the global scope (once per session).
    #>
    [CmdletBinding()]
    param()
    $manifest = Join-Path -Path $script:RepositoryRoot -ChildPath 'out/CampaignPS/CampaignPS.psd1'
    if (-not (Test-Path -LiteralPath $manifest)) {
        throw "The module is not built: $manifest is missing. Run ./build.ps1 (or dotnet build src/CampaignPS) first."
    }

    $moduleFolder = Split-Path -Path $manifest -Parent
    $loaded = @(Get-Module -Name 'CampaignPS')
    $expectedBase = [System.IO.Path]::GetFullPath($moduleFolder).TrimEnd('\', '/')
    $fromElsewhere = @($loaded | Where-Object { [System.IO.Path]::GetFullPath($_.ModuleBase).TrimEnd('\', '/') -ne $expectedBase })
    if ($fromElsewhere.Count -gt 0) {
        # An installed CampaignPS must not stand in for the build under test.
        $fromElsewhere | Remove-Module -Force
        $loaded = @()
    }

    if ($loaded.Count -eq 0) {
        Import-Module -Name $manifest -Global -ErrorAction Stop
    }
}

function Get-SandboxAssemblyPath {
    <#
    .SYNOPSIS
    Path of the built CampaignPS.Sandbox.dll for the test configuration; builds the sandbox once if it is missing.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    $configuration = Get-TestConfiguration
    $project = Join-Path -Path $script:RepositoryRoot -ChildPath 'src/CampaignPS.Sandbox'
    $binFolder = Join-Path -Path $project -ChildPath (Join-Path -Path 'bin' -ChildPath $configuration)

    $found = $null
    if (Test-Path -LiteralPath $binFolder) {
        $found = Get-ChildItem -LiteralPath $binFolder -Filter 'CampaignPS.Sandbox.dll' -Recurse -File |
            Sort-Object -Property LastWriteTime -Descending |
            Select-Object -First 1
    }

    if ($null -eq $found) {
        Write-Host "Building the sandbox ($configuration) once: dotnet build src/CampaignPS.Sandbox -c $configuration"
        & dotnet build $project -c $configuration --nologo | Out-Host
        if ($LASTEXITCODE -ne 0) {
            throw "dotnet build of the sandbox failed with exit code $LASTEXITCODE."
        }

        $found = Get-ChildItem -LiteralPath $binFolder -Filter 'CampaignPS.Sandbox.dll' -Recurse -File |
            Sort-Object -Property LastWriteTime -Descending |
            Select-Object -First 1
        if ($null -eq $found) {
            throw "CampaignPS.Sandbox.dll was not found under $binFolder after the build."
        }
    }

    return $found.FullName
}

function Start-TestSandbox {
    <#
    .SYNOPSIS
    Starts the sandbox on a free loopback port and waits (up to -TimeoutSec) until it listens.
    .OUTPUTS
    An object with Root (http://127.0.0.1:PORT/), LoopsUri (<Root>loops/api/v1), SmartleadUri
    (<Root>smartlead/api/v1), OutboxUri (<Root>outbox), SmsUri (<Root>sms, a Tether instance root),
    Process and the temp folder it uses.
    #>
    [CmdletBinding()]
    param(
        [int] $TimeoutSec = 60,

        # Enforce the platforms' rate limits in the sandbox. Off by default: a throttled (429) and
        # retried request shows up twice in /_sandbox/requests, and the tests count requests exactly.
        # The client still paces itself at the documented rate; xunit covers 429 handling.
        [switch] $EnforceRateLimits,

        # Milliseconds added to every platform response (--latency-ms), to keep a bulk run mid-flight.
        [int] $LatencyMs = 0
    )

    $assembly = Get-SandboxAssemblyPath
    $workFolder = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('campaignps-sandbox-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $workFolder -Force
    $readyFile = Join-Path -Path $workFolder -ChildPath 'ready.txt'
    $stdout = Join-Path -Path $workFolder -ChildPath 'stdout.txt'
    $stderr = Join-Path -Path $workFolder -ChildPath 'stderr.txt'

    # Start-Process joins the arguments with spaces and does not quote them: quote the paths.
    $arguments = @('"' + $assembly + '"', '--port', '0', '--ready-file', '"' + $readyFile + '"')
    if (-not $EnforceRateLimits) {
        $arguments += '--no-rate-limit'
    }
    if ($LatencyMs -gt 0) {
        $arguments += @('--latency-ms', [string] $LatencyMs)
    }

    $process = Start-Process -FilePath 'dotnet' -ArgumentList $arguments -PassThru -NoNewWindow `
        -RedirectStandardOutput $stdout -RedirectStandardError $stderr

    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    while (-not (Test-Path -LiteralPath $readyFile)) {
        if ($process.HasExited) {
            $errorText = ''
            if (Test-Path -LiteralPath $stderr) {
                $errorText = Get-Content -LiteralPath $stderr -Raw
            }
            throw "The sandbox exited before it was ready. $errorText"
        }

        if ([DateTime]::UtcNow -gt $deadline) {
            Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
            throw "The sandbox did not write $readyFile within $TimeoutSec s."
        }

        Start-Sleep -Milliseconds 100
    }

    $root = (Get-Content -LiteralPath $readyFile -Raw).Trim()
    if (-not $root.EndsWith('/')) {
        $root += '/'
    }

    $sandbox = [pscustomobject]@{
        Root         = $root
        LoopsUri     = $root + 'loops/api/v1'
        SmartleadUri = $root + 'smartlead/api/v1'
        OutboxUri    = $root + 'outbox'
        SmsUri       = $root + 'sms'
        Process      = $process
        WorkFolder   = $workFolder
    }
    $script:CurrentSandbox = $sandbox
    return $sandbox
}

function Resolve-Sandbox {
    param($Sandbox)
    if ($null -ne $Sandbox) {
        return $Sandbox
    }
    if ($null -eq $script:CurrentSandbox) {
        throw 'No sandbox is running: call Start-TestSandbox first.'
    }
    return $script:CurrentSandbox
}

function Stop-TestSandbox {
    <#
    .SYNOPSIS
    Stops the sandbox process started by Start-TestSandbox and removes its temp folder.
    #>
    [CmdletBinding()]
    param(
        [Parameter(ValueFromPipeline = $true)]
        $Sandbox
    )
    process {
        $target = $Sandbox
        if ($null -eq $target) {
            $target = $script:CurrentSandbox
        }
        if ($null -eq $target) {
            return
        }

        if ($null -ne $target.Process -and -not $target.Process.HasExited) {
            Stop-Process -Id $target.Process.Id -Force -ErrorAction SilentlyContinue
            $null = $target.Process.WaitForExit(10000)
        }

        if (Test-Path -LiteralPath $target.WorkFolder) {
            Remove-Item -LiteralPath $target.WorkFolder -Recurse -Force -ErrorAction SilentlyContinue
        }

        if ([object]::ReferenceEquals($target, $script:CurrentSandbox)) {
            $script:CurrentSandbox = $null
        }
    }
}

function Invoke-SandboxControl {
    <#
    .SYNOPSIS
    Calls a sandbox control route (<Root>_sandbox/<Route>) and returns the answer; -Body is sent as JSON.
    .EXAMPLE
    (Invoke-SandboxControl -Method 'Get' -Route 'outbox/contacts').contacts
    .EXAMPLE
    Invoke-SandboxControl -Method 'Put' -Route 'outbox/contacts-auth' -Body @{ mode = 'BearerOnly' }
    #>
    param(
        $Sandbox,
        [Parameter(Mandatory = $true)] [string] $Method,
        [Parameter(Mandatory = $true)] [string] $Route,
        $Body
    )
    $target = Resolve-Sandbox -Sandbox $Sandbox
    $uri = $target.Root + '_sandbox/' + $Route.TrimStart('/')
    if ($null -eq $Body) {
        return Invoke-RestMethod -Method $Method -Uri $uri
    }

    $json = ConvertTo-Json -InputObject $Body -Depth 5 -Compress
    return Invoke-RestMethod -Method $Method -Uri $uri -Body $json -ContentType 'application/json'
}

function Reset-TestSandbox {
    <#
    .SYNOPSIS
    Clears the sandbox's data, faults and request log (POST /_sandbox/reset); the seeded lists, segments and groups come back.
    #>
    [CmdletBinding()]
    param($Sandbox)
    $null = Invoke-SandboxControl -Sandbox $Sandbox -Method 'Post' -Route 'reset'
}

function Get-SandboxRequests {
    <#
    .SYNOPSIS
    The platform requests the sandbox received, oldest first: platform, method, path, queryString, body, statusCode, receivedAt.
    #>
    [CmdletBinding()]
    param(
        $Sandbox,

        # Only requests whose method matches (GET, POST, ...).
        [string] $Method,

        # Only requests whose path starts with this, e.g. /loops/api/v1/campaigns.
        [string] $PathPrefix
    )
    $all = Invoke-SandboxControl -Sandbox $Sandbox -Method 'Get' -Route 'requests'
    foreach ($request in @($all)) {
        if ($null -eq $request) {
            continue
        }
        if ($Method -and $request.method -ne $Method) {
            continue
        }
        if ($PathPrefix -and -not $request.path.StartsWith($PathPrefix, [System.StringComparison]::OrdinalIgnoreCase)) {
            continue
        }
        $request
    }
}

function Clear-SandboxRequestLog {
    <#
    .SYNOPSIS
    Forgets the requests the sandbox has seen (DELETE /_sandbox/requests) and keeps its data, to count only what follows.
    #>
    [CmdletBinding()]
    param($Sandbox)
    $null = Invoke-SandboxControl -Sandbox $Sandbox -Method 'Delete' -Route 'requests'
}

function Add-SandboxFault {
    <#
    .SYNOPSIS
    Adds a fault rule (POST /_sandbox/faults): e.g. -PathPrefix /loops/api/v1/campaigns -StatusCode 503 -Times 1.
    #>
    [CmdletBinding()]
    param(
        $Sandbox,

        [Parameter(Mandatory = $true)]
        [string] $PathPrefix,

        [string] $Method,

        [ValidateSet('Status', 'Delay', 'DropConnection', 'MalformedJson', 'RateLimited', 'Redirect', 'Body', 'EchoKey')]
        [string] $Kind = 'Status',

        [int] $StatusCode = 503,

        # -1 for every matching request.
        [int] $Times = 1,

        [ValidateSet('BeforeHandler', 'AfterHandler')]
        [string] $When = 'BeforeHandler',

        [double] $DelaySeconds = 0,

        [double] $RetryAfterSeconds = -1,

        # Where a Redirect points.
        [string] $Location,

        # The JSON a Body fault answers with.
        [string] $Body
    )
    $rule = [ordered]@{
        pathPrefix = $PathPrefix
        kind       = $Kind
        statusCode = $StatusCode
        times      = $Times
        when       = $When
    }
    if ($Method) {
        $rule['method'] = $Method.ToUpperInvariant()
    }
    if ($DelaySeconds -gt 0) {
        $rule['delay'] = $DelaySeconds
    }
    if ($RetryAfterSeconds -ge 0) {
        $rule['retryAfter'] = $RetryAfterSeconds
    }
    if ($Location) {
        $rule['location'] = $Location
    }
    if ($PSBoundParameters.ContainsKey('Body')) {
        $rule['body'] = $Body
    }
    Invoke-SandboxControl -Sandbox $Sandbox -Method 'Post' -Route 'faults' -Body $rule
}

function Clear-SandboxFaults {
    <#
    .SYNOPSIS
    Removes every pending fault rule (DELETE /_sandbox/faults).
    #>
    [CmdletBinding()]
    param($Sandbox)
    $null = Invoke-SandboxControl -Sandbox $Sandbox -Method 'Delete' -Route 'faults'
}

function Set-SandboxResponseShape {
    <#
    .SYNOPSIS
    PUT /_sandbox/<Route> with {"shape": ...}: switches which documented response shape a platform sends.
    .EXAMPLE
    Set-SandboxResponseShape -Route 'smartlead/leads-response-shape' -Shape 'Docs'
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string] $Route,

        [Parameter(Mandatory = $true)]
        [string] $Shape,

        $Sandbox
    )
    $null = Invoke-SandboxControl -Sandbox $Sandbox -Method 'Put' -Route $Route -Body @{ shape = $Shape }
}

function Set-SandboxCampaignStatus {
    <#
    .SYNOPSIS
    PUT /_sandbox/<Platform>/campaigns/<id>/status with {"status": ...}: forces a sandbox campaign into a status.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateSet('loops', 'smartlead', 'sms')]
        [string] $Platform,

        [Parameter(Mandatory = $true)]
        [string] $CampaignId,

        [Parameter(Mandatory = $true)]
        [string] $Status,

        $Sandbox
    )
    $route = $Platform + '/campaigns/' + [uri]::EscapeDataString($CampaignId) + '/status'
    $null = Invoke-SandboxControl -Sandbox $Sandbox -Method 'Put' -Route $route -Body @{ status = $Status }
}

function Set-LoopsCreateShape {
    <#
    .SYNOPSIS
    Makes the Loops sandbox answer with the Current (id + url) or Legacy (campaignId) campaign shape.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true, Position = 0)]
        [ValidateSet('Current', 'Legacy', 'Sparse')]
        [string] $Shape,

        $Sandbox
    )
    Set-SandboxResponseShape -Sandbox $Sandbox -Route 'loops/create-shape' -Shape $Shape
}

function Set-LoopsCampaignStatus {
    <#
    .SYNOPSIS
    Moves a sandbox campaign to Draft, Scheduled, Sending or Sent (as if Loops had moved it on).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true, Position = 0)]
        [string] $CampaignId,

        [Parameter(Mandatory = $true, Position = 1)]
        [ValidateSet('Draft', 'Scheduled', 'Sending', 'Sent')]
        [string] $Status,

        $Sandbox
    )
    Set-SandboxCampaignStatus -Sandbox $Sandbox -Platform 'loops' -CampaignId $CampaignId -Status $Status
}

function Set-SmartleadLeadsResponseShape {
    <#
    .SYNOPSIS
    Makes the Smartlead sandbox answer add-leads with the Spec ({ok, inserted_count, ...}) or Docs
    ({success, added_count, skipped_count, skipped_leads}) shape. Reset-TestSandbox goes back to Spec.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true, Position = 0)]
        [ValidateSet('Spec', 'Docs')]
        [string] $Shape,

        $Sandbox
    )
    Set-SandboxResponseShape -Sandbox $Sandbox -Route 'smartlead/leads-response-shape' -Shape $Shape
}

function Set-SmartleadErrorShape {
    <#
    .SYNOPSIS
    Makes the Smartlead sandbox send error bodies as Nested ({"error": {code, message}}), Flat
    ({"message": ...}) or FlatError ({"error": "..."}). Reset-TestSandbox goes back to Nested.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true, Position = 0)]
        [ValidateSet('Nested', 'Flat', 'FlatError')]
        [string] $Shape,

        $Sandbox
    )
    Set-SandboxResponseShape -Sandbox $Sandbox -Route 'smartlead/error-shape' -Shape $Shape
}

function Set-SmartleadCampaignStatus {
    <#
    .SYNOPSIS
    Forces a Smartlead sandbox campaign into DRAFTED, ACTIVE, PAUSED, STOPPED or ARCHIVED, bypassing the
    transition rules (as if someone had changed it in the Smartlead app).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true, Position = 0)]
        [long] $CampaignId,

        [Parameter(Mandatory = $true, Position = 1)]
        [ValidateSet('DRAFTED', 'ACTIVE', 'PAUSED', 'STOPPED', 'ARCHIVED')]
        [string] $Status,

        $Sandbox
    )
    Set-SandboxCampaignStatus -Sandbox $Sandbox -Platform 'smartlead' -CampaignId ([string]$CampaignId) -Status $Status.ToUpperInvariant()
}

function Get-SmartleadSandboxCampaign {
    <#
    .SYNOPSIS
    The sandbox's own view of a Smartlead campaign (GET /_sandbox/smartlead/campaigns/<id>), camelCase:
    id, name, status, clientId, createdAt, updatedAt, sequences (id, seqNumber, subject, emailBody,
    delayInDays, variants), emailAccountIds, schedule (timezone, days, startHour, endHour,
    minTimeBetweenEmails, maxNewLeadsPerDay, scheduleStartTime; null until set), settings (trackSettings,
    stopLeadSettings, unsubscribeText, sendAsPlainText, followUpPercentage, maxLeadsPerDay,
    enableAiEspMatching, ignoreUnsubscribe), leadCount and leadPostCount.
    Throws (404) when no campaign has that id.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true, Position = 0)]
        [long] $Id,

        $Sandbox
    )
    $answer = Invoke-SandboxControl -Sandbox $Sandbox -Method 'Get' -Route ('smartlead/campaigns/' + $Id)
    return $answer.campaign
}

function Set-SmartleadReadShape {
    <#
    .SYNOPSIS
    Makes the Smartlead sandbox answer the after-launch reads (leads, lookups, sequences, analytics, mailboxes, webhooks)
    in the API reference's shapes (Reference, the default) or the docs site's (Docs).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateSet('Reference', 'Docs')]
        [string] $Shape,

        $Sandbox
    )
    Set-SandboxResponseShape -Sandbox $Sandbox -Route 'smartlead/read-shape' -Shape $Shape
}

function Set-SmartleadStatisticsShape {
    <#
    .SYNOPSIS
    Makes the Smartlead sandbox answer GET /campaigns/{id}/statistics with one row per email (Emails, the default), one per step (Steps) or the reference's totals (Totals).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateSet('Emails', 'Steps', 'Totals')]
        [string] $Shape,

        $Sandbox
    )
    Set-SandboxResponseShape -Sandbox $Sandbox -Route 'smartlead/statistics-shape' -Shape $Shape
}

function New-TestSmartleadLaunch {
    <#
    .SYNOPSIS
    A started Smartlead campaign in the sandbox: two steps, mailboxes 456 and 457, one lead per -Email (first_name Lead1, ...). Returns the campaign.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string[]] $Email,

        [string] $Name = 'After launch'
    )
    $steps = @(
        @{ Subject = 'Quick question'; Body = 'Hi {{first_name}}'; DelayDays = 0 }
        @{ Subject = ''; Body = 'Following up'; DelayDays = 2 }
    )
    $number = 0
    $leads = foreach ($address in $Email) {
        $number++
        @{ email = $address; first_name = "Lead$number"; Tier = 'Gold' }
    }
    $campaign = New-SmartleadCampaign -Name $Name
    $null = $campaign | Set-SmartleadSequence -Step $steps -PassThru | Add-SmartleadEmailAccount -EmailAccountId 456, 457 -PassThru |
        Add-SmartleadLead -Lead @($leads)
    Start-SmartleadCampaign -CampaignId $campaign.Id -Force
    return $campaign
}

function Invoke-SmartleadDelivery {
    <#
    .SYNOPSIS
    The sandbox sends the next step to every ACTIVE lead of the ACTIVE campaign (POST /_sandbox/smartlead/campaigns/<id>/deliver); returns how many emails went out.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [long] $CampaignId,

        $Sandbox
    )
    (Invoke-SandboxControl -Sandbox $Sandbox -Method 'Post' -Route "smartlead/campaigns/$CampaignId/deliver").sent
}

function Add-SmartleadSandboxEvent {
    <#
    .SYNOPSIS
    Records what happened to the latest email a lead got: Opened, Clicked, Replied, Bounced or Unsubscribed.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [long] $CampaignId,

        [Parameter(Mandatory = $true)]
        [string] $Email,

        [Parameter(Mandatory = $true)]
        [ValidateSet('Opened', 'Clicked', 'Replied', 'Bounced', 'Unsubscribed')]
        [string] $Event,

        $Sandbox
    )
    $null = Invoke-SandboxControl -Sandbox $Sandbox -Method 'Post' -Route "smartlead/campaigns/$CampaignId/events" -Body @{ email = $Email; event = $Event }
}

function Add-SmartleadSandboxLeads {
    <#
    .SYNOPSIS
    Adds -Count generated leads (lead00001@seed.example, ...) to a sandbox campaign at once and returns the campaign's
    lead count; or puts the lead -Email into the campaign, also when another campaign holds it (what the help center's
    ignore_duplicate_leads_in_other_campaign does, which CampaignPS does not send), and returns its lead id.
    #>
    [CmdletBinding(DefaultParameterSetName = 'Count')]
    param(
        [Parameter(Mandatory = $true)]
        [long] $CampaignId,

        [Parameter(Mandatory = $true, ParameterSetName = 'Count')]
        [int] $Count,

        [Parameter(Mandatory = $true, ParameterSetName = 'Email')]
        [string] $Email,

        $Sandbox
    )
    $route = "smartlead/campaigns/$CampaignId/seed-leads"
    if ($PSCmdlet.ParameterSetName -eq 'Email') {
        return (Invoke-SandboxControl -Sandbox $Sandbox -Method 'Post' -Route $route -Body @{ email = $Email }).leadId
    }
    (Invoke-SandboxControl -Sandbox $Sandbox -Method 'Post' -Route $route -Body @{ count = $Count }).leadCount
}

function Get-SmartleadSandboxLeads {
    <#
    .SYNOPSIS
    The sandbox's own view of a campaign's leads: id, email, status and categoryId.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [long] $CampaignId,

        $Sandbox
    )
    @((Invoke-SandboxControl -Sandbox $Sandbox -Method 'Get' -Route "smartlead/campaigns/$CampaignId/leads").leads)
}

function Get-SmartleadSandboxWebhooks {
    <#
    .SYNOPSIS
    The webhooks the Smartlead sandbox stores for a campaign (event types as sent).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [long] $CampaignId,

        $Sandbox
    )
    @((Invoke-SandboxControl -Sandbox $Sandbox -Method 'Get' -Route "smartlead/campaigns/$CampaignId/webhooks").webhooks)
}

function Get-SmartleadSandboxMailbox {
    <#
    .SYNOPSIS
    The sandbox's health record of a mailbox: warmupEnabled, warmupPerDay, dailyRampup, replyRatePercentage, reputation, isSuspended, smtpError.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [long] $Id,

        $Sandbox
    )
    (Invoke-SandboxControl -Sandbox $Sandbox -Method 'Get' -Route "smartlead/email-accounts/$Id").health
}

function Test-FitsInWidth {
    <#
    .SYNOPSIS
    True when no line of -Text (Format-Table | Out-String output) is wider than -Width characters.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string] $Text,

        [int] $Width = 80
    )
    return @($Text -split "`n" | Where-Object { $_.TrimEnd().Length -gt $Width }).Count -eq 0
}

function Get-TableView {
    <#
    .SYNOPSIS
    The objects piped in as their default table at 80 columns (Format-Table | Out-String -Width 80); throws when a line is wider.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(ValueFromPipeline = $true)]
        $InputObject
    )
    begin {
        $items = [System.Collections.Generic.List[object]]::new()
    }
    process {
        $items.Add($InputObject)
    }
    end {
        $text = $items | Format-Table | Out-String -Width 80
        if (-not (Test-FitsInWidth -Text $text)) {
            throw "The table is wider than 80 characters:`n$text"
        }
        return $text
    }
}

function Connect-TestLoops {
    <#
    .SYNOPSIS
    Connect-Loops against the sandbox with the sandbox key; returns the connection.
    #>
    [CmdletBinding()]
    param($Sandbox)
    $target = Resolve-Sandbox -Sandbox $Sandbox
    Connect-Loops -ApiKey (New-TestSecureString) -BaseUri $target.LoopsUri -PassThru
}

function Connect-TestSmartlead {
    <#
    .SYNOPSIS
    Connect-Smartlead against the sandbox with the sandbox key; returns the connection.
    .DESCRIPTION
    Client-side pacing is off by default (-RequestsPerSecond 0): the module paces Smartlead at its
    documented 60 per minute (one request a second), which would make every test wait, and the sandbox
    runs without rate limits (Start-TestSandbox). Pass -RequestsPerSecond to test the pacing itself.
    #>
    [CmdletBinding()]
    param(
        $Sandbox,

        [double] $RequestsPerSecond = 0
    )
    $target = Resolve-Sandbox -Sandbox $Sandbox
    $apiKey = New-TestSecureString -Value $script:SandboxSmartleadKey
    Connect-Smartlead -ApiKey $apiKey -BaseUri $target.SmartleadUri -RequestsPerSecond $RequestsPerSecond -PassThru
}

function Connect-TestOutbox {
    <#
    .SYNOPSIS
    Connect-Outbox against the sandbox with the sandbox key and -Company (the seeded company unless
    another is given); returns the connection. Outbox has no key check, so this sends no request.
    #>
    [CmdletBinding()]
    param(
        $Sandbox,

        [string] $Company = $script:SandboxOutboxCompany
    )
    $target = Resolve-Sandbox -Sandbox $Sandbox
    $apiKey = New-TestSecureString -Value $script:SandboxOutboxKey
    Connect-Outbox -ApiKey $apiKey -BaseUri $target.OutboxUri -Company $Company -PassThru
}

function Connect-TestSms {
    <#
    .SYNOPSIS
    Connect-SmsPlatform against the sandbox with the sandbox token; returns the connection. The token
    check sends one GET /sms/api/campaigns.
    #>
    [CmdletBinding()]
    param($Sandbox)
    $target = Resolve-Sandbox -Sandbox $Sandbox
    $token = New-TestSecureString -Value $script:SandboxSmsToken
    Connect-SmsPlatform -ApiKey $token -BaseUri $target.SmsUri -PassThru
}

function Get-StreamText {
    <#
    .SYNOPSIS
    All text of the records piped in (output, verbose, debug, warning, error), one string, for "never contains the key" checks.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(ValueFromPipeline = $true)]
        [AllowNull()]
        $InputObject
    )
    begin {
        $lines = New-Object -TypeName 'System.Collections.Generic.List[string]'
    }
    process {
        if ($null -eq $InputObject) {
            return
        }
        if ($InputObject -is [System.Management.Automation.InformationalRecord]) {
            $lines.Add($InputObject.Message)
        }
        elseif ($InputObject -is [System.Management.Automation.ErrorRecord]) {
            $lines.Add($InputObject.ToString())
            $lines.Add([string]$InputObject.Exception)
            if ($null -ne $InputObject.ErrorDetails) {
                $lines.Add($InputObject.ErrorDetails.Message)
            }
        }
        else {
            $lines.Add([string]$InputObject)
            $lines.Add(($InputObject | Format-List -Property * | Out-String -Width 500))
        }
    }
    end {
        return ($lines -join [Environment]::NewLine)
    }
}

function Get-NuGetPackageFile {
    <#
    .SYNOPSIS
    The path of a file inside a package that tests/CampaignPS.Tests restored into the NuGet packages folder,
    e.g. microsoft.extensions.logging.abstractions/6.0.0/lib/net6.0/Microsoft.Extensions.Logging.Abstractions.dll.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true, Position = 0)]
        [string] $RelativePath
    )
    $roots = @()
    if ($env:NUGET_PACKAGES) {
        $roots += $env:NUGET_PACKAGES
    }
    $roots += Join-Path -Path ([Environment]::GetFolderPath('UserProfile')) -ChildPath '.nuget/packages'
    foreach ($root in $roots) {
        $candidate = Join-Path -Path $root -ChildPath $RelativePath
        if (Test-Path -LiteralPath $candidate) {
            return $candidate
        }
    }
    throw "$RelativePath is not in the NuGet packages folder. Run 'dotnet restore tests/CampaignPS.Tests' (it downloads it)."
}

function New-ForeignHost {
    <#
    .SYNOPSIS
    A loopback TCP listener that stands for "another host": .Port to point at, .Pending() is true once anything connected.
    Stop it with .Stop().
    #>
    [CmdletBinding()]
    param()
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $listener | Add-Member -MemberType ScriptProperty -Name 'Port' -Value { $this.LocalEndpoint.Port } -PassThru
}

function Invoke-TestPowerShell {
    <#
    .SYNOPSIS
    Runs -ScriptBlock in a new pwsh process (like this one: pwsh, or dotnet with pwsh.dll when pwsh runs as a
    .NET tool) with -ArgumentList, and returns what it wrote to the output stream, converted from JSON.
    .DESCRIPTION
    For what must start from an empty process: which assemblies are loaded first, Remove-Module, the
    netstandard2.0 build. The script's last output must be JSON (ConvertTo-Json). A process that fails
    throws with its error text.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [scriptblock] $ScriptBlock,

        [object[]] $ArgumentList = @(),

        [int] $TimeoutSec = 120
    )
    $folder = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('campaignps-child-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $folder -Force
    try {
        $script = Join-Path -Path $folder -ChildPath 'child.ps1'
        Set-Content -LiteralPath $script -Value $ScriptBlock.ToString() -Encoding utf8
        $processPath = [System.Environment]::ProcessPath
        $info = [System.Diagnostics.ProcessStartInfo]::new($processPath)
        if ([System.IO.Path]::GetFileNameWithoutExtension($processPath) -ne 'pwsh') {
            $info.ArgumentList.Add((Join-Path -Path $PSHOME -ChildPath 'pwsh.dll'))
        }
        foreach ($argument in @('-NoProfile', '-NonInteractive', '-File', $script)) {
            $info.ArgumentList.Add($argument)
        }
        foreach ($argument in $ArgumentList) {
            $info.ArgumentList.Add([string] $argument)
        }
        $info.Environment['NO_COLOR'] = '1'
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $info.UseShellExecute = $false
        $process = [System.Diagnostics.Process]::Start($info)
        $stderr = $process.StandardError.ReadToEndAsync()
        $stdoutTask = $process.StandardOutput.ReadToEndAsync()
        if (-not $process.WaitForExit($TimeoutSec * 1000)) {
            $process.Kill($true)
            throw "The child pwsh did not finish within $TimeoutSec s."
        }
        $stdout = $stdoutTask.GetAwaiter().GetResult()
        # The child's error view is coloured; test reports (NUnit XML) cannot hold escape characters.
        $errorText = $stderr.GetAwaiter().GetResult() -replace "`e\[[0-9;]*[A-Za-z]", ''
        if ($process.ExitCode -ne 0) {
            throw "The child pwsh exited with $($process.ExitCode): $errorText $stdout"
        }
        return $stdout | ConvertFrom-Json
    }
    finally {
        Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
    }
}

Export-ModuleMember -Function @(
    'Read-ModuleManifest'
    'Get-RepositoryRoot'
    'Get-TestConfiguration'
    'Get-SandboxLoopsKey'
    'Get-SandboxSmartleadKey'
    'Get-SandboxKey'
    'New-TestSecureString'
    'Import-CampaignPSModule'
    'Get-SandboxAssemblyPath'
    'Start-TestSandbox'
    'Stop-TestSandbox'
    'Reset-TestSandbox'
    'Invoke-SandboxControl'
    'Get-SandboxRequests'
    'Clear-SandboxRequestLog'
    'Add-SandboxFault'
    'Clear-SandboxFaults'
    'Set-SandboxResponseShape'
    'Set-SandboxCampaignStatus'
    'Set-LoopsCreateShape'
    'Set-LoopsCampaignStatus'
    'Connect-TestLoops'
    'Set-SmartleadLeadsResponseShape'
    'Set-SmartleadErrorShape'
    'Set-SmartleadCampaignStatus'
    'Get-SmartleadSandboxCampaign'
    'Set-SmartleadReadShape'
    'Set-SmartleadStatisticsShape'
    'New-TestSmartleadLaunch'
    'Invoke-SmartleadDelivery'
    'Add-SmartleadSandboxEvent'
    'Add-SmartleadSandboxLeads'
    'Get-SmartleadSandboxLeads'
    'Get-SmartleadSandboxWebhooks'
    'Get-SmartleadSandboxMailbox'
    'Test-FitsInWidth'
    'Get-TableView'
    'Connect-TestSmartlead'
    'Connect-TestOutbox'
    'Connect-TestSms'
    'Get-StreamText'
    'Get-NuGetPackageFile'
    'Invoke-TestPowerShell'
    'New-ForeignHost'
)
