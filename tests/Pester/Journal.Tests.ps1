# Resumable bulk runs (-Journal, -JournalKey, -RetryUnknown) against the sandbox: reruns skip what is done,
# retry what failed and report what is unknown; a pwsh process killed mid-run loses nothing and duplicates
# nothing on the rerun; journals of other pipelines, duplicate keys, -WhatIf and a journal in use.

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-CampaignPSModule
    # Latency keeps a run mid-flight long enough to be killed; every test pays it, so it stays small.
    $sandbox = Start-TestSandbox -LatencyMs 150
    $null = Connect-TestLoops

    $workFolder = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('campaignps-journal-tests-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $workFolder -Force

    function New-JournalPath {
        Join-Path -Path $workFolder -ChildPath ('j-' + [guid]::NewGuid().ToString('N') + '.jsonl')
    }

    function New-CampaignRows {
        param([int] $Count, [string] $Prefix = 'Row')
        1..$Count | ForEach-Object { [pscustomobject]@{ Name = '{0} {1:d3}' -f $Prefix, $_; MailingListId = 'list_main' } }
    }

    # Names of the Loops campaigns the sandbox received a create for, one entry per request.
    function Get-CreatedNames {
        @(Get-SandboxRequests -Method 'POST' -PathPrefix '/loops/api/v1/campaigns') | Where-Object { $_.path.TrimEnd('/') -eq '/loops/api/v1/campaigns' } |
            ForEach-Object { ($_.body | ConvertFrom-Json).name }
    }

    # The journal's rows after the header, as objects.
    function Read-Journal {
        param([string] $Path)
        @(Get-Content -LiteralPath $Path | Select-Object -Skip 1 | ForEach-Object { $_ | ConvertFrom-Json })
    }
}

AfterAll {
    Disconnect-Loops -ErrorAction SilentlyContinue
    Disconnect-Smartlead -ErrorAction SilentlyContinue
    Stop-TestSandbox -Sandbox $sandbox
    if ($workFolder -and (Test-Path -LiteralPath $workFolder)) {
        Remove-Item -LiteralPath $workFolder -Recurse -Force -ErrorAction SilentlyContinue
    }
}

Describe 'New-LoopsCampaign -Journal' {
    BeforeEach {
        Reset-TestSandbox
    }

    It 'records started and done with the created id per row, and a rerun creates nothing, says it skipped, and writes the campaigns read back' {
        $journal = New-JournalPath
        $rows = @(New-CampaignRows -Count 5)

        $created = @($rows | New-LoopsCampaign -Journal $journal)
        $created.Count | Should -Be 5

        $header = Get-Content -LiteralPath $journal -TotalCount 1 | ConvertFrom-Json
        $header.format | Should -Be 'CampaignPS.Journal'
        $header.cmdlet | Should -Be 'New-LoopsCampaign'
        $header.platform | Should -Be 'Loops'
        $header.endpoint | Should -Be $sandbox.LoopsUri
        $lines = Read-Journal -Path $journal
        @($lines | Where-Object state -EQ 'started').Count | Should -Be 5
        @($lines | Where-Object state -EQ 'done').id | Sort-Object | Should -Be @($created.Id | Sort-Object)

        Clear-SandboxRequestLog
        $verbose = $rows | New-LoopsCampaign -Journal $journal -Verbose 4>&1
        @(Get-CreatedNames).Count | Should -Be 0
        @($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'skipped, done in journal' }).Count | Should -Be 5

        # What the first run wrote, in input order, so a pipeline after it resumes too (one GET per row).
        $written = @($verbose | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $written.Count | Should -Be 5
        $written[0].GetType().Name | Should -Be 'LoopsCampaign'
        $written.Id | Should -Be @($created.Id)
        @(Get-SandboxRequests -Method 'GET' -PathPrefix '/loops/api/v1/campaigns').Count | Should -Be 5
    }

    It 'resumes a pipeline that continues from the create: the rerun configures the campaigns the first run made' {
        $journal = New-JournalPath
        $rows = @(New-CampaignRows -Count 2 -Prefix 'Chain')
        $null = $rows | New-LoopsCampaign -Journal $journal

        # The first run stopped before its second step; the whole pipeline runs again.
        $changed = @($rows | New-LoopsCampaign -Journal $journal | Set-LoopsCampaign -CampaignGroupId 'grp_launches' -PassThru)
        $changed.Count | Should -Be 2
        $changed.CampaignGroupId | Sort-Object -Unique | Should -Be 'grp_launches'
        @(Get-CreatedNames).Count | Should -Be 2
    }

    It 'sends again the rows that failed, and only those' {
        $journal = New-JournalPath
        $rows = @(New-CampaignRows -Count 4 -Prefix 'Fails')
        $null = Add-SandboxFault -PathPrefix '/loops/api/v1/campaigns' -Method 'POST' -StatusCode 400 -Times 1

        $null = $rows | New-LoopsCampaign -Journal $journal -ThrottleLimit 1 -ErrorVariable failed -ErrorAction SilentlyContinue
        @($failed).Count | Should -Be 1
        $failedName = $failed[0].TargetObject.Name
        @(Read-Journal -Path $journal | Where-Object state -EQ 'failed').Count | Should -Be 1

        Clear-SandboxRequestLog
        $again = @($rows | New-LoopsCampaign -Journal $journal)
        $again.Name | Should -Be @($rows.Name)
        @(Get-CreatedNames) | Should -Be @($failedName)
    }

    It 'does not send again a row whose outcome is unknown, reports it with what to check, and -RetryUnknown sends it' {
        $journal = New-JournalPath
        $rows = @(New-CampaignRows -Count 3 -Prefix 'Lost')
        # The campaign is made, then the connection drops before the answer: the outcome is unknown.
        $null = Add-SandboxFault -PathPrefix '/loops/api/v1/campaigns' -Method 'POST' -Kind 'DropConnection' -When 'AfterHandler' -Times 1

        $null = $rows | New-LoopsCampaign -Journal $journal -ThrottleLimit 1 -ErrorAction SilentlyContinue
        $unknownLine = @(Read-Journal -Path $journal | Where-Object state -EQ 'unknown')
        $unknownLine.Count | Should -Be 1

        Clear-SandboxRequestLog
        $output = @($rows | New-LoopsCampaign -Journal $journal -ErrorVariable held -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue)
        $output.Name | Should -Be @('Lost 002', 'Lost 003')
        @(Get-CreatedNames).Count | Should -Be 0
        @($held).Count | Should -Be 1
        $held[0].FullyQualifiedErrorId | Should -Match '^CampaignJournalOutcomeUnknown'
        $held[0].TargetObject.Name | Should -Be 'Lost 001'
        $held[0].Exception.Message | Should -Match ([regex]::Escape($unknownLine[0].row))
        $held[0].Exception.Message | Should -Match "Get-LoopsCampaign -All \| Where-Object Name -eq 'Lost 001'"
        $held[0].Exception.Message | Should -Match 'RetryUnknown'
        "$warned" | Should -Match '1 rows'

        $retried = @($rows | New-LoopsCampaign -Journal $journal -RetryUnknown)
        $retried.Name | Should -Be @('Lost 001', 'Lost 002', 'Lost 003')
        @(Get-CreatedNames) | Should -Be @('Lost 001')
    }

    It 'takes -JournalKey as a column name and refuses a key that appears twice in one run' {
        $journal = New-JournalPath
        $rows = @(
            [pscustomobject]@{ Name = 'Key A'; Code = 'a' }
            [pscustomobject]@{ Name = 'Key B'; Code = 'b' }
            [pscustomobject]@{ Name = 'Key A again'; Code = 'a' }
        )

        $created = @($rows | New-LoopsCampaign -Journal $journal -JournalKey Code -ErrorVariable failed -ErrorAction SilentlyContinue)
        $created.Name | Should -Be @('Key A', 'Key B')
        @($failed).Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Match '^CampaignJournalDuplicateKey'
        $failed[0].TargetObject.Name | Should -Be 'Key A again'
        @(Read-Journal -Path $journal | Where-Object state -EQ 'done').row | Sort-Object | Should -Be @('a', 'b')
    }

    It 'takes -JournalKey as a script block over the row' {
        $journal = New-JournalPath
        $null = New-CampaignRows -Count 2 -Prefix 'Script' | New-LoopsCampaign -Journal $journal -JournalKey { $_.Name.ToUpperInvariant() }
        @(Read-Journal -Path $journal | Where-Object state -EQ 'done').row | Sort-Object | Should -Be @('SCRIPT 001', 'SCRIPT 002')
    }

    It 'keys a row by its values, not by the object: the same values from a new Import-Csv are the same row' {
        $journal = New-JournalPath
        $csv = Join-Path -Path $workFolder -ChildPath 'same.csv'
        New-CampaignRows -Count 3 -Prefix 'Csv' | Export-Csv -LiteralPath $csv -NoTypeInformation
        $null = Import-Csv -LiteralPath $csv | New-LoopsCampaign -Journal $journal

        Clear-SandboxRequestLog
        $null = Import-Csv -LiteralPath $csv | Select-Object -Property MailingListId, Name | New-LoopsCampaign -Journal $journal
        @(Get-CreatedNames).Count | Should -Be 0
    }

    It 'refuses a journal from another cmdlet before anything is sent, and leaves it alone' {
        $journal = New-JournalPath
        $null = New-CampaignRows -Count 1 -Prefix 'Other' | New-LoopsCampaign -Journal $journal
        $before = Get-Content -LiteralPath $journal -Raw

        Clear-SandboxRequestLog
        { 'cmp_x' | Set-LoopsCampaign -Name 'Renamed' -Journal $journal -ErrorAction Stop } |
            Should -Throw -ErrorId 'CampaignJournalMismatch,CampaignPS.Cmdlets.Loops.SetLoopsCampaignCommand' -ExpectedMessage '*written by New-LoopsCampaign*'
        @(Get-SandboxRequests).Count | Should -Be 0
        Get-Content -LiteralPath $journal -Raw | Should -Be $before
    }

    It 'refuses a journal of the same cmdlet written with other parameters for every row (another pipeline)' {
        $journal = New-JournalPath
        $first = New-LoopsCampaign -Name 'Scope' -Journal $journal
        $null = $first | Set-LoopsCampaign -Name 'Scope v2' -Journal (Join-Path $workFolder 'set-scope.jsonl')

        Clear-SandboxRequestLog
        { $first | Set-LoopsCampaign -Name 'Scope v3' -Journal (Join-Path $workFolder 'set-scope.jsonl') -ErrorAction Stop } |
            Should -Throw -ErrorId 'CampaignJournalMismatch,CampaignPS.Cmdlets.Loops.SetLoopsCampaignCommand' -ExpectedMessage '*other parameters*'
        @(Get-SandboxRequests).Count | Should -Be 0
    }

    It 'refuses a journal of another connection (another host or platform root)' {
        $journal = New-JournalPath
        $null = New-LoopsCampaign -Name 'Host' -Journal $journal
        # Another host (nothing listens there; the journal is refused before anything is sent).
        $elsewhere = Connect-Loops -ApiKey (New-TestSecureString) -BaseUri 'http://127.0.0.2:9/loops/api/v1' -SkipKeyCheck -PassThru
        try {
            { New-LoopsCampaign -Name 'Host' -Journal $journal -Connection $elsewhere -ErrorAction Stop } |
                Should -Throw -ErrorId 'CampaignJournalMismatch,CampaignPS.Cmdlets.Loops.NewLoopsCampaignCommand' -ExpectedMessage '*written against Loops at*'
        }
        finally {
            $null = Connect-TestLoops
        }
    }

    It 'refuses a file that is not a journal, such as the CSV itself' {
        $csv = Join-Path -Path $workFolder -ChildPath 'not-a-journal.csv'
        New-CampaignRows -Count 2 | Export-Csv -LiteralPath $csv -NoTypeInformation
        $before = Get-Content -LiteralPath $csv -Raw
        { Import-Csv -LiteralPath $csv | New-LoopsCampaign -Journal $csv -ErrorAction Stop } | Should -Throw -ErrorId 'CampaignJournalMismatch,*'
        Get-Content -LiteralPath $csv -Raw | Should -Be $before
        @(Get-CreatedNames).Count | Should -Be 0
    }

    It 'refuses a journal that another run holds' {
        $journal = New-JournalPath
        $held = [System.IO.FileStream]::new($journal + '.lock', 'OpenOrCreate', 'ReadWrite', 'None')
        try {
            { New-LoopsCampaign -Name 'Busy' -Journal $journal -ErrorAction Stop } | Should -Throw -ErrorId 'CampaignJournalInUse,*'
        }
        finally {
            $held.Dispose()
        }
        @(Get-CreatedNames).Count | Should -Be 0
    }

    It 'writes nothing under -WhatIf: no journal is created, and an existing one is read but not changed' {
        $journal = New-JournalPath
        $null = New-CampaignRows -Count 2 -Prefix 'WhatIf' | New-LoopsCampaign -Journal $journal -WhatIf
        Test-Path -LiteralPath $journal | Should -BeFalse
        Test-Path -LiteralPath ($journal + '.lock') | Should -BeFalse

        $null = New-CampaignRows -Count 1 -Prefix 'WhatIf' | New-LoopsCampaign -Journal $journal
        $before = Get-Content -LiteralPath $journal -Raw
        $verbose = New-CampaignRows -Count 2 -Prefix 'WhatIf' | New-LoopsCampaign -Journal $journal -WhatIf -Verbose 4>&1
        Get-Content -LiteralPath $journal -Raw | Should -Be $before
        @($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'skipped, done in journal' }).Count | Should -Be 1
    }

    It 'needs -Journal for -JournalKey and -RetryUnknown' {
        { New-LoopsCampaign -Name 'No journal' -RetryUnknown -ErrorAction Stop } | Should -Throw -ErrorId 'CampaignJournalRequired,*'
    }

    It 'never writes the key to the journal' {
        $journal = New-JournalPath
        $null = New-CampaignRows -Count 2 -Prefix 'Secret' | New-LoopsCampaign -Journal $journal
        Get-Content -LiteralPath $journal -Raw | Should -Not -Match ([regex]::Escape((Get-SandboxLoopsKey)))
    }
}

Describe 'Add-SmartleadLead -Journal' {
    BeforeAll {
        $null = Connect-TestSmartlead
    }

    BeforeEach {
        Reset-TestSandbox
    }

    It 'journals every lead of a batch, skips them on a rerun, and sends only the new rows' {
        $campaign = New-SmartleadCampaign -Name 'Journal leads'
        $journal = New-JournalPath
        $leads = @(1..450 | ForEach-Object { [pscustomobject]@{ email = "lead$_@example.com"; first_name = "Lead$_" } })

        $null = $leads | Add-SmartleadLead -CampaignId $campaign.Id -Journal $journal -JournalKey email
        $lines = Read-Journal -Path $journal
        @($lines | Where-Object state -EQ 'started').Count | Should -Be 450
        @($lines | Where-Object state -EQ 'done').Count | Should -Be 450
        $lines.row | Should -Contain "$($campaign.Id)/lead1@example.com"
        @(Get-SandboxRequests -Method 'POST' -PathPrefix "/smartlead/api/v1/campaigns/$($campaign.Id)/leads").Count | Should -Be 2

        Clear-SandboxRequestLog
        $more = $leads + @([pscustomobject]@{ email = 'late@example.com'; first_name = 'Late' })
        $summary = $more | Add-SmartleadLead -CampaignId $campaign.Id -Journal $journal -JournalKey email
        $posts = @(Get-SandboxRequests -Method 'POST' -PathPrefix "/smartlead/api/v1/campaigns/$($campaign.Id)/leads")
        $posts.Count | Should -Be 1
        @(($posts[0].body | ConvertFrom-Json).lead_list).Count | Should -Be 1
        $summary.Sent | Should -Be 1
    }

    It 'sends a lead whose outcome is unknown again without -RetryUnknown, because Smartlead deduplicates by e-mail' {
        $campaign = New-SmartleadCampaign -Name 'Journal unknown leads'
        $journal = New-JournalPath
        $null = [pscustomobject]@{ email = 'first@example.com' } | Add-SmartleadLead -CampaignId $campaign.Id -Journal $journal -JournalKey email
        # As a killed run leaves it: the batch was started, and no answer was recorded.
        Add-Content -LiteralPath $journal -Value ('{"at":"2026-12-02T10:00:00.000Z","row":"' + $campaign.Id + '/lost@example.com","state":"started"}')

        Clear-SandboxRequestLog
        $leads = @([pscustomobject]@{ email = 'first@example.com' }, [pscustomobject]@{ email = 'lost@example.com' })
        $null = $leads | Add-SmartleadLead -CampaignId $campaign.Id -Journal $journal -JournalKey email -ErrorVariable failed -ErrorAction SilentlyContinue
        @($failed).Count | Should -Be 0
        $posts = @(Get-SandboxRequests -Method 'POST' -PathPrefix "/smartlead/api/v1/campaigns/$($campaign.Id)/leads")
        $posts.Count | Should -Be 1
        @(($posts[0].body | ConvertFrom-Json).lead_list).email | Should -Be @('lost@example.com')
    }
}

Describe 'Add-OutboxContact -Journal' {
    BeforeEach {
        Reset-TestSandbox
        $null = Connect-TestOutbox
    }

    It 'journals each contact of -Contact (one record, many rows) by its fields, and a rerun sends only the new one' {
        $journal = New-JournalPath
        $contacts = @(
            [pscustomobject]@{ email = 'ada@acme.example'; full_name = 'Ada' }
            [pscustomobject]@{ email = 'bob@acme.example'; full_name = 'Bob' }
        )
        $null = Add-OutboxContact -Contact $contacts -Journal $journal
        @(Read-Journal -Path $journal | Where-Object state -EQ 'done').Count | Should -Be 2

        Clear-SandboxRequestLog
        $null = Add-OutboxContact -Contact ($contacts + [pscustomobject]@{ email = 'cy@acme.example'; full_name = 'Cy' }) -Journal $journal
        $posts = @(Get-SandboxRequests -Method 'POST' -PathPrefix '/outbox')
        $posts.Count | Should -Be 1
        $posts[0].body | Should -Match 'cy@acme.example'
    }
}

Describe 'A pwsh process killed mid-run' {
    BeforeEach {
        Reset-TestSandbox
    }

    It 'loses nothing and duplicates nothing when the same pipeline runs again; rows in flight at the kill are reported unknown' {
        $rowCount = 40
        $csv = Join-Path -Path $workFolder -ChildPath 'kill-rows.csv'
        $journal = Join-Path -Path $workFolder -ChildPath 'kill.jsonl'
        New-CampaignRows -Count $rowCount -Prefix 'Kill' | Export-Csv -LiteralPath $csv -NoTypeInformation

        $child = Join-Path -Path $workFolder -ChildPath 'kill-child.ps1'
        Set-Content -LiteralPath $child -Encoding utf8 -Value @'
param($Manifest, $LoopsUri, $Key, $Csv, $Journal)
$ErrorActionPreference = 'Stop'
Import-Module -Name $Manifest
Connect-Loops -ApiKey (ConvertTo-SecureString -String $Key -AsPlainText -Force) -BaseUri $LoopsUri
Import-Csv -LiteralPath $Csv | New-LoopsCampaign -Journal $Journal -ThrottleLimit 4 | Out-Null
'@
        # A child pwsh like this one (pwsh, or dotnet pwsh.dll when pwsh runs as a .NET tool), as Invoke-TestPowerShell starts it.
        $processPath = [System.Environment]::ProcessPath
        $info = [System.Diagnostics.ProcessStartInfo]::new($processPath)
        if ([System.IO.Path]::GetFileNameWithoutExtension($processPath) -ne 'pwsh') {
            $info.ArgumentList.Add((Join-Path -Path $PSHOME -ChildPath 'pwsh.dll'))
        }
        $manifest = Join-Path -Path (Get-RepositoryRoot) -ChildPath 'out/CampaignPS/CampaignPS.psd1'
        foreach ($argument in @('-NoProfile', '-NonInteractive', '-File', $child, $manifest, $sandbox.LoopsUri, (Get-SandboxLoopsKey), $csv, $journal)) {
            $info.ArgumentList.Add([string] $argument)
        }
        $info.UseShellExecute = $false
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $process = [System.Diagnostics.Process]::Start($info)
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()

        # The signal: the journal has the header and 16 row lines (some rows done, others on the wire). Poll, no fixed sleep.
        $deadline = [DateTime]::UtcNow.AddSeconds(90)
        $lineCount = 0
        while ($lineCount -lt 17) {
            if ($process.HasExited) {
                throw "The child pwsh ended before the kill: $($stderr.GetAwaiter().GetResult()) $($stdout.GetAwaiter().GetResult())"
            }
            if ([DateTime]::UtcNow -gt $deadline) {
                $process.Kill($true)
                throw 'The journal did not reach 17 lines within 90 s.'
            }
            if (Test-Path -LiteralPath $journal) {
                $reader = [System.IO.FileStream]::new($journal, 'Open', 'Read', 'ReadWrite')
                try {
                    $lineCount = ([System.IO.StreamReader]::new($reader).ReadToEnd() -split "`n").Count - 1
                }
                finally {
                    $reader.Dispose()
                }
            }
            Start-Sleep -Milliseconds 20
        }
        $process.Kill($true)
        $process.WaitForExit(30000) | Should -BeTrue

        # What the killed run left: rows done, rows started without an end (unknown), rows never started.
        $lines = Read-Journal -Path $journal
        $final = @{}
        foreach ($line in $lines) {
            $final[$line.row] = $line.state
        }
        $unknownKeys = @($final.Keys | Where-Object { $final[$_] -eq 'started' })
        $doneBefore = @($final.Keys | Where-Object { $final[$_] -eq 'done' })
        $doneBefore.Count | Should -BeGreaterThan 0
        $doneBefore.Count | Should -BeLessThan $rowCount
        $sentBefore = @(Get-CreatedNames)

        # The rerun: the same pipeline, the same journal, in this process.
        $null = Import-Csv -LiteralPath $csv | New-LoopsCampaign -Journal $journal -ErrorVariable rerunErrors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $reported = @($rerunErrors | Where-Object { $_.FullyQualifiedErrorId -like 'CampaignJournalOutcomeUnknown*' })
        @($rerunErrors).Count | Should -Be $reported.Count
        $reported.Count | Should -Be $unknownKeys.Count
        $unknownNames = @($reported | ForEach-Object { $_.TargetObject.Name })
        foreach ($key in $unknownKeys) {
            @($reported | Where-Object { $_.Exception.Message -match $key }).Count | Should -Be 1
        }

        # Every row was sent exactly once over both runs, except the unknown ones: at most once (the kill may
        # have come before the request left), and never again.
        $sent = @(Get-CreatedNames)
        foreach ($name in 1..$rowCount | ForEach-Object { 'Kill {0:d3}' -f $_ }) {
            $times = @($sent | Where-Object { $_ -eq $name }).Count
            if ($unknownNames -contains $name) {
                $times | Should -BeLessOrEqual 1 -Because "$name was reported unknown"
                @($sentBefore | Where-Object { $_ -eq $name }).Count | Should -Be $times -Because "$name is not sent again"
            }
            else {
                $times | Should -Be 1 -Because "$name was created exactly once"
            }
        }

        # The journal now says done for every row but the unknown ones.
        $after = @{}
        foreach ($line in (Read-Journal -Path $journal)) {
            $after[$line.row] = $line.state
        }
        $after.Count | Should -Be $rowCount
        @($after.Keys | Where-Object { $after[$_] -eq 'done' }).Count | Should -Be ($rowCount - $unknownKeys.Count)
    }
}

Describe 'A run stopped with Ctrl+C (PowerShell.Stop)' {
    BeforeEach {
        Reset-TestSandbox
    }

    It 'journals what was answered within the grace and what never left, so the rerun sends each remaining row once and reports nothing unknown' {
        $rowCount = 30
        $csv = Join-Path -Path $workFolder -ChildPath 'stop-rows.csv'
        $journal = Join-Path -Path $workFolder -ChildPath 'stop.jsonl'
        New-CampaignRows -Count $rowCount -Prefix 'Stop' | Export-Csv -LiteralPath $csv -NoTypeInformation
        $manifest = Join-Path -Path (Get-RepositoryRoot) -ChildPath 'out/CampaignPS/CampaignPS.psd1'

        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript({
                    param($Manifest, $LoopsUri, $Key, $Csv, $Journal)
                    Import-Module -Name $Manifest
                    Connect-Loops -ApiKey (ConvertTo-SecureString -String $Key -AsPlainText -Force) -BaseUri $LoopsUri
                    Import-Csv -LiteralPath $Csv | New-LoopsCampaign -Journal $Journal -ThrottleLimit 4 -WarningAction SilentlyContinue | Out-Null
                }).AddArgument($manifest).AddArgument($sandbox.LoopsUri).AddArgument((Get-SandboxLoopsKey)).AddArgument($csv).AddArgument($journal)
            $running = $shell.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while (-not (Test-Path -LiteralPath $journal) -or @(Get-Content -LiteralPath $journal).Count -lt 13) {
                if ($running.IsCompleted) {
                    throw 'The run ended before it was stopped.'
                }
                if ([DateTime]::UtcNow -gt $deadline) {
                    throw 'The journal did not reach 13 lines within 60 s.'
                }
                Start-Sleep -Milliseconds 20
            }
            $shell.Stop()
        }
        finally {
            $shell.Dispose()
        }

        $final = @{}
        foreach ($line in (Read-Journal -Path $journal)) {
            $final[$line.row] = $line.state
        }
        @($final.Values | Where-Object { $_ -eq 'started' }).Count | Should -Be 0 -Because 'every request on the wire answered within the grace, and the others were cancelled'

        $null = Import-Csv -LiteralPath $csv | New-LoopsCampaign -Journal $journal -ErrorVariable rerunErrors -ErrorAction SilentlyContinue
        @($rerunErrors).Count | Should -Be 0
        $sent = @(Get-CreatedNames)
        $sent.Count | Should -Be $rowCount
        @($sent | Sort-Object -Unique).Count | Should -Be $rowCount
    }
}
