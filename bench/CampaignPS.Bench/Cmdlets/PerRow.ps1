# Bench scenario 9: the per-row cost of Import-Csv | Add-SmartleadLead with no rate limit, against what an admin would
# write by hand (Invoke-RestMethod, 400 rows per request) and against Import-Csv alone. One mode per fresh process, so
# each peak working set is its own. Prints "RESULT <json>" with the seconds of the pipeline and the peak working set.
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $Root,
    [Parameter(Mandatory)] [string] $Csv,
    [Parameter(Mandatory)] [ValidateSet('Cmdlet', 'HandWritten', 'ImportOnly')] [string] $Mode
)
$ErrorActionPreference = 'Stop'
$apiKey = 'sandbox-smartlead-key'
$base = $Root + 'smartlead/api/v1'
Import-Module -Name $ModulePath
$null = Connect-Smartlead -ApiKey (ConvertTo-SecureString -String $apiKey -AsPlainText -Force) -BaseUri $base -RequestsPerSecond 0
$campaign = New-SmartleadCampaign -Name "Per row: $Mode"
[GC]::Collect()
$before = [Diagnostics.Process]::GetCurrentProcess().WorkingSet64

$watch = [Diagnostics.Stopwatch]::StartNew()
switch ($Mode) {
    'Cmdlet' {
        $null = Import-Csv -LiteralPath $Csv | Add-SmartleadLead -CampaignId $campaign.Id 6>$null
    }
    'HandWritten' {
        # What the Smartlead docs show, in a loop: 400 leads per POST /campaigns/{id}/leads.
        $uri = "$base/campaigns/$($campaign.Id)/leads?api_key=$apiKey"
        $batch = [System.Collections.Generic.List[object]]::new(400)
        $send = {
            $body = @{ lead_list = $batch } | ConvertTo-Json -Depth 4 -Compress
            $null = Invoke-RestMethod -Method Post -Uri $uri -Body $body -ContentType 'application/json; charset=utf-8'
            $batch.Clear()
        }
        Import-Csv -LiteralPath $Csv | ForEach-Object {
            $batch.Add(@{ email = $_.Email; first_name = $_.FirstName; last_name = $_.LastName; company_name = $_.CompanyName; custom_fields = @{ Industry = $_.Industry } })
            if ($batch.Count -eq 400) { & $send }
        }
        if ($batch.Count -gt 0) { & $send }
    }
    'ImportOnly' {
        $null = Import-Csv -LiteralPath $Csv | Measure-Object
    }
}
$watch.Stop()

$process = [Diagnostics.Process]::GetCurrentProcess()
$process.Refresh()
'RESULT ' + ([ordered]@{
        mode          = $Mode
        campaignId    = $campaign.Id
        seconds       = $watch.Elapsed.TotalSeconds
        startBytes    = $before
        peakBytes     = $process.PeakWorkingSet64
    } | ConvertTo-Json -Compress)
