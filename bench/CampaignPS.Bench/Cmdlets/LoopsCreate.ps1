# Bench scenarios 6 and 8: Import-Csv | New-LoopsCampaign with default flags against an external sandbox, as a user runs it.
# Prints one line "RESULT <json>": what the pipeline wrote, its errors, whether it came in input order and what the
# connection's rate limiter learned. The bench reads the timing from the sandbox's arrival log, not from here.
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $Root,
    [Parameter(Mandatory)] [string] $Csv
)
$ErrorActionPreference = 'Stop'
Import-Module -Name $ModulePath
$key = ConvertTo-SecureString -String 'sandbox-loops-key' -AsPlainText -Force
$connection = Connect-Loops -ApiKey $key -BaseUri ($Root + 'loops/api/v1') -PassThru

$failures = $null
$created = @(Import-Csv -LiteralPath $Csv | New-LoopsCampaign -ErrorVariable failures -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
$expected = @(Import-Csv -LiteralPath $Csv).Name
$inOrder = ($created.Count -eq $expected.Count) -and (@($created.Name) -join "`n") -eq ($expected -join "`n")

'RESULT ' + ([ordered]@{
        written = $created.Count
        errors  = @($failures).Count
        inOrder = $inOrder
        limiter = "$($connection.RateLimits)"
    } | ConvertTo-Json -Compress)
