# Get-CampaignConnection and the Invoke-*Request escape hatch, against the sandbox.

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-CampaignPSModule
    $sandbox = Start-TestSandbox
}

AfterAll {
    Disconnect-Loops -ErrorAction SilentlyContinue
    Disconnect-Smartlead -ErrorAction SilentlyContinue
    Disconnect-Outbox -ErrorAction SilentlyContinue
    Disconnect-SmsPlatform -ErrorAction SilentlyContinue
    Stop-TestSandbox -Sandbox $sandbox
}

Describe 'Get-CampaignConnection' {
    BeforeAll {
        $loops = Connect-TestLoops -Sandbox $sandbox
        $smartlead = Connect-TestSmartlead -Sandbox $sandbox
    }

    It 'lists the connections of the session with the defaults marked' {
        $connections = @(Get-CampaignConnection)

        ($connections | Where-Object { $_.Platform -eq 'Loops' -and $_.IsDefault }).Id | Should -Contain $loops.Id
        ($connections | Where-Object { $_.Platform -eq 'Smartlead' -and $_.IsDefault }).Id | Should -Contain $smartlead.Id
    }

    It 'filters by platform and by default' {
        $onlyLoops = @(Get-CampaignConnection -Platform 'Loops' -Default)

        $onlyLoops.Count | Should -Be 1
        $onlyLoops[0].Id | Should -Be $loops.Id
        $onlyLoops[0].RateLimits | Should -Not -BeNullOrEmpty
    }

    It 'never shows a key in any property or in its text' {
        $text = (Get-CampaignConnection | Format-List -Property * | Out-String) + (Get-CampaignConnection | ForEach-Object { $_.ToString() } | Out-String)

        $text | Should -Not -BeLike ('*' + (Get-SandboxKey -Platform 'Loops') + '*')
        $text | Should -Not -BeLike ('*' + (Get-SandboxKey -Platform 'Smartlead') + '*')
    }

    It 'forgets a connection once it is closed' {
        $extra = Connect-TestLoops -Sandbox $sandbox
        Disconnect-Loops -Connection $extra

        @(Get-CampaignConnection).Id | Should -Not -Contain $extra.Id
    }
}

Describe 'Invoke-*Request' {
    BeforeEach {
        Reset-TestSandbox -Sandbox $sandbox
        $null = Connect-TestLoops -Sandbox $sandbox
        $null = Connect-TestSmartlead -Sandbox $sandbox
        $null = Connect-TestOutbox -Sandbox $sandbox
        $null = Connect-TestSms -Sandbox $sandbox
    }

    It 'Invoke-LoopsRequest reads an endpoint and returns objects' {
        $lists = @(Invoke-LoopsRequest -Path 'lists')

        $lists.Count | Should -Be 2
        $lists.id | Should -Contain 'list_main'
    }

    It 'Invoke-LoopsRequest -Raw returns the text' {
        $text = Invoke-LoopsRequest -Path 'api-key' -Raw

        $text | Should -BeOfType [string]
        $text | Should -BeLike '*Sandbox team*'
    }

    It 'Invoke-LoopsRequest posts a hashtable as JSON' {
        $created = Invoke-LoopsRequest -Method 'POST' -Path 'campaigns' -Body @{ name = 'Through the hatch' } -Confirm:$false

        $created.name | Should -Be 'Through the hatch'
    }

    It 'Invoke-LoopsRequest -WhatIf sends nothing' {
        Invoke-LoopsRequest -Method 'POST' -Path 'campaigns' -Body @{ name = 'Rehearsal' } -WhatIf

        @(Get-SandboxRequests -Sandbox $sandbox -Method 'POST' -PathPrefix '/loops/api/v1/campaigns').Count | Should -Be 0
    }

    It 'Invoke-LoopsRequest reports a missing object with a stable ErrorId' {
        Invoke-LoopsRequest -Path 'campaigns/cmp_missing' -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LoopsResourceNotFound*'
    }

    It 'Invoke-SmartleadRequest sends the key in the query string' {
        $campaigns = @(Invoke-SmartleadRequest -Path 'campaigns/')

        $campaigns.Count | Should -Be 0
        (Get-SandboxRequests -Sandbox $sandbox -Method 'GET' -PathPrefix '/smartlead/api/v1/campaigns' | Select-Object -Last 1).queryString | Should -BeLike '*api_key=*'
    }

    It 'Invoke-OutboxRequest posts with the Outbox key' {
        Invoke-OutboxRequest -Method 'POST' -Path 'contacts/' -Body @{ email = 'hatch@example.com' } -Confirm:$false

        @(Get-SandboxRequests -Sandbox $sandbox -Method 'POST' -PathPrefix '/outbox/contacts').Count | Should -Be 1
    }

    It 'Invoke-SmsRequest reads the Tether envelope' {
        $response = Invoke-SmsRequest -Path 'api/contacts'

        $response.success | Should -BeTrue
    }
}
