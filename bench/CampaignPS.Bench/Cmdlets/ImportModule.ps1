# Bench scenario 10: how long Import-Module takes in a fresh process, for CampaignPS and for an empty module. The
# bench alternates the two over many fresh processes and compares medians, so pwsh's own start-up is left out.
[CmdletBinding()]
param([Parameter(Mandatory)] [string] $ModulePath)
$watch = [Diagnostics.Stopwatch]::StartNew()
Import-Module -Name $ModulePath -ErrorAction Stop
$watch.Stop()
'RESULT ' + ([ordered]@{ milliseconds = $watch.Elapsed.TotalMilliseconds } | ConvertTo-Json -Compress)
