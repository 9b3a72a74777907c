# Connect-Smartlead and the Smartlead campaign cmdlets against the sandbox: create, read, delete,
# the full set-up pipeline from the issue, start / pause / stop, and input checks that must fail
# before anything is sent. Add-SmartleadLead in depth is in Smartlead.Lead.Tests.ps1.

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-CampaignPSModule
    $sandbox = Start-TestSandbox
    $key = Get-SandboxSmartleadKey
    $apiPath = '/smartlead/api/v1'

    $savedEnvironmentKey = $env:SMARTLEAD_API_KEY
    Remove-Item -Path 'Env:SMARTLEAD_API_KEY' -ErrorAction SilentlyContinue

    $null = Connect-TestSmartlead

    function Get-RequestCount {
        param(
            [string] $Method,
            [string] $PathPrefix
        )
        $found = @(Get-SandboxRequests -Method $Method -PathPrefix $PathPrefix)
        return $found.Count
    }

    function Get-CampaignRoute {
        param(
            [long] $CampaignId,
            [string] $Rest = ''
        )
        return ('{0}/campaigns/{1}{2}' -f $apiPath, $CampaignId, $Rest)
    }

    # A campaign that Smartlead lets start and the readiness check passes: one step, one email account that can send
    # (456; the seeded 458 is disconnected, so the check refuses a campaign whose only mailbox it is), one lead (unique
    # per call, so that two of them in one test are not duplicates of each other). No schedule or settings: warnings only.
    function New-ReadyCampaign {
        param(
            [string] $Name = 'Ready to start'
        )
        $lead = @{ email = ('ready-' + [guid]::NewGuid().ToString('N') + '@acme.example'); first_name = 'Ready' }
        New-SmartleadCampaign -Name $Name |
            Set-SmartleadSequence -Step @(@{ Subject = 'Hello'; Body = 'Hi {{first_name}}'; DelayDays = 0 }) -PassThru |
            Add-SmartleadEmailAccount -EmailAccountId 456 -PassThru |
            Add-SmartleadLead -Lead @($lead) -PassThru
    }
}

AfterAll {
    Disconnect-Smartlead -ErrorAction SilentlyContinue
    if ($null -ne $savedEnvironmentKey) {
        $env:SMARTLEAD_API_KEY = $savedEnvironmentKey
    }
    else {
        Remove-Item -Path 'Env:SMARTLEAD_API_KEY' -ErrorAction SilentlyContinue
    }
    Stop-TestSandbox -Sandbox $sandbox
}

Describe 'Connect-Smartlead' {
    BeforeEach {
        Disconnect-Smartlead
        Remove-Item -Path 'Env:SMARTLEAD_API_KEY' -ErrorAction SilentlyContinue
        Reset-TestSandbox
    }

    AfterEach {
        Remove-Item -Path 'Env:SMARTLEAD_API_KEY' -ErrorAction SilentlyContinue
    }

    AfterAll {
        # The other Describe blocks use the session default connection.
        Disconnect-Smartlead
        $null = Connect-TestSmartlead
    }

    It 'connects with -ApiKey, checks the key once with ?api_key= and returns the connection with -PassThru' {
        $connection = Connect-Smartlead -ApiKey (New-TestSecureString -Value $key) -BaseUri $sandbox.SmartleadUri -PassThru

        $connection.GetType().FullName | Should -Be 'CampaignPS.Connections.CampaignConnection'
        $connection.Platform.ToString() | Should -Be 'Smartlead'
        $connection.KeySource | Should -Be 'ApiKey'
        $connection.IsOpen | Should -BeTrue
        $connection.BaseUri.AbsoluteUri | Should -Be ($sandbox.SmartleadUri + '/')

        $checks = @(Get-SandboxRequests -Method 'GET' -PathPrefix ($apiPath + '/campaigns'))
        $checks.Count | Should -Be 1
        $checks[0].statusCode | Should -Be 200
        $checks[0].queryString | Should -BeLike '*api_key=*'
    }

    It 'writes nothing to the pipeline without -PassThru' {
        $output = Connect-Smartlead -ApiKey (New-TestSecureString -Value $key) -BaseUri $sandbox.SmartleadUri
        $output | Should -BeNullOrEmpty
    }

    It 'falls back to $env:SMARTLEAD_API_KEY when no key is given' {
        $env:SMARTLEAD_API_KEY = $key

        $connection = Connect-Smartlead -BaseUri $sandbox.SmartleadUri -RequestsPerSecond 0 -PassThru

        $connection.KeySource | Should -Be '$env:SMARTLEAD_API_KEY'
        $connection.IsOpen | Should -BeTrue
        @(Get-SmartleadCampaign).Count | Should -Be 0
    }

    It 'prefers -ApiKey over $env:SMARTLEAD_API_KEY' {
        $env:SMARTLEAD_API_KEY = 'not-the-sandbox-key'

        $connection = Connect-Smartlead -ApiKey (New-TestSecureString -Value $key) -BaseUri $sandbox.SmartleadUri -PassThru

        $connection.KeySource | Should -Be 'ApiKey'
    }

    It 'stops with the terminating error SmartleadUnauthorized when the key is wrong' {
        { Connect-Smartlead -ApiKey (New-TestSecureString -Value 'not-the-sandbox-key') -BaseUri $sandbox.SmartleadUri } |
            Should -Throw -ErrorId 'SmartleadUnauthorized*'
    }

    It 'reports a wrong key as PermissionDenied without showing the key, and keeps no connection' {
        $wrongKey = 'wrong-smartlead-key-0123'
        $caught = $null
        try {
            Connect-Smartlead -ApiKey (New-TestSecureString -Value $wrongKey) -BaseUri $sandbox.SmartleadUri -ErrorAction Stop
        }
        catch {
            $caught = $_
        }

        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike 'SmartleadUnauthorized*'
        $caught.CategoryInfo.Category.ToString() | Should -Be 'PermissionDenied'
        ($caught | Get-StreamText) | Should -Not -BeLike "*$wrongKey*"
        { Get-SmartleadCampaign } | Should -Throw -ErrorId 'SmartleadNotConnected*'
    }

    It 'stops with SmartleadApiKeyMissing when there is no -ApiKey, -Credential or $env:SMARTLEAD_API_KEY' {
        { Connect-Smartlead -BaseUri $sandbox.SmartleadUri } | Should -Throw -ErrorId 'SmartleadApiKeyMissing*'
        @(Get-SandboxRequests).Count | Should -Be 0
    }

    It 'never writes the key to the verbose or debug stream, although it rides in the query string' {
        $records = & {
            $DebugPreference = 'Continue'
            Connect-Smartlead -ApiKey (New-TestSecureString -Value $key) -BaseUri $sandbox.SmartleadUri -PassThru -Verbose
        } 4>&1 5>&1

        $verbose = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $verbose.Count | Should -BeGreaterThan 0
        $text = $records | Get-StreamText
        $text | Should -Not -BeLike "*$key*"
        $text | Should -Match 'api_key=\*\*\*'
    }

    It 'never writes the key to the verbose stream of a cmdlet that calls the API' {
        $null = Connect-TestSmartlead

        $records = New-SmartleadCampaign -Name 'Verbose check' -Verbose 4>&1

        @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 0
        $text = $records | Get-StreamText
        $text | Should -Not -BeLike "*$key*"
        $text | Should -Match 'api_key=\*\*\*'
    }

    It 'stops the Smartlead cmdlets with SmartleadNotConnected after Disconnect-Smartlead' {
        $connection = Connect-TestSmartlead

        Disconnect-Smartlead

        $connection.IsOpen | Should -BeFalse
        { Get-SmartleadCampaign } | Should -Throw -ErrorId 'SmartleadNotConnected*'
        { New-SmartleadCampaign -Name 'After disconnect' } | Should -Throw -ErrorId 'SmartleadNotConnected*'
    }
}

Describe 'New-SmartleadCampaign' {
    BeforeEach {
        Reset-TestSandbox
    }

    It 'creates a DRAFTED campaign with a name and a client' {
        $campaign = New-SmartleadCampaign -Name 'Q1 CFO outreach' -ClientId 42

        $campaign.GetType().FullName | Should -Be 'CampaignPS.Engine.Smartlead.SmartleadCampaign'
        $campaign.Id | Should -BeGreaterThan 0
        $campaign.Name | Should -Be 'Q1 CFO outreach'
        $campaign.Status | Should -Be 'DRAFTED'
        $campaign.ClientId | Should -Be 42

        $creates = @(Get-SandboxRequests -Method 'POST' -PathPrefix ($apiPath + '/campaigns/create'))
        $creates.Count | Should -Be 1
        $body = $creates[0].body | ConvertFrom-Json
        $body.name | Should -Be 'Q1 CFO outreach'
        $body.client_id | Should -Be 42

        $stored = Get-SmartleadSandboxCampaign -Id $campaign.Id
        $stored.name | Should -Be 'Q1 CFO outreach'
        $stored.status | Should -Be 'DRAFTED'
        $stored.clientId | Should -Be 42
    }

    It 'takes the name by position' {
        $campaign = New-SmartleadCampaign 'Positional name'
        $campaign.Name | Should -Be 'Positional name'
    }

    It 'leaves the name out without -Name, and Smartlead calls the campaign Untitled Campaign' {
        $campaign = New-SmartleadCampaign

        $campaign.Name | Should -Be 'Untitled Campaign'
        $campaign.Status | Should -Be 'DRAFTED'
        (Get-SmartleadSandboxCampaign -Id $campaign.Id).name | Should -Be 'Untitled Campaign'

        $creates = @(Get-SandboxRequests -Method 'POST' -PathPrefix ($apiPath + '/campaigns/create'))
        $creates.Count | Should -Be 1
        $sentFields = @(($creates[0].body | ConvertFrom-Json).PSObject.Properties | ForEach-Object { $_.Name })
        ($sentFields -contains 'name') | Should -BeFalse
    }

    It 'reports a blank name as SmartleadInvalidName without calling the API' {
        $result = New-SmartleadCampaign -Name '   ' -ErrorAction SilentlyContinue -ErrorVariable failures

        $result | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidName*'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'InvalidArgument'
        Get-RequestCount -Method 'POST' -PathPrefix ($apiPath + '/campaigns/create') | Should -Be 0
    }

    It 'creates nothing with -WhatIf' {
        $result = New-SmartleadCampaign -Name 'Only a rehearsal' -WhatIf

        $result | Should -BeNullOrEmpty
        @(Get-SandboxRequests).Count | Should -Be 0
    }
}

Describe 'Get-SmartleadCampaign' {
    BeforeEach {
        Reset-TestSandbox
        $made = @(
            New-SmartleadCampaign -Name 'Q1 CFO outreach' -ClientId 42
            New-SmartleadCampaign -Name 'Q1 CTO outreach'
            New-SmartleadCampaign -Name 'Q2 newsletter'
        )
    }

    It 'reads one campaign by id' {
        $campaign = Get-SmartleadCampaign -CampaignId $made[0].Id

        $campaign.GetType().FullName | Should -Be 'CampaignPS.Engine.Smartlead.SmartleadCampaign'
        $campaign.Id | Should -Be $made[0].Id
        $campaign.Name | Should -Be 'Q1 CFO outreach'
        $campaign.Status | Should -Be 'DRAFTED'
        $campaign.ClientId | Should -Be 42
        Get-RequestCount -Method 'GET' -PathPrefix (Get-CampaignRoute -CampaignId $made[0].Id) | Should -Be 1
    }

    It 'lists every campaign, newest first' {
        $all = @(Get-SmartleadCampaign)

        $all.Count | Should -Be 3
        $all[0].Name | Should -Be 'Q2 newsletter'
        $all[2].Name | Should -Be 'Q1 CFO outreach'
    }

    It 'filters the list by -Name with wildcards, ignoring case' {
        $q1 = @(Get-SmartleadCampaign -Name 'Q1*')
        $q1.Count | Should -Be 2
        @($q1 | Where-Object { $_.Name -notlike 'Q1*' }).Count | Should -Be 0

        $cfo = @(Get-SmartleadCampaign -Name '*cfo*')
        $cfo.Count | Should -Be 1
        $cfo[0].Id | Should -Be $made[0].Id

        @(Get-SmartleadCampaign -Name 'Nothing like this*').Count | Should -Be 0
    }

    It 'filters the list by -ClientId' {
        $forClient = @(Get-SmartleadCampaign -ClientId 42)

        $forClient.Count | Should -Be 1
        $forClient[0].Name | Should -Be 'Q1 CFO outreach'
    }

    It 'reads the campaigns piped in (Id binds to -CampaignId)' {
        $one = $made[1] | Get-SmartleadCampaign
        $one.Name | Should -Be 'Q1 CTO outreach'

        $again = @($made | Get-SmartleadCampaign)
        $again.Count | Should -Be 3
        ($again | ForEach-Object { $_.Name }) -join '|' | Should -Be 'Q1 CFO outreach|Q1 CTO outreach|Q2 newsletter'
    }

    It 'reports SmartleadCampaignNotFound for an unknown id and goes on' {
        $found = @(Get-SmartleadCampaign -CampaignId 999999 -ErrorAction SilentlyContinue -ErrorVariable failures)

        $found.Count | Should -Be 0
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadCampaignNotFound*'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 999999
    }
}

Describe 'Remove-SmartleadCampaign' {
    BeforeEach {
        Reset-TestSandbox
        $campaign = New-SmartleadCampaign -Name 'To delete'
    }

    It 'deletes with -Force, without a prompt' {
        $output = Remove-SmartleadCampaign -CampaignId $campaign.Id -Force

        $output | Should -BeNullOrEmpty
        Get-RequestCount -Method 'DELETE' -PathPrefix (Get-CampaignRoute -CampaignId $campaign.Id) | Should -Be 1
        { Get-SmartleadSandboxCampaign -Id $campaign.Id } | Should -Throw
        Get-SmartleadCampaign -CampaignId $campaign.Id -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadCampaignNotFound*'
    }

    It 'deletes without -Force when -Confirm:$false answers the prompt' {
        Remove-SmartleadCampaign -CampaignId $campaign.Id -Confirm:$false

        { Get-SmartleadSandboxCampaign -Id $campaign.Id } | Should -Throw
        @(Get-SmartleadCampaign).Count | Should -Be 0
    }

    It 'deletes the campaign piped in' {
        $campaign | Remove-SmartleadCampaign -Force

        { Get-SmartleadSandboxCampaign -Id $campaign.Id } | Should -Throw
    }

    It 'sends nothing with -WhatIf, with or without -Force' {
        $before = @(Get-SandboxRequests).Count

        Remove-SmartleadCampaign -CampaignId $campaign.Id -WhatIf
        $campaign | Remove-SmartleadCampaign -Force -WhatIf

        @(Get-SandboxRequests).Count | Should -Be $before
        (Get-SmartleadSandboxCampaign -Id $campaign.Id).name | Should -Be 'To delete'
    }

    It 'reports SmartleadCampaignNotFound for an unknown id' {
        Remove-SmartleadCampaign -CampaignId 999999 -Force -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadCampaignNotFound*'
        $failures[0].TargetObject | Should -Be 999999
    }
}

Describe 'The set-up pipeline from the issue' {
    BeforeEach {
        Reset-TestSandbox
    }

    It 'creates, configures, fills and starts a campaign in one pipeline' {
        # The issue's pipeline, plus Add-SmartleadLead: Smartlead does not start a campaign without leads.
        # (Day names are quoted only for ../shared/tools/ps-syntax, whose grammar rejects bareword lists;
        # PowerShell binds -Day Monday, Tuesday exactly the same way.)
        $leads = @(
            @{ email = 'ann.cfo@acme.example'; first_name = 'Ann'; company_name = 'Acme' }
            [pscustomobject]@{ Email = 'bo.cfo@globex.example'; FirstName = 'Bo'; Title = 'CFO' }
            [pscustomobject]@{ Email = 'cy.cfo@initech.example'; FirstName = 'Cy'; Title = 'VP Finance' }
        )

        $result = New-SmartleadCampaign -Name 'Q1 CFO outreach' -ClientId 42 |
            Set-SmartleadSequence -Step @(
                @{ Subject = 'Quick question'; Body = 'Hi {{first_name}}, a quick question about your close process.'; DelayDays = 0 }
                @{ Subject = 'Re: Quick question'; Body = 'Following up on my note from Monday.'; DelayDays = 3 }) -PassThru |
            Add-SmartleadEmailAccount -EmailAccountId 456, 457 -PassThru |
            Set-SmartleadSchedule -TimeZone 'America/New_York' -Day 'Monday', 'Tuesday', 'Wednesday', 'Thursday' -StartHour 9 -EndHour 17 -PassThru |
            Set-SmartleadSetting -StopLeadOn Reply -TrackOpen:$false -PassThru |
            Add-SmartleadLead -Lead $leads -PassThru |
            Start-SmartleadCampaign -Force -PassThru

        # One campaign comes out at the end, started, carrying what the pipeline set.
        @($result).Count | Should -Be 1
        $result.GetType().FullName | Should -Be 'CampaignPS.Engine.Smartlead.SmartleadCampaign'
        $result.Name | Should -Be 'Q1 CFO outreach'
        $result.Status | Should -Be 'ACTIVE'
        $result.ClientId | Should -Be 42
        # Read back from Smartlead: its campaign carries no steps or accounts, so the output claims none.
        $result.PSObject.Properties.Name | Should -Not -Contain 'SequenceStepCount'
        $result.PSObject.Properties.Name | Should -Not -Contain 'EmailAccountIds'
        $result.TimeZone | Should -Be 'America/New_York'
        (@($result.Days | ForEach-Object { $_.ToString() }) -join ',') | Should -Be 'Monday,Tuesday,Wednesday,Thursday'
        $result.StartHour | Should -Be '09:00'
        $result.EndHour | Should -Be '17:00'
        $result.StopLeadSettings | Should -Be 'REPLY_TO_AN_EMAIL'
        (@($result.TrackSettings) -join ',') | Should -Be 'DONT_EMAIL_OPEN'

        # Every step landed in the sandbox.
        $stored = Get-SmartleadSandboxCampaign -Id $result.Id
        $stored.name | Should -Be 'Q1 CFO outreach'
        $stored.clientId | Should -Be 42
        $stored.status | Should -Be 'ACTIVE'

        $sequences = @($stored.sequences)
        $sequences.Count | Should -Be 2
        $sequences[0].seqNumber | Should -Be 1
        $sequences[0].subject | Should -Be 'Quick question'
        $sequences[0].emailBody | Should -BeLike 'Hi {{first_name}}*'
        $sequences[0].delayInDays | Should -Be 0
        $sequences[1].seqNumber | Should -Be 2
        $sequences[1].subject | Should -Be 'Re: Quick question'
        $sequences[1].delayInDays | Should -Be 3

        (@($stored.emailAccountIds) -join ',') | Should -Be '456,457'

        $stored.schedule | Should -Not -BeNullOrEmpty
        $stored.schedule.timezone | Should -Be 'America/New_York'
        (@($stored.schedule.days) -join ',') | Should -Be '1,2,3,4'
        $stored.schedule.startHour | Should -Be '09:00'
        $stored.schedule.endHour | Should -Be '17:00'

        (@($stored.settings.trackSettings) -join ',') | Should -Be 'DONT_EMAIL_OPEN'
        $stored.settings.stopLeadSettings | Should -Be 'REPLY_TO_AN_EMAIL'

        $stored.leadCount | Should -Be 3
        $stored.leadPostCount | Should -Be 1

        # Start used the API reference's POST .../status with START, once.
        $starts = @(Get-SandboxRequests -Method 'POST' -PathPrefix (Get-CampaignRoute -CampaignId $result.Id -Rest '/status'))
        $starts.Count | Should -Be 1
        ($starts[0].body | ConvertFrom-Json).status | Should -Be 'START'
    }
}

Describe 'Start-, Suspend- and Stop-SmartleadCampaign' {
    BeforeEach {
        Reset-TestSandbox
    }

    It 'pauses a running campaign with Suspend-SmartleadCampaign, and Start-SmartleadCampaign resumes it' {
        $campaign = New-ReadyCampaign | Start-SmartleadCampaign -Force -PassThru
        $campaign.Status | Should -Be 'ACTIVE'

        $paused = $campaign | Suspend-SmartleadCampaign -PassThru

        $paused.Id | Should -Be $campaign.Id
        $paused.Status | Should -Be 'PAUSED'
        (Get-SmartleadSandboxCampaign -Id $campaign.Id).status | Should -Be 'PAUSED'
        $pauses = @(Get-SandboxRequests -Method 'POST' -PathPrefix (Get-CampaignRoute -CampaignId $campaign.Id -Rest '/status'))
        ($pauses[-1].body | ConvertFrom-Json).status | Should -Be 'PAUSED'

        $resumed = $paused | Start-SmartleadCampaign -Force -PassThru

        $resumed.Status | Should -Be 'ACTIVE'
        (Get-SmartleadSandboxCampaign -Id $campaign.Id).status | Should -Be 'ACTIVE'
    }

    It 'writes nothing without -PassThru' {
        $campaign = New-ReadyCampaign

        $output = Start-SmartleadCampaign -CampaignId $campaign.Id -Force

        $output | Should -BeNullOrEmpty
        (Get-SmartleadSandboxCampaign -Id $campaign.Id).status | Should -Be 'ACTIVE'
    }

    It 'starts with -Confirm:$false instead of -Force' {
        $campaign = New-ReadyCampaign

        $started = Start-SmartleadCampaign -CampaignId $campaign.Id -Confirm:$false -PassThru

        $started.Status | Should -Be 'ACTIVE'
    }

    It 'stops a campaign for good: Start-SmartleadCampaign afterwards is SmartleadCampaignStopped' {
        $campaign = New-ReadyCampaign

        $stopped = Stop-SmartleadCampaign -CampaignId $campaign.Id -Force -PassThru

        $stopped.Status | Should -Be 'STOPPED'
        (Get-SmartleadSandboxCampaign -Id $campaign.Id).status | Should -Be 'STOPPED'

        $result = Start-SmartleadCampaign -CampaignId $campaign.Id -Force -PassThru -ErrorAction SilentlyContinue -ErrorVariable failures

        $result | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadCampaignStopped*'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'InvalidOperation'
        $failures[0].TargetObject | Should -Be $campaign.Id
        (Get-SmartleadSandboxCampaign -Id $campaign.Id).status | Should -Be 'STOPPED'
    }

    It 'stops with -Confirm:$false instead of -Force' {
        $campaign = New-SmartleadCampaign -Name 'Stop me'

        Stop-SmartleadCampaign -CampaignId $campaign.Id -Confirm:$false

        (Get-SmartleadSandboxCampaign -Id $campaign.Id).status | Should -Be 'STOPPED'
    }

    It 'reports SmartleadCampaignNotReady when the campaign has no sequence, account or leads' {
        $campaign = New-SmartleadCampaign -Name 'Not ready'

        Start-SmartleadCampaign -CampaignId $campaign.Id -Force -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadCampaignNotReady*'
        $failures[0].Exception.Message | Should -BeLike '*Set-SmartleadSequence*'
        (Get-SmartleadSandboxCampaign -Id $campaign.Id).status | Should -Be 'DRAFTED'
    }

    It 'sends nothing with -WhatIf (Start with or without -Force, Stop, Suspend)' {
        $campaign = New-ReadyCampaign
        $before = @(Get-SandboxRequests).Count

        $output = @(
            Start-SmartleadCampaign -CampaignId $campaign.Id -WhatIf -PassThru 3>$null
            Start-SmartleadCampaign -CampaignId $campaign.Id -Force -WhatIf -PassThru
            $campaign | Stop-SmartleadCampaign -WhatIf -PassThru
            $campaign | Stop-SmartleadCampaign -Force -WhatIf -PassThru
            $campaign | Suspend-SmartleadCampaign -WhatIf -PassThru
        )

        $output.Count | Should -Be 0
        # Start without -Force runs the readiness check under -WhatIf too: reads only (Readiness.Tests.ps1).
        @(Get-SandboxRequests | Select-Object -Skip $before | Where-Object method -ne 'GET').Count | Should -Be 0
        (Get-SmartleadSandboxCampaign -Id $campaign.Id).status | Should -Be 'DRAFTED'
    }

    It 'reports SmartleadCampaignNotFound for an unknown id' {
        Suspend-SmartleadCampaign -CampaignId 999999 -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadCampaignNotFound*'
    }
}

Describe 'Set-SmartleadSequence' {
    BeforeEach {
        Reset-TestSandbox
        $campaign = New-SmartleadCampaign -Name 'Sequence checks'
        $sequenceRoute = Get-CampaignRoute -CampaignId $campaign.Id -Rest '/sequences'
    }

    It 'numbers the steps in order and writes nothing without -PassThru' {
        $output = Set-SmartleadSequence -CampaignId $campaign.Id -Step @(
            @{ Subject = 'First'; Body = 'One'; DelayDays = 0 }
            @{ Subject = ''; Body = 'Two, in the same thread'; DelayDays = 2 }
            @{ Body = 'Three'; DelayDays = 5 })

        $output | Should -BeNullOrEmpty
        $sequences = @((Get-SmartleadSandboxCampaign -Id $campaign.Id).sequences)
        $sequences.Count | Should -Be 3
        ($sequences | ForEach-Object { $_.seqNumber }) -join ',' | Should -Be '1,2,3'
        ($sequences | ForEach-Object { $_.delayInDays }) -join ',' | Should -Be '0,2,5'
        $sequences[1].subject | Should -Be ''
    }

    It 'refuses a first step without a subject as SmartleadInvalidStep, before sending anything' {
        $result = Set-SmartleadSequence -CampaignId $campaign.Id -Step @(
            @{ Body = 'No subject here'; DelayDays = 0 }
            @{ Subject = 'Second'; Body = 'Fine'; DelayDays = 1 }) -PassThru -ErrorAction SilentlyContinue -ErrorVariable failures

        $result | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidStep*'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'InvalidArgument'
        $failures[0].Exception.Message | Should -BeLike '*Step 1*Subject*'
        Get-RequestCount -Method 'POST' -PathPrefix $sequenceRoute | Should -Be 0
    }

    It 'refuses an unknown key, a missing body and a delay over 365 days, before sending anything' {
        Set-SmartleadSequence -CampaignId $campaign.Id -Step @(@{ Subject = 'Hi'; Text = 'Wrong key'; DelayDays = 0 }) -ErrorAction SilentlyContinue -ErrorVariable unknownKey
        Set-SmartleadSequence -CampaignId $campaign.Id -Step @(@{ Subject = 'Hi'; DelayDays = 0 }) -ErrorAction SilentlyContinue -ErrorVariable noBody
        Set-SmartleadSequence -CampaignId $campaign.Id -Step @(@{ Subject = 'Hi'; Body = 'Later'; DelayDays = 400 }) -ErrorAction SilentlyContinue -ErrorVariable tooLate

        $unknownKey.Count | Should -Be 1
        $unknownKey[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidStep*'
        $unknownKey[0].Exception.Message | Should -BeLike "*'Text'*"
        $noBody.Count | Should -Be 1
        $noBody[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidStep*'
        $tooLate.Count | Should -Be 1
        $tooLate[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidStep*'
        $tooLate[0].Exception.Message | Should -BeLike '*365*'
        Get-RequestCount -Method 'POST' -PathPrefix $sequenceRoute | Should -Be 0
        @((Get-SmartleadSandboxCampaign -Id $campaign.Id).sequences).Count | Should -Be 0
    }

    It 'reports SmartleadCampaignActive when Smartlead refuses to change a running campaign' {
        # Started outside this connection (as in the Smartlead app), so only the server knows it is ACTIVE.
        Set-SmartleadCampaignStatus -CampaignId $campaign.Id -Status 'ACTIVE'

        Set-SmartleadSequence -CampaignId $campaign.Id -Step @(@{ Subject = 'Late change'; Body = 'Too late'; DelayDays = 0 }) -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadCampaignActive*'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'InvalidOperation'
        $failures[0].Exception.Message | Should -BeLike '*Suspend-SmartleadCampaign*'
        Get-RequestCount -Method 'POST' -PathPrefix $sequenceRoute | Should -Be 1
        @((Get-SmartleadSandboxCampaign -Id $campaign.Id).sequences).Count | Should -Be 0
    }

    It 'sends the sequence of a campaign this connection started and someone paused elsewhere (state comes from the server)' {
        $running = New-ReadyCampaign | Start-SmartleadCampaign -Force -PassThru
        $route = Get-CampaignRoute -CampaignId $running.Id -Rest '/sequences'
        $before = Get-RequestCount -Method 'POST' -PathPrefix $route
        Set-SmartleadCampaignStatus -CampaignId $running.Id -Status 'PAUSED'

        $result = Set-SmartleadSequence -CampaignId $running.Id -Step @(@{ Subject = 'After the pause'; Body = 'New text'; DelayDays = 0 }) -PassThru -ErrorVariable failures

        $failures.Count | Should -Be 0
        Get-RequestCount -Method 'POST' -PathPrefix $route | Should -Be ($before + 1)
        @((Get-SmartleadSandboxCampaign -Id $running.Id).sequences)[0].subject | Should -Be 'After the pause'
        $result.Status | Should -Be 'PAUSED'
    }

    It 'writes the same campaign from Get-SmartleadCampaign whatever this session did to it before' {
        $configured = New-ReadyCampaign -Name 'Same object'
        $here = Get-SmartleadCampaign -CampaignId $configured.Id | ConvertTo-Json -Depth 3
        $elsewhere = Connect-TestSmartlead

        $there = Get-SmartleadCampaign -CampaignId $configured.Id -Connection $elsewhere | ConvertTo-Json -Depth 3

        $there | Should -Be $here
    }

    It 'sends nothing with -WhatIf' {
        Set-SmartleadSequence -CampaignId $campaign.Id -Step @(@{ Subject = 'Rehearsal'; Body = 'Only a rehearsal'; DelayDays = 0 }) -WhatIf

        Get-RequestCount -Method 'POST' -PathPrefix $sequenceRoute | Should -Be 0
    }
}

Describe 'Set-SmartleadSchedule' {
    BeforeEach {
        Reset-TestSandbox
        $campaign = New-SmartleadCampaign -Name 'Schedule checks'
        $scheduleRoute = Get-CampaignRoute -CampaignId $campaign.Id -Rest '/schedule'
    }

    It 'sends the flat body of the API reference: days as numbers, hours as HH:mm' {
        Set-SmartleadSchedule -CampaignId $campaign.Id -TimeZone 'Europe/Berlin' -Day 'Friday', 'Monday' -StartHour 8 -EndHour 16 -MinTimeBetweenEmails 12

        $posts = @(Get-SandboxRequests -Method 'POST' -PathPrefix $scheduleRoute)
        $posts.Count | Should -Be 1
        $body = $posts[0].body | ConvertFrom-Json
        $body.timezone | Should -Be 'Europe/Berlin'
        (@($body.days) -join ',') | Should -Be '1,5'
        $body.startHour | Should -Be '08:00'
        $body.endHour | Should -Be '16:00'
        $body.min_time_btw_emails | Should -Be 12

        $stored = (Get-SmartleadSandboxCampaign -Id $campaign.Id).schedule
        $stored.timezone | Should -Be 'Europe/Berlin'
        $stored.minTimeBetweenEmails | Should -Be 12
    }

    It 'refuses a Windows time zone name as SmartleadInvalidTimeZone, before sending anything' {
        $result = Set-SmartleadSchedule -CampaignId $campaign.Id -TimeZone 'Eastern Standard Time' -Day 'Monday' -StartHour 9 -EndHour 17 -PassThru -ErrorAction SilentlyContinue -ErrorVariable failures

        $result | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidTimeZone*'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'InvalidArgument'
        $failures[0].Exception.Message | Should -BeLike '*America/New_York*'
        $failures[0].TargetObject | Should -Be $campaign.Id
        Get-RequestCount -Method 'POST' -PathPrefix $scheduleRoute | Should -Be 0
        (Get-SmartleadSandboxCampaign -Id $campaign.Id).schedule | Should -BeNullOrEmpty
    }

    It 'refuses an end hour that is not after the start hour as SmartleadInvalidEndHour' {
        Set-SmartleadSchedule -CampaignId $campaign.Id -TimeZone 'America/New_York' -Day 'Monday' -StartHour 17 -EndHour 9 -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidEndHour*'
        Get-RequestCount -Method 'POST' -PathPrefix $scheduleRoute | Should -Be 0
    }

    It 'sends nothing with -WhatIf' {
        Set-SmartleadSchedule -CampaignId $campaign.Id -TimeZone 'America/New_York' -Day 'Monday' -StartHour 9 -EndHour 17 -WhatIf

        Get-RequestCount -Method 'POST' -PathPrefix $scheduleRoute | Should -Be 0
    }
}

Describe 'Set-SmartleadSetting' {
    BeforeEach {
        Reset-TestSandbox
        $campaign = New-SmartleadCampaign -Name 'Setting checks'
        $settingsRoute = Get-CampaignRoute -CampaignId $campaign.Id -Rest '/settings'
    }

    It 'sends only the settings given, in the API reference vocabulary' {
        Set-SmartleadSetting -CampaignId $campaign.Id -TrackClick:$false -StopLeadOn Click -FollowUpPercentage 40

        $posts = @(Get-SandboxRequests -Method 'POST' -PathPrefix $settingsRoute)
        $posts.Count | Should -Be 1
        $body = $posts[0].body | ConvertFrom-Json
        (@($body.track_settings) -join ',') | Should -Be 'DONT_LINK_CLICK'
        $body.stop_lead_settings | Should -Be 'CLICKED_LINK'
        $body.follow_up_percentage | Should -Be 40
        $sentFields = @($body.PSObject.Properties | ForEach-Object { $_.Name })
        ($sentFields -contains 'send_as_plain_text') | Should -BeFalse
        ($sentFields -contains 'unsubscribe_text') | Should -BeFalse
    }

    It 'sends nothing with -WhatIf' {
        Set-SmartleadSetting -CampaignId $campaign.Id -TrackOpen:$false -StopLeadOn Reply -WhatIf

        @(Get-SandboxRequests -Method 'POST' -PathPrefix $settingsRoute).Count | Should -Be 0
    }

    It 'has no -ClientId: the reference''s CampaignSettings has no client_id, and -PassThru shows what the server stored' {
        (Get-Command -Name 'Set-SmartleadSetting').Parameters.Keys | Should -Not -Contain 'ClientId'

        $result = Set-SmartleadSetting -CampaignId $campaign.Id -MaxLeadsPerDay 50 -PassThru

        $result.MaxLeadsPerDay | Should -Be 50
        $result.ClientId | Should -Be (Get-SmartleadSandboxCampaign -Id $campaign.Id).clientId
        @(Get-SandboxRequests -Method 'POST' -PathPrefix $settingsRoute)[0].body | Should -Not -BeLike '*client_id*'
    }

    It 'sends the docs vocabulary with -Vocabulary Docs' {
        Set-SmartleadSetting -CampaignId $campaign.Id -TrackOpen:$false -StopLeadOn Open -Vocabulary Docs

        $stored = (Get-SmartleadSandboxCampaign -Id $campaign.Id).settings
        (@($stored.trackSettings) -join ',') | Should -Be 'DONT_TRACK_EMAIL_OPEN'
        $stored.stopLeadSettings | Should -Be 'OPEN_AN_EMAIL'
    }

    It 'refuses a call that changes nothing as SmartleadInvalidChanges, before sending anything' {
        Set-SmartleadSetting -CampaignId $campaign.Id -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidChanges*'
        Get-RequestCount -Method 'POST' -PathPrefix $settingsRoute | Should -Be 0
    }
}

Describe 'Add-SmartleadEmailAccount' {
    BeforeEach {
        Reset-TestSandbox
        $campaign = New-SmartleadCampaign -Name 'Account checks'
    }

    It 'reports SmartleadEmailAccountNotFound for an unknown account id' {
        Add-SmartleadEmailAccount -CampaignId $campaign.Id -EmailAccountId 999 -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadEmailAccountNotFound*'
        @((Get-SmartleadSandboxCampaign -Id $campaign.Id).emailAccountIds).Count | Should -Be 0
    }

    It 'sends nothing with -WhatIf' {
        Add-SmartleadEmailAccount -CampaignId $campaign.Id -EmailAccountId 456 -WhatIf

        Get-RequestCount -Method 'POST' -PathPrefix (Get-CampaignRoute -CampaignId $campaign.Id -Rest '/email-accounts') | Should -Be 0
    }
}
