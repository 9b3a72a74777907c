# Bench scenario 10: how long Import-Module takes in a fresh process, for CampaignPS and for an empty module. The
# bench alternates the two over many fresh processes and compares medians, so pwsh's own start-up is left out.
# -FormatTablesReady formats one object first, as every session that has shown any output has: PowerShell builds its
# format tables on first use, and a module's format file is what triggers that in a process that has shown nothing.
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [switch] $FormatTablesReady
)
if ($FormatTablesReady) {
    $null = [pscustomobject]@{ Ready = $true } | Out-String
}

$watch = [Diagnostics.Stopwatch]::StartNew()
Import-Module -Name $ModulePath -ErrorAction Stop
$watch.Stop()
'RESULT ' + ([ordered]@{ milliseconds = $watch.Elapsed.TotalMilliseconds } | ConvertTo-Json -Compress)
