# Reading back what a Smartlead campaign was given, and the mailboxes' health, against the sandbox: Get-SmartleadSequence
# (get -> change -> set round-trips, A/B variants checked before sending), Get-SmartleadEmailAccount in both documented
# shapes (no mailbox password ever reaches an object), Remove-SmartleadEmailAccount, Set-SmartleadWarmup,
# Get-SmartleadWarmupStatistic, Suspend- and Resume-SmartleadEmailAccount: success, errors, bad input and -WhatIf.

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-CampaignPSModule
    $sandbox = Start-TestSandbox
    $null = Connect-TestSmartlead
    $apiPath = '/smartlead/api/v1'
    $accountType = 'CampaignPS.Engine.Smartlead.SmartleadEmailAccount'

    function New-AbSteps {
        return @(
            @{ Subject = 'Quick question'; Body = 'Hi {{first_name}}'; DelayDays = 0; Variants = @(
                    @{ Label = 'A'; Subject = 'Quick question'; Body = 'Hi {{first_name}}'; Distribution = 60 }
                    @{ Label = 'B'; Subject = 'Who runs outreach?'; Body = 'Hello {{first_name}}'; Distribution = 40 }) }
            @{ Subject = ''; Body = 'Following up'; DelayDays = 3 }
        )
    }
}

AfterAll {
    Disconnect-Smartlead -ErrorAction SilentlyContinue
    Stop-TestSandbox -Sandbox $sandbox
}

Describe 'Get-SmartleadSequence and A/B variants in Set-SmartleadSequence' {
    BeforeEach {
        Reset-TestSandbox
        $campaign = New-SmartleadCampaign -Name 'A/B'
        $campaign | Set-SmartleadSequence -Step (New-AbSteps)
    }

    It 'reads the steps with their variants as the objects Set-SmartleadSequence takes' {
        $steps = @($campaign | Get-SmartleadSequence)

        $steps.Count | Should -Be 2
        $steps[0].GetType().FullName | Should -Be 'CampaignPS.Engine.Smartlead.SmartleadSequenceStep'
        $steps[0].CampaignId | Should -Be $campaign.Id
        $steps[0].Variants.Label | Should -Be @('A', 'B')
        $steps[0].Variants.Distribution | Should -Be @(60, 40)
        $steps[1].DelayDays | Should -Be 3
        $body = @(Get-SandboxRequests -Method 'POST' -PathPrefix "$apiPath/campaigns/$($campaign.Id)/sequences")[0].body | ConvertFrom-Json
        $body.sequences[0].seq_variants[1].variant_id | Should -Be 'B'
        $body.sequences[0].seq_variants[1].distribution | Should -Be 40
    }

    It 'round-trips get -> change -> set in place, and copies to another campaign' {
        $before = (Get-SmartleadSandboxCampaign -Id $campaign.Id).sequences.id
        $steps = Get-SmartleadSequence -CampaignId $campaign.Id
        $steps[1].DelayDays = 5
        $steps[0].Variants[1].Subject = 'Changed subject'

        Set-SmartleadSequence -CampaignId $campaign.Id -Step $steps
        $copy = New-SmartleadCampaign -Name 'Copy'
        $copy | Set-SmartleadSequence -Step (Get-SmartleadSequence -CampaignId $campaign.Id)

        $stored = (Get-SmartleadSandboxCampaign -Id $campaign.Id).sequences
        $stored.id | Should -Be $before
        $stored[1].delayInDays | Should -Be 5
        $stored[0].variants[1].subject | Should -Be 'Changed subject'
        $copied = (Get-SmartleadSandboxCampaign -Id $copy.Id).sequences
        @($copied.id | Where-Object { $before -contains $_ }).Count | Should -Be 0
        $copied[0].variants.label | Should -Be @('A', 'B')
    }

    It 'turns hashtables assigned to a read-back step''s Variants into variants' {
        $steps = Get-SmartleadSequence -CampaignId $campaign.Id
        $steps[1].Variants = @(
            @{ Label = 'A'; Body = 'Following up'; Distribution = 70 }
            @{ Label = 'B'; Body = 'One more note'; Distribution = 30 })

        Set-SmartleadSequence -CampaignId $campaign.Id -Step $steps

        $steps[1].Variants[0].GetType().FullName | Should -Be 'CampaignPS.Engine.Smartlead.SmartleadSequenceVariant'
        (Get-SmartleadSandboxCampaign -Id $campaign.Id).sequences[1].variants.distributionPercentage | Should -Be @(70, 30)
    }

    It 'round-trips steps exported with Export-Clixml and read back as plain objects' {
        $file = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('steps-' + [guid]::NewGuid().ToString('N') + '.xml')
        try {
            Get-SmartleadSequence -CampaignId $campaign.Id | Export-Clixml -LiteralPath $file
            $restored = Import-Clixml -LiteralPath $file

            Set-SmartleadSequence -CampaignId $campaign.Id -Step $restored -ErrorVariable failures

            $failures.Count | Should -Be 0
            (Get-SmartleadSandboxCampaign -Id $campaign.Id).sequences[0].variants.distributionPercentage | Should -Be @(60, 40)
        }
        finally {
            Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue
        }
    }

    It 'reads the docs site''s get-sequences answer too' {
        Set-SmartleadReadShape -Shape 'Docs'

        $steps = @(Get-SmartleadSequence -CampaignId $campaign.Id)

        $steps[0].Variants.Label | Should -Be @('A', 'B')
        $steps[1].DelayDays | Should -Be 3
    }

    It 'refuses variants whose distributions do not add up to 100, before anything is sent' {
        $steps = New-AbSteps
        $steps[0].Variants[1].Distribution = 50
        Clear-SandboxRequestLog

        Set-SmartleadSequence -CampaignId $campaign.Id -Step $steps -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidStep*'
        $failures[0].Exception.Message | Should -Match 'add up to 110%'
        @(Get-SandboxRequests -PathPrefix "$apiPath/").Count | Should -Be 0
    }

    It 'refuses variants that are null, text or numbers with a named error' {
        foreach ($variants in @(@($null), 'text', @(5))) {
            Set-SmartleadSequence -CampaignId $campaign.Id -Step @(@{ Subject = 's'; Body = 'b'; Variants = $variants }) -ErrorAction SilentlyContinue -ErrorVariable failures
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidStep*'
            $failures[0].Exception.Message | Should -Match 'is not a variant'
        }
    }

    It 'takes plain ids piped by value, as the other Get- cmdlets do' {
        @($campaign.Id | Get-SmartleadSequence).Count | Should -Be 2
        @([string]$campaign.Id | Get-SmartleadSequence).Count | Should -Be 2
        @($campaign.Id | Get-SmartleadLead).Count | Should -Be 0
        @($campaign.Id | Get-SmartleadWebhook).Count | Should -Be 0
        (456 | Get-SmartleadEmailAccount).Id | Should -Be 456
        (456 | Get-SmartleadWarmupStatistic).EmailAccountId | Should -Be 456
    }

    It 'reports an unknown campaign as SmartleadCampaignNotFound' {
        Get-SmartleadSequence -CampaignId 999999 -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadCampaignNotFound*'
    }

    It 'shows a table that fits in 80 characters' {
        Get-SmartleadSequence -CampaignId $campaign.Id | Get-TableView | Should -Match 'Id\s+Step\s+Delay\s+Subject\s+Variants'
    }
}

Describe 'Get-SmartleadEmailAccount' {
    BeforeEach {
        Reset-TestSandbox
        $campaign = New-TestSmartleadLaunch -Email 'ann@acme.example'
    }

    It 'lists the account''s mailboxes with their health, one by id, and a piped campaign''s' {
        $all = @(Get-SmartleadEmailAccount)
        $one = Get-SmartleadEmailAccount -EmailAccountId 458
        $ofCampaign = @($campaign | Get-SmartleadEmailAccount)

        $all.Id | Should -Be @(456, 457, 458)
        $all[0].GetType().FullName | Should -Be $accountType
        $all[0].ConnectionStatus | Should -Be 'CONNECTED'
        $all[0].WarmupEnabled | Should -BeTrue
        $one.ConnectionStatus | Should -Be 'DISCONNECTED'
        $ofCampaign.Id | Should -Be @(456, 457)
    }

    It 'reads the docs site''s answer, with reputation and connection error, and never keeps the mailbox password' {
        Set-SmartleadReadShape -Shape 'Docs'

        $all = @(Get-SmartleadEmailAccount -All)
        $text = ($all | Format-List -Property * | Out-String) + ($all | ConvertTo-Json -Depth 4)

        $all[0].WarmupReputation | Should -Be 98
        $all[2].ConnectionError | Should -Match 'Authentication failed'
        @($campaign | Get-SmartleadEmailAccount).Id | Should -Be @(456, 457)
        $text | Should -Not -Match 'sandbox-mailbox-password'
        @(Get-SandboxRequests -Method 'GET' -PathPrefix "$apiPath/email-accounts").Count | Should -BeGreaterThan 0
    }

    It 'reports an unknown mailbox as SmartleadEmailAccountNotFound and refuses id 0 before sending' {
        Get-SmartleadEmailAccount -EmailAccountId 999 -ErrorAction SilentlyContinue -ErrorVariable unknown
        Clear-SandboxRequestLog
        Get-SmartleadEmailAccount -EmailAccountId 0 -ErrorAction SilentlyContinue -ErrorVariable zero

        $unknown[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadEmailAccountNotFound*'
        $zero[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidEmailAccountId*'
        @(Get-SandboxRequests -PathPrefix "$apiPath/").Count | Should -Be 0
    }

    It 'shows a table with the health figures that fits in 80 characters' {
        Set-SmartleadReadShape -Shape 'Docs'
        $text = Get-SmartleadEmailAccount | Get-TableView

        $text | Should -Match 'Id\s+FromEmail\s+Connection\s+Suspended\s+Warmup\s+MaxPerDay'
        $text | Should -Match '98%'
    }
}

Describe 'Remove-SmartleadEmailAccount' {
    BeforeEach {
        Reset-TestSandbox
        $campaign = New-TestSmartleadLaunch -Email 'ann@acme.example'
    }

    It 'takes mailboxes off a piped campaign with -Force and passes the campaign on' {
        $result = $campaign | Remove-SmartleadEmailAccount -EmailAccountId 457 -Force -PassThru

        $result.Id | Should -Be $campaign.Id
        (Get-SmartleadSandboxCampaign -Id $campaign.Id).emailAccountIds | Should -Be @(456)
        $request = @(Get-SandboxRequests -Method 'DELETE' -PathPrefix "$apiPath/campaigns/$($campaign.Id)/email-accounts")[0]
        ($request.body | ConvertFrom-Json).email_account_ids | Should -Be @(457)
    }

    It 'is High impact: -WhatIf sends nothing' {
        Remove-SmartleadEmailAccount -CampaignId $campaign.Id -EmailAccountId 456 -WhatIf

        (Get-SmartleadSandboxCampaign -Id $campaign.Id).emailAccountIds | Should -Be @(456, 457)
        @(Get-SandboxRequests -Method 'DELETE' -PathPrefix "$apiPath/").Count | Should -Be 0
    }

    It 'reports an unknown mailbox as SmartleadEmailAccountNotFound and refuses an id of 0 before sending' {
        Remove-SmartleadEmailAccount -CampaignId $campaign.Id -EmailAccountId 999 -Force -ErrorAction SilentlyContinue -ErrorVariable unknown
        Clear-SandboxRequestLog
        Remove-SmartleadEmailAccount -CampaignId $campaign.Id -EmailAccountId 0 -Force -ErrorAction SilentlyContinue -ErrorVariable zero

        $unknown[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadEmailAccountNotFound*'
        $zero[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidEmailAccountId*'
        @(Get-SandboxRequests -PathPrefix "$apiPath/").Count | Should -Be 0
    }
}

Describe 'Mailbox health: warmup, warmup statistics, suspend and resume' {
    BeforeEach {
        Reset-TestSandbox
    }

    It 'changes the warmup of piped mailboxes and -PassThru writes them read back' {
        $after = Get-SmartleadEmailAccount -EmailAccountId 458 | Set-SmartleadWarmup -Enabled -PerDay 12 -DailyRampup 6 -ReplyRatePercentage 40 -PassThru

        $after.GetType().FullName | Should -Be $accountType
        $after.WarmupEnabled | Should -BeTrue
        $after.WarmupPerDay | Should -Be 12
        $health = Get-SmartleadSandboxMailbox -Id 458
        $health.warmupEnabled | Should -BeTrue
        $health.dailyRampup | Should -Be 6
    }

    It 'keeps the current on/off setting, read from the server, when -Enabled is left out' {
        Set-SmartleadWarmup -EmailAccountId 456 -PerDay 25

        $body = @(Get-SandboxRequests -Method 'POST' -PathPrefix "$apiPath/email-accounts/456/warmup")[0].body | ConvertFrom-Json
        $body.warmup_enabled | Should -BeTrue
        $body.total_warmup_per_day | Should -Be 25
        Set-SmartleadWarmup -EmailAccountId 456 -Enabled:$false
        (Get-SmartleadSandboxMailbox -Id 456).warmupEnabled | Should -BeFalse
    }

    It 'refuses values outside the docs site''s ranges before sending, and changes nothing with -WhatIf' {
        Set-SmartleadWarmup -EmailAccountId 456 -PerDay 51 -ErrorAction SilentlyContinue -ErrorVariable perDay
        Set-SmartleadWarmup -EmailAccountId 456 -DailyRampup 3 -ErrorAction SilentlyContinue -ErrorVariable rampup
        Set-SmartleadWarmup -EmailAccountId 456 -Enabled:$false -WhatIf

        $perDay[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidPerDay*'
        $rampup[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidDailyRampup*'
        @(Get-SandboxRequests -PathPrefix "$apiPath/").Count | Should -Be 0
        (Get-SmartleadSandboxMailbox -Id 456).warmupEnabled | Should -BeTrue
    }

    It 'reads warmup statistics of piped mailboxes in both documented shapes' {
        $reference = @(Get-SmartleadEmailAccount | Get-SmartleadWarmupStatistic)
        Set-SmartleadReadShape -Shape 'Docs'
        $docs = Get-SmartleadWarmupStatistic -EmailAccountId 456

        $reference.EmailAccountId | Should -Be @(456, 457, 458)
        $reference[0].Reputation | Should -Be 98
        $reference[0].DaysInWarmup | Should -Be 42
        $docs.Daily.Count | Should -Be 7
        $docs.Reputation | Should -Be 98
        $reference | Get-TableView | Should -Match 'EmailAccountId\s+Reputation'
        Get-SmartleadWarmupStatistic -EmailAccountId 999 -ErrorAction SilentlyContinue -ErrorVariable unknown
        $unknown[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadEmailAccountNotFound*'
    }

    It 'suspends and resumes a mailbox, which then sends again' {
        $suspended = Suspend-SmartleadEmailAccount -EmailAccountId 457 -PassThru
        $resumed = Get-SmartleadEmailAccount -EmailAccountId 457 | Resume-SmartleadEmailAccount -PassThru

        $suspended.IsSuspended | Should -BeTrue
        $resumed.IsSuspended | Should -BeFalse
        (Get-SmartleadSandboxMailbox -Id 457).isSuspended | Should -BeFalse
    }

    It 'reports an unknown mailbox as SmartleadEmailAccountNotFound in both documented shapes, and -WhatIf sends nothing' {
        foreach ($shape in 'Reference', 'Docs') {
            Set-SmartleadReadShape -Shape $shape
            Suspend-SmartleadEmailAccount -EmailAccountId 999 -ErrorAction SilentlyContinue -ErrorVariable failures
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadEmailAccountNotFound*'
            $failures[0].CategoryInfo.Category.ToString() | Should -Be 'ObjectNotFound'
        }

        Clear-SandboxRequestLog
        Suspend-SmartleadEmailAccount -EmailAccountId 456 -WhatIf
        @(Get-SandboxRequests -PathPrefix "$apiPath/").Count | Should -Be 0
    }
}
