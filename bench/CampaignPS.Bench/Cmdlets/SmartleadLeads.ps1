# Bench scenario 7: Import-Csv | Add-SmartleadLead with default flags (Standard plan: 10/s, 60/min, 1000/h) against an
# external sandbox that enforces the same windows. Prints "RESULT <json>" with the campaign id and the run summary;
# the bench reads the timing from the sandbox's arrival log and the stored leads from its control route.
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $Root,
    [Parameter(Mandatory)] [string] $Csv
)
$ErrorActionPreference = 'Stop'
Import-Module -Name $ModulePath
$key = ConvertTo-SecureString -String 'sandbox-smartlead-key' -AsPlainText -Force
$null = Connect-Smartlead -ApiKey $key -BaseUri ($Root + 'smartlead/api/v1')

$campaign = New-SmartleadCampaign -Name 'Bench leads'
$failures = $null
$summary = Import-Csv -LiteralPath $Csv | Add-SmartleadLead -CampaignId $campaign.Id -ErrorVariable failures -ErrorAction SilentlyContinue -WarningAction SilentlyContinue 6>$null

'RESULT ' + ([ordered]@{
        campaignId = $campaign.Id
        errors     = @($failures).Count
        inserted   = [long]($summary | Measure-Object -Property Inserted -Sum).Sum
    } | ConvertTo-Json -Compress)
