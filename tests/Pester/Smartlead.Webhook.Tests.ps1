# Campaign webhooks against the sandbox: New-, Get-, Set- and Remove-SmartleadWebhook; event types as an enum (with
# completion) in both documented vocabularies, a create that is never sent twice, errors, bad input and -WhatIf.

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-CampaignPSModule
    $sandbox = Start-TestSandbox
    $null = Connect-TestSmartlead
    $apiPath = '/smartlead/api/v1'
    $webhookType = 'CampaignPS.Engine.Smartlead.SmartleadWebhook'
    $crm = 'https://crm.example.com/smartlead'
}

AfterAll {
    Disconnect-Smartlead -ErrorAction SilentlyContinue
    Stop-TestSandbox -Sandbox $sandbox
}

Describe 'New-SmartleadWebhook' {
    BeforeEach {
        Reset-TestSandbox
        $campaign = New-SmartleadCampaign -Name 'Hooks'
    }

    It 'creates a webhook on piped campaigns in the API reference''s event names and writes it' {
        $webhook = $campaign | New-SmartleadWebhook -Name 'CRM replies' -Url $crm -EventType Replied, Bounced, Unsubscribed

        $webhook.GetType().FullName | Should -Be $webhookType
        $webhook.CampaignId | Should -Be $campaign.Id
        $webhook.EventTypes | Should -Be @('Replied', 'Bounced', 'Unsubscribed')
        $stored = @(Get-SmartleadSandboxWebhooks -CampaignId $campaign.Id)
        $stored.Count | Should -Be 1
        $stored[0].eventTypes | Should -Be @('LEAD_REPLIED', 'LEAD_BOUNCED', 'LEAD_UNSUBSCRIBED')
        $stored[0].id | Should -Be $webhook.Id
        $body = @(Get-SandboxRequests -Method 'POST' -PathPrefix "$apiPath/campaigns/$($campaign.Id)/webhooks")[0].body
        $body | Should -Match '"id":null'
    }

    It 'sends the events reference''s names with -Vocabulary EventsReference' {
        New-SmartleadWebhook -CampaignId $campaign.Id -Name 'CRM' -Url $crm -EventType Replied, Opened -Vocabulary EventsReference | Out-Null

        @(Get-SmartleadSandboxWebhooks -CampaignId $campaign.Id)[0].eventTypes | Should -Be @('EMAIL_REPLY', 'EMAIL_OPEN')
    }

    It 'refuses a missing name, a non-https address and no events before anything is sent' {
        Clear-SandboxRequestLog

        New-SmartleadWebhook -CampaignId $campaign.Id -Url $crm -EventType Replied -ErrorAction SilentlyContinue -ErrorVariable name
        New-SmartleadWebhook -CampaignId $campaign.Id -Name 'CRM' -Url 'http://crm.example.com/hook' -EventType Replied -ErrorAction SilentlyContinue -ErrorVariable url
        New-SmartleadWebhook -CampaignId $campaign.Id -Name 'CRM' -Url $crm -ErrorAction SilentlyContinue -ErrorVariable events
        New-SmartleadWebhook -CampaignId $campaign.Id -Name ' ' -Url "`t" -EventType Replied -ErrorAction SilentlyContinue -ErrorVariable blank

        $name[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidName*'
        $url[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidUrl*'
        $url[0].Exception.Message | Should -Match 'https'
        $events[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidEventType*'
        $blank[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidName*'
        @(Get-SandboxRequests -PathPrefix "$apiPath/").Count | Should -Be 0
    }

    It 'refuses an event name that is not in the enum when binding' {
        { New-SmartleadWebhook -CampaignId $campaign.Id -Name 'CRM' -Url $crm -EventType 'Rpelied' -ErrorAction Stop } | Should -Throw -ErrorId 'CannotConvertArgument*'
    }

    It 'reports a create whose connection dropped after it reached the server as SmartleadOutcomeUnknown and does not send it again' {
        $null = Add-SandboxFault -PathPrefix "$apiPath/campaigns/$($campaign.Id)/webhooks" -Method 'POST' -Kind 'DropConnection' -When 'AfterHandler'

        $result = New-SmartleadWebhook -CampaignId $campaign.Id -Name 'CRM' -Url $crm -EventType Replied -ErrorAction SilentlyContinue -ErrorVariable failures

        $result | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadOutcomeUnknown*'
        $failures[0].Exception.Message | Should -Match 'not sent again'
        @(Get-SandboxRequests -Method 'POST' -PathPrefix "$apiPath/campaigns/$($campaign.Id)/webhooks").Count | Should -Be 1
        @(Get-SmartleadSandboxWebhooks -CampaignId $campaign.Id).Count | Should -Be 1
    }

    It 'reports an unknown campaign as SmartleadCampaignNotFound and creates nothing with -WhatIf' {
        New-SmartleadWebhook -CampaignId 999999 -Name 'CRM' -Url $crm -EventType Replied -ErrorAction SilentlyContinue -ErrorVariable failures
        New-SmartleadWebhook -CampaignId $campaign.Id -Name 'CRM' -Url $crm -EventType Replied -WhatIf

        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadCampaignNotFound*'
        @(Get-SmartleadSandboxWebhooks -CampaignId $campaign.Id).Count | Should -Be 0
    }

    It 'completes the event types' {
        $line = "New-SmartleadWebhook -CampaignId $($campaign.Id) -EventType Re"
        $matches = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText)

        $matches | Should -Contain 'Replied'
    }
}

Describe 'Get-, Set- and Remove-SmartleadWebhook' {
    BeforeEach {
        Reset-TestSandbox
        $campaign = New-SmartleadCampaign -Name 'Hooks'
        $webhook = New-SmartleadWebhook -CampaignId $campaign.Id -Name 'CRM' -Url $crm -EventType Replied
    }

    It 'lists a piped campaign''s webhooks in both documented shapes, and one by id' {
        foreach ($shape in 'Reference', 'Docs') {
            Set-SmartleadReadShape -Shape $shape
            $listed = @($campaign | Get-SmartleadWebhook)
            $listed.Count | Should -Be 1
            $listed[0].Id | Should -Be $webhook.Id
            $listed[0].EventTypes | Should -Be @('Replied')
            $listed[0].Url | Should -Be $crm
        }

        (Get-SmartleadWebhook -CampaignId $campaign.Id -WebhookId $webhook.Id).Name | Should -Be 'CRM'
        Get-SmartleadWebhook -CampaignId $campaign.Id -WebhookId 77 -ErrorAction SilentlyContinue -ErrorVariable missing
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadWebhookNotFound*'
    }

    It 'changes what is given and keeps the rest, from the pipeline or from the server' {
        $piped = Get-SmartleadWebhook -CampaignId $campaign.Id | Set-SmartleadWebhook -Url 'https://crm2.example.com/hook' -PassThru
        Set-SmartleadWebhook -CampaignId $campaign.Id -WebhookId $webhook.Id -EventType Replied, Bounced

        $piped.Url | Should -Be 'https://crm2.example.com/hook'
        $piped.Name | Should -Be 'CRM'
        $stored = @(Get-SmartleadSandboxWebhooks -CampaignId $campaign.Id)[0]
        $stored.url | Should -Be 'https://crm2.example.com/hook'
        $stored.name | Should -Be 'CRM'
        $stored.eventTypes | Should -Be @('LEAD_REPLIED', 'LEAD_BOUNCED')
    }

    It 'writes with -PassThru the webhook read back from the server, not what was sent' {
        Clear-SandboxRequestLog
        $changed = Set-SmartleadWebhook -CampaignId $campaign.Id -WebhookId $webhook.Id -Name 'CRM 2' -Url 'https://crm2.example.com/hook' -EventType Bounced -PassThru

        $requests = @(Get-SandboxRequests -PathPrefix "$apiPath/campaigns/$($campaign.Id)/webhooks")
        $requests.method | Should -Be @('POST', 'GET')
        $changed.Id | Should -Be $webhook.Id
        $changed.Name | Should -Be 'CRM 2'
        $changed.EventTypes | Should -Be @('Bounced')
    }

    It 'reports an unknown webhook as SmartleadWebhookNotFound, refuses nothing-to-change before sending, and -WhatIf sends nothing' {
        Set-SmartleadWebhook -CampaignId $campaign.Id -WebhookId 77 -Name 'x' -ErrorAction SilentlyContinue -ErrorVariable unknown
        Clear-SandboxRequestLog
        Set-SmartleadWebhook -CampaignId $campaign.Id -WebhookId $webhook.Id -ErrorAction SilentlyContinue -ErrorVariable nothing
        Set-SmartleadWebhook -CampaignId $campaign.Id -WebhookId $webhook.Id -Name 'Renamed' -WhatIf

        $unknown[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadWebhookNotFound*'
        $nothing[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidChanges*'
        @(Get-SandboxRequests -PathPrefix "$apiPath/").Count | Should -Be 0
        @(Get-SmartleadSandboxWebhooks -CampaignId $campaign.Id)[0].name | Should -Be 'CRM'
    }

    It 'deletes piped webhooks with -Force; -WhatIf keeps them; deleting twice is SmartleadWebhookNotFound' {
        Get-SmartleadWebhook -CampaignId $campaign.Id | Remove-SmartleadWebhook -WhatIf
        @(Get-SmartleadSandboxWebhooks -CampaignId $campaign.Id).Count | Should -Be 1

        $result = Get-SmartleadWebhook -CampaignId $campaign.Id | Remove-SmartleadWebhook -Force
        Remove-SmartleadWebhook -CampaignId $campaign.Id -WebhookId $webhook.Id -Force -ErrorAction SilentlyContinue -ErrorVariable again

        $result | Should -BeNullOrEmpty
        @(Get-SmartleadSandboxWebhooks -CampaignId $campaign.Id).Count | Should -Be 0
        $again[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadWebhookNotFound*'
    }

    It 'completes webhook ids of the campaign typed in -CampaignId' {
        $line = "Remove-SmartleadWebhook -CampaignId $($campaign.Id) -WebhookId "
        $matches = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches)

        $matches.CompletionText | Should -Be @([string]$webhook.Id)
        $matches[0].ToolTip | Should -Match 'CRM'
    }

    It 'shows a table that fits in 80 characters' {
        Get-SmartleadWebhook -CampaignId $campaign.Id | Get-TableView | Should -Match 'Id\s+CampaignId\s+Name\s+EventTypes\s+Url'
    }
}
