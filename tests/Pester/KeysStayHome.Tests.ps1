# Keys stay home and nothing is lost or invented (issue 10), as a user meets it in pwsh: the escape hatches and ids
# cannot leave the route, redirects are errors, a 2xx without the created id is an unknown outcome, keys that are not
# keys are refused at Connect, an echoed key is masked in every spelling and every view of the error, proxy passwords
# stay out of every message, long waits are visible, a failed row is its input row, and a fault storm with a stop in
# the middle reconciles: every row created on the server is written or reported, none twice.

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-CampaignPSModule
    $sandbox = Start-TestSandbox
    $workFolder = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('campaignps-keys-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $workFolder -Force

    # Every way a server may echo a key: as it is, %-encoded (both cases), JSON-escaped, '+' read as a space.
    function Get-KeySpelling {
        param([string] $Key)
        $Key
        [uri]::EscapeDataString($Key)
        -join ([System.Text.Encoding]::UTF8.GetBytes($Key) | ForEach-Object { '%{0:x2}' -f $_ })
        -join ($Key.ToCharArray() | ForEach-Object { '\u{0:x4}' -f [int] $_ })
        $Key.Replace('+', ' ')
    }

    function Get-ErrorViews {
        param($Record)
        $Record | Format-List -Property * -Force | Out-String -Width 400
        $Record.Exception | Format-List -Property * -Force | Out-String -Width 400
        [string] $Record.Exception.InnerException
        $Record | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue
        $clixml = Join-Path -Path $workFolder -ChildPath ('error-' + [guid]::NewGuid().ToString('N') + '.xml')
        $Record | Export-Clixml -LiteralPath $clixml -Depth 4
        Get-Content -LiteralPath $clixml -Raw
    }
}

AfterAll {
    Get-CampaignConnection | ForEach-Object { $_.Dispose() }
    Stop-TestSandbox -Sandbox $sandbox
    Remove-Item -LiteralPath $workFolder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The escape hatches and ids stay inside the API root' {
    BeforeEach {
        Reset-TestSandbox
        $null = Connect-TestLoops
        $null = Connect-TestSmartlead
        $foreign = New-ForeignHost
        # Connecting checks the keys: what the tests send is counted from here.
        $before = @(Get-SandboxRequests).Count
    }

    AfterEach {
        $foreign.Stop()
    }

    It 'refuses a -Path to another host, naming -Path, and sends nothing anywhere (<Command>)' -TestCases @(
        @{ Command = 'Invoke-LoopsRequest' }
        @{ Command = 'Invoke-SmartleadRequest' }
    ) {
        param($Command)
        $path = 'http://127.0.0.1:{0}/collect' -f $foreign.Port

        $result = & $Command -Path $path -ErrorAction SilentlyContinue -ErrorVariable failures

        $result | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike '*InvalidPath,*'
        $failures[0].Exception.Message | Should -BeLike '*Path points to*127.0.0.1*'
        $foreign.Pending() | Should -BeFalse
        @(Get-SandboxRequests).Count | Should -Be $before
    }

    It 'refuses ".." in a path and in an id before any request' {
        $null = Invoke-LoopsRequest -Path 'campaigns/../../_sandbox/requests' -ErrorAction SilentlyContinue -ErrorVariable pathErrors
        $null = Get-LoopsCampaign -CampaignId '..' -ErrorAction SilentlyContinue -ErrorVariable idErrors

        $pathErrors[0].FullyQualifiedErrorId | Should -BeLike 'LoopsInvalidPath,*'
        $idErrors[0].FullyQualifiedErrorId | Should -BeLike 'LoopsInvalidCampaignId,*'
        @(Get-SandboxRequests).Count | Should -Be $before
    }

    It 'reports a redirect as an error naming its host; nothing is created and the key does not travel' {
        Add-SandboxFault -PathPrefix '/smartlead/api/v1/campaigns/create' -Kind 'Redirect' -StatusCode 302 -Location ('http://127.0.0.1:{0}/x' -f $foreign.Port) -Times -1

        $campaign = New-SmartleadCampaign -Name 'Moved' -ErrorAction SilentlyContinue -ErrorVariable failures

        $campaign | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadRedirected,*'
        $failures[0].Exception.Message | Should -BeLike ('*127.0.0.1:{0}*nothing was created*' -f $foreign.Port)
        (Get-ErrorViews -Record $failures[0]) -join "`n" | Should -Not -Match ([regex]::Escape((Get-SandboxKey -Platform Smartlead)))
        $foreign.Pending() | Should -BeFalse
        @(Get-SmartleadCampaign).Count | Should -Be 0
    }
}

Describe 'A success must carry what a success carries' {
    BeforeEach {
        Reset-TestSandbox
        $null = Connect-TestLoops
        $null = Connect-TestSmartlead
    }

    It 'reports each row as LoopsOutcomeUnknown with the row as TargetObject when a 200 carries no campaign id' {
        Add-SandboxFault -PathPrefix '/loops/api/v1/campaigns' -Method 'POST' -Kind 'Body' -StatusCode 200 -Body '{"success":true}' -Times -1
        $csv = Join-Path -Path $workFolder -ChildPath 'portal.csv'
        @(
            [pscustomobject]@{ Name = 'One'; Owner = 'Kim'; Region = 'EMEA' }
            [pscustomobject]@{ Name = 'Two'; Owner = 'Lee'; Region = 'APAC' }
        ) | Export-Csv -LiteralPath $csv -NoTypeInformation

        $created = @(Import-Csv -LiteralPath $csv | New-LoopsCampaign -ErrorAction SilentlyContinue -ErrorVariable failures)

        $created.Count | Should -Be 0
        $failures.Count | Should -Be 2
        $failures | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'LoopsOutcomeUnknown,*' }
        # The input row itself, every column kept: ready for Export-Csv and a check before retrying.
        @($failures | ForEach-Object { $_.TargetObject.Owner }) -join ',' | Should -Be 'Kim,Lee'
        @($failures | ForEach-Object { $_.TargetObject.Region }) -join ',' | Should -Be 'EMEA,APAC'
    }

    It 'reports every lead as SmartleadOutcomeUnknown when the add-leads answer has no counts' {
        $campaign = New-SmartleadCampaign -Name 'No counts'
        Add-SandboxFault -PathPrefix ('/smartlead/api/v1/campaigns/{0}/leads' -f $campaign.Id) -Kind 'Body' -StatusCode 200 -Body '{"success":true}' -Times -1

        $summary = @(
            [pscustomobject]@{ email = 'a@acme.example' }
            [pscustomobject]@{ email = 'b@acme.example' }
        ) | Add-SmartleadLead -CampaignId $campaign.Id -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures.Count | Should -Be 2
        $failures | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'SmartleadOutcomeUnknown,*' }
        @($failures | ForEach-Object { $_.TargetObject.email }) -join ',' | Should -Be 'a@acme.example,b@acme.example'
        $summary.Inserted | Should -Be 0
        $summary.Failed | Should -Be 2
        $summary.Sent | Should -Be 2
    }
}

Describe 'Keys are checked at Connect and never shown' {
    BeforeEach {
        Reset-TestSandbox
    }

    AfterEach {
        Remove-Item -Path 'Env:LOOPS_API_KEY' -ErrorAction SilentlyContinue
    }

    It 'refuses a key with a line break as LoopsInvalidApiKey, naming -ApiKey, before any request' {
        $key = (Get-SandboxKey -Platform Loops) + "`r`nX-Injected: 1"

        { Connect-Loops -ApiKey (New-TestSecureString -Value $key) -BaseUri $sandbox.LoopsUri } |
            Should -Throw -ErrorId 'LoopsInvalidApiKey,CampaignPS.Cmdlets.Loops.ConnectLoopsCommand'
        $record = $Error[0]
        $record.ErrorDetails.Message | Should -BeLike '*from -ApiKey contains a line break*'
        (Get-ErrorViews -Record $record) -join "`n" | Should -Not -Match 'X-Injected|sandbox-loops-key'
        @(Get-SandboxRequests).Count | Should -Be 0
    }

    It 'names $env:LOOPS_API_KEY when that is where the bad key came from' {
        $env:LOOPS_API_KEY = 'sandbox-loops-key with space'

        { Connect-Loops -BaseUri $sandbox.LoopsUri } | Should -Throw -ErrorId 'LoopsInvalidApiKey,CampaignPS.Cmdlets.Loops.ConnectLoopsCommand'
        $Error[0].ErrorDetails.Message | Should -BeLike '*from $env:LOOPS_API_KEY contains white space*'
    }

    It 'masks a key the server echoes, in every spelling and every view of the error' {
        $null = Connect-TestSmartlead
        Add-SandboxFault -PathPrefix '/smartlead/api/v1/campaigns' -Kind 'EchoKey' -StatusCode 400 -Times -1

        $null = Get-SmartleadCampaign -ErrorAction SilentlyContinue -ErrorVariable failures -Verbose 4>&1 -Debug 5>&1 | Out-String

        $failures.Count | Should -Be 1
        $failures[0].Exception.Message | Should -BeLike '*Invalid API key*'
        $views = (Get-ErrorViews -Record $failures[0]) -join "`n"
        foreach ($spelling in Get-KeySpelling -Key (Get-SandboxKey -Platform Smartlead)) {
            $views.Contains($spelling, [System.StringComparison]::OrdinalIgnoreCase) | Should -BeFalse -Because "the key spelled '$spelling' must be masked"
        }
    }

    It 'keeps a proxy password written into -Proxy out of the connection, verbose lines and errors' {
        $closed = New-ForeignHost
        $port = $closed.Port
        $closed.Stop()
        $connection = Connect-Loops -ApiKey (New-TestSecureString) -BaseUri $sandbox.LoopsUri -Proxy ('http://proxyuser:Secret-Proxy-Pwd@127.0.0.1:{0}' -f $port) -SkipKeyCheck -PassThru

        $text = Get-LoopsMailingList -Connection $connection -ErrorAction SilentlyContinue -ErrorVariable failures -Verbose 4>&1 | Out-String
        $all = $text + ($failures | ForEach-Object { (Get-ErrorViews -Record $_) -join "`n" }) + ($connection | Format-List -Property * | Out-String)

        $failures.Count | Should -BeGreaterThan 0
        $all | Should -Not -Match 'Secret-Proxy-Pwd'
        [string] $connection.Proxy | Should -Be ('http://127.0.0.1:{0}/' -f $port)
    }
}

Describe 'Waits and failed rows are visible' {
    BeforeEach {
        Reset-TestSandbox
        $null = Connect-TestLoops
    }

    It 'shows a wait of several seconds as a warning, without -Verbose' {
        Add-SandboxFault -PathPrefix '/loops/api/v1/lists' -Kind 'RateLimited' -RetryAfterSeconds 6 -Times 1

        $lists = Get-LoopsMailingList -WarningVariable warnings -WarningAction SilentlyContinue

        @($lists).Count | Should -Be 2
        @($warnings | Where-Object { $_.Message -like 'Loops: waiting 6 s (Retry-After)*list mailing lists*' }).Count | Should -Be 1
    }

    It 'reports a row the server refuses with the row itself as TargetObject' {
        $rows = @(
            [pscustomobject]@{ Name = 'Fine'; Owner = 'Kim' }
            [pscustomobject]@{ Name = 'Refused'; Owner = 'Lee'; MailingListId = 'list_missing' }
        )

        $created = @($rows | New-LoopsCampaign -ErrorAction SilentlyContinue -ErrorVariable failures)

        $created.Count | Should -Be 1
        $failures.Count | Should -Be 1
        $failures[0].TargetObject.Owner | Should -Be 'Lee'
        $failures[0].TargetObject.Name | Should -Be 'Refused'
    }
}

Describe 'A fault storm, and a stop in the middle of a run' {
    BeforeEach {
        Reset-TestSandbox
    }

    It 'loses nothing and invents nothing under 503s, drops, garbled answers and 429s' {
        $null = Connect-TestLoops
        Add-SandboxFault -PathPrefix '/loops/api/v1/campaigns' -Method 'POST' -Kind 'DropConnection' -When 'AfterHandler' -Times 6
        Add-SandboxFault -PathPrefix '/loops/api/v1/campaigns' -Method 'POST' -Kind 'Status' -StatusCode 503 -Times 5
        Add-SandboxFault -PathPrefix '/loops/api/v1/campaigns' -Method 'POST' -Kind 'MalformedJson' -When 'AfterHandler' -Times 4
        Add-SandboxFault -PathPrefix '/loops/api/v1/campaigns' -Method 'POST' -Kind 'RateLimited' -RetryAfterSeconds 0.2 -Times 5
        $rows = foreach ($number in 1..60) { [pscustomobject]@{ Name = 'Storm {0:00}' -f $number } }

        $emitted = @($rows | New-LoopsCampaign -ThrottleLimit 6 -ErrorAction SilentlyContinue -ErrorVariable failures)

        $onServer = @(Get-LoopsCampaign -All | ForEach-Object { $_.Name })
        $unknown = @($failures | Where-Object { $_.FullyQualifiedErrorId -like 'LoopsOutcomeUnknown,*' } | ForEach-Object { $_.TargetObject.Name })
        $refused = @($failures | Where-Object { $_.FullyQualifiedErrorId -notlike 'LoopsOutcomeUnknown,*' } | ForEach-Object { $_.TargetObject.Name })
        # No duplicates: every row was created at most once.
        @($onServer | Sort-Object -Unique).Count | Should -Be $onServer.Count
        # Nothing invented: every object written is on the server.
        @($emitted.Name | Where-Object { $onServer -notcontains $_ }).Count | Should -Be 0
        # Nothing silent: every row created on the server was written or reported as unknown.
        @($onServer | Where-Object { $emitted.Name -notcontains $_ -and $unknown -notcontains $_ }).Count | Should -Be 0
        # Every row is accounted for exactly once.
        ($emitted.Count + $unknown.Count + $refused.Count) | Should -Be 60
        $unknown.Count | Should -BeGreaterOrEqual 10
    }

    It 'reports, after a stop, the rows whose requests were on the wire: none created silently, none twice' {
        Add-SandboxFault -PathPrefix '/loops/api/v1/campaigns' -Method 'POST' -Kind 'Delay' -DelaySeconds 1.2 -Times -1
        $manifest = Join-Path -Path (Get-RepositoryRoot) -ChildPath 'out/CampaignPS/CampaignPS.psd1'
        $runspace = [runspacefactory]::CreateRunspace()
        $runspace.Open()
        $ps = [powershell]::Create()
        $ps.Runspace = $runspace
        $null = $ps.AddScript({
                param($Manifest, $LoopsUri)
                Import-Module -Name $Manifest
                $key = ConvertTo-SecureString -String 'sandbox-loops-key' -AsPlainText -Force
                Connect-Loops -ApiKey $key -BaseUri $LoopsUri -RequestsPerSecond 0
                1..200 | ForEach-Object { [pscustomobject]@{ Name = 'Stopped {0:000}' -f $_; Row = $_ } } | New-LoopsCampaign -ThrottleLimit 8
            }).AddArgument($manifest).AddArgument($sandbox.LoopsUri)
        $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $async = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        while ($output.Count -lt 16 -and [DateTime]::UtcNow -lt $deadline) {
            Start-Sleep -Milliseconds 50
        }

        $stopwatch = [System.Diagnostics.Stopwatch]::StartNew()
        $ps.Stop()
        $stopTook = $stopwatch.Elapsed

        $emitted = @($output | ForEach-Object { $_.Name })
        $dollarError = @($runspace.SessionStateProxy.GetVariable('Error'))
        $afterStop = @($dollarError | Where-Object { $_.FullyQualifiedErrorId -like 'LoopsCompletedAfterStop*' } | ForEach-Object { $_.TargetObject.Name })
        $unknown = @($dollarError | Where-Object { $_.FullyQualifiedErrorId -like 'LoopsOutcomeUnknown*' } | ForEach-Object { $_.TargetObject.Name })
        $warnings = @($ps.Streams.Warning | ForEach-Object { $_.Message })
        $ps.Dispose()
        $runspace.Dispose()
        $null = Connect-TestLoops
        $onServer = @(Get-LoopsCampaign -All | ForEach-Object { $_.Name })

        $emitted.Count | Should -BeGreaterOrEqual 16
        $onServer.Count | Should -BeLessThan 200
        @($onServer | Sort-Object -Unique).Count | Should -Be $onServer.Count
        # Every campaign on the server was written before the stop, or reported after it (host line and $Error).
        @($onServer | Where-Object { $emitted -notcontains $_ -and $afterStop -notcontains $_ -and $unknown -notcontains $_ }) | Should -BeNullOrEmpty
        ($afterStop.Count + $unknown.Count) | Should -BeGreaterThan 0
        @($warnings | Where-Object { $_ -like 'Stopped:*' }).Count | Should -BeGreaterThan 0
        # Prompt: at most the grace for the requests on the wire.
        $stopTook.TotalSeconds | Should -BeLessThan 5
    }
}
