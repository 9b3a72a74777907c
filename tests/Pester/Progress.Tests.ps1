# Every bulk cmdlet shows a progress bar (records done of those submitted, and failures), also in a thread job,
# where the job's Progress collection receives it; Add-SmartleadLead keeps its own bar, which counts leads.

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-CampaignPSModule
    $sandbox = Start-TestSandbox
    $loops = Connect-TestLoops
    $smartlead = Connect-TestSmartlead
    $outbox = Connect-TestOutbox
    $manifest = Join-Path -Path (Get-Module -Name 'CampaignPS').ModuleBase -ChildPath 'CampaignPS.psd1'

    # Runs $Script in a thread job with the module imported; returns the job's progress records.
    function Get-JobProgress {
        param(
            [Parameter(Mandatory = $true)] [scriptblock] $Script,
            [object[]] $ArgumentList = @()
        )
        $job = Start-ThreadJob -ScriptBlock {
            param($Manifest, $Work, $Arguments)
            Import-Module -Name $Manifest
            & ([scriptblock]::Create($Work)) @Arguments
        } -ArgumentList $manifest, $Script.ToString(), $ArgumentList
        $null = $job | Wait-Job -Timeout 120
        $records = @($job.Progress)
        $errors = @($job.Error)
        $job | Remove-Job -Force
        return [pscustomobject]@{ Records = $records; Errors = $errors }
    }
}

AfterAll {
    Disconnect-Loops -ErrorAction SilentlyContinue
    Disconnect-Smartlead -ErrorAction SilentlyContinue
    Disconnect-Outbox -ErrorAction SilentlyContinue
    Stop-TestSandbox -Sandbox $sandbox
}

Describe 'Progress of bulk cmdlets in a thread job' {
    BeforeEach {
        Reset-TestSandbox
    }

    It 'shows <Command> counting records to the end, then completes the bar' -ForEach @(
        @{ Command = 'New-LoopsCampaign'; Script = { param($c) 1..5 | ForEach-Object { [pscustomobject]@{ Name = "Bulk $_" } } | New-LoopsCampaign -Connection $c }; Platform = 'Loops' }
        @{ Command = 'New-SmartleadCampaign'; Script = { param($c) 1..5 | ForEach-Object { [pscustomobject]@{ Name = "Bulk $_" } } | New-SmartleadCampaign -Connection $c }; Platform = 'Smartlead' }
        @{ Command = 'Add-OutboxContact'; Script = { param($c) 1..5 | ForEach-Object { [pscustomobject]@{ email = "c$_@example.com" } } | Add-OutboxContact -Connection $c }; Platform = 'Outbox' }
    ) {
        $connection = @{ Loops = $loops; Smartlead = $smartlead; Outbox = $outbox }[$Platform]

        $run = Get-JobProgress -Script $Script -ArgumentList @($connection)

        $run.Errors | Should -BeNullOrEmpty
        $mine = @($run.Records | Where-Object Activity -eq $Command)
        $mine.Count | Should -BeGreaterThan 1
        @($mine | Where-Object RecordType -eq 'Processing')[-1].StatusDescription | Should -Be '5 of 5 records done'
        $mine[-1].RecordType | Should -Be 'Completed'
    }

    It 'counts failed records' {
        $run = Get-JobProgress -Script { param($c) @('cmp_missing_1', 'cmp_missing_2') | ForEach-Object { [pscustomobject]@{ CampaignId = $_ } } | Set-LoopsCampaign -Name 'x' -Connection $c -ErrorAction SilentlyContinue } -ArgumentList @($loops)

        @($run.Records | Where-Object { $_.Activity -eq 'Set-LoopsCampaign' -and $_.RecordType -eq 'Processing' })[-1].StatusDescription | Should -Be '2 of 2 records done, 2 failed'
    }
}
