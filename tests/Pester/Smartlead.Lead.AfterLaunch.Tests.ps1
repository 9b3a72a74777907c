# A Smartlead campaign's leads after launch against the sandbox: Get-SmartleadLead (pages, filters, by e-mail, streaming
# 100,000 leads into Export-Csv with a flat heap), the lead actions (suspend, resume, remove, unsubscribe, category), lead
# categories, each documented error, bad input refused before anything is sent, -WhatIf, and lead id completion.

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-CampaignPSModule
    $sandbox = Start-TestSandbox
    $null = Connect-TestSmartlead
    $leadType = 'CampaignPS.Engine.Smartlead.SmartleadCampaignLead'
    $apiPath = '/smartlead/api/v1'

    $workFolder = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('campaignps-lead-after-launch-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $workFolder -Force

    function Get-RequestCount {
        param([string] $Method, [string] $PathPrefix)
        return @(Get-SandboxRequests -Method $Method -PathPrefix $PathPrefix).Count
    }

    function Get-SandboxLead {
        param([long] $CampaignId, [string] $Email)
        return @(Get-SmartleadSandboxLeads -CampaignId $CampaignId | Where-Object email -eq $Email)[0]
    }
}

AfterAll {
    Disconnect-Smartlead -ErrorAction SilentlyContinue
    Stop-TestSandbox -Sandbox $sandbox
    if ($workFolder -and (Test-Path -LiteralPath $workFolder)) {
        Remove-Item -LiteralPath $workFolder -Recurse -Force -ErrorAction SilentlyContinue
    }
}

Describe 'Get-SmartleadLead' {
    BeforeEach {
        Reset-TestSandbox
        $campaign = New-TestSmartleadLaunch -Email 'ann@acme.example', 'bo@acme.example', 'cy@acme.example'
    }

    It 'lists a piped campaign''s leads as typed objects with custom fields' {
        $leads = @($campaign | Get-SmartleadLead)

        $leads.Count | Should -Be 3
        $leads[0].GetType().FullName | Should -Be $leadType
        $leads.Email | Should -Be @('ann@acme.example', 'bo@acme.example', 'cy@acme.example')
        $leads[0].CampaignId | Should -Be $campaign.Id
        $leads[0].Status | Should -Be 'ACTIVE'
        $leads[0].CustomFields['Tier'] | Should -Be 'Gold'
        $leads[0].FirstName | Should -Be 'Lead1'
    }

    It 'reads the first page, every page with -All, and stops after -First' {
        $null = Add-SmartleadSandboxLeads -CampaignId $campaign.Id -Count 247
        Clear-SandboxRequestLog

        @(Get-SmartleadLead -CampaignId $campaign.Id).Count | Should -Be 100
        @(Get-SmartleadLead -CampaignId $campaign.Id -All).Count | Should -Be 250
        @(Get-SmartleadLead -CampaignId $campaign.Id -First 150).Count | Should -Be 150

        $lists = @(Get-SandboxRequests -Method 'GET' -PathPrefix "$apiPath/campaigns/$($campaign.Id)/leads")
        $lists.Count | Should -Be (1 + 3 + 2)
        $lists[1].queryString | Should -Match 'limit=100'
    }

    It 'writes each page as it arrives: Select-Object -First 150 reads two pages and stops' {
        $null = Add-SmartleadSandboxLeads -CampaignId $campaign.Id -Count 997

        $first = @(Get-SmartleadLead -CampaignId $campaign.Id -All | Select-Object -First 150)

        $first.Count | Should -Be 150
        Get-RequestCount -Method 'GET' -PathPrefix "$apiPath/campaigns/$($campaign.Id)/leads" | Should -Be 2
    }

    It 'streams 100,000 leads into Export-Csv with a flat managed heap' {
        $null = Add-SmartleadSandboxLeads -CampaignId $campaign.Id -Count 99997
        $csv = Join-Path -Path $workFolder -ChildPath 'all-leads.csv'
        Get-SmartleadLead -CampaignId $campaign.Id -First 5 | Export-Csv -LiteralPath $csv -NoTypeInformation
        $baseline = [GC]::GetTotalMemory($true)
        $script:peak = 0
        $script:count = 0

        Get-SmartleadLead -CampaignId $campaign.Id -All | ForEach-Object {
            $script:count++
            if ($script:count % 20000 -eq 0) {
                $script:peak = [Math]::Max($script:peak, [GC]::GetTotalMemory($true) - $baseline)
            }
            $_
        } | Export-Csv -LiteralPath $csv -NoTypeInformation

        $script:count | Should -Be 100000
        # 100,000 lead objects held at once would take well over 50 MB.
        $script:peak | Should -BeLessThan 16MB
        $last = Get-Content -LiteralPath $csv -Tail 1
        $last | Should -Match '"lead100000@seed\.example"'
        $last | Should -Match ([regex]::Escape('"{""Tier"":""Seed""}"'))
    }

    It 'filters by status, email status, step and category, in the API reference''s names' {
        $bo = Get-SandboxLead -CampaignId $campaign.Id -Email 'bo@acme.example'
        Suspend-SmartleadLead -CampaignId $campaign.Id -LeadId $bo.id
        $null = Invoke-SmartleadDelivery -CampaignId $campaign.Id
        Add-SmartleadSandboxEvent -CampaignId $campaign.Id -Email 'ann@acme.example' -Event 'Replied'
        $cy = Get-SandboxLead -CampaignId $campaign.Id -Email 'cy@acme.example'
        Set-SmartleadLeadCategory -CampaignId $campaign.Id -LeadId $cy.id -CategoryId 3

        @(Get-SmartleadLead -CampaignId $campaign.Id -Status Paused).Email | Should -Be @('bo@acme.example')
        @(Get-SmartleadLead -CampaignId $campaign.Id -EmailStatus Replied).Email | Should -Be @('ann@acme.example')
        @(Get-SmartleadLead -CampaignId $campaign.Id -SequenceNumber 1 -CategoryId 3).Email | Should -Be @('cy@acme.example')
        @(Get-SmartleadLead -CampaignId $campaign.Id -Status InProgress).Email | Should -Be @('cy@acme.example')

        $queries = @(Get-SandboxRequests -Method 'GET' -PathPrefix "$apiPath/campaigns/$($campaign.Id)/leads").queryString
        ($queries -match 'status=PAUSED').Count | Should -Be 1
        ($queries -match 'email_status=Replied').Count | Should -Be 1
    }

    It 'finds a lead by e-mail in each campaign it is in, in both documented shapes' {
        $second = New-SmartleadCampaign -Name 'Second'
        $null = Add-SmartleadSandboxLeads -CampaignId $second.Id -Email 'ann@acme.example'   # a lead in two campaigns

        foreach ($shape in 'Reference', 'Docs') {
            Set-SmartleadReadShape -Shape $shape
            $found = @(Get-SmartleadLead -Email 'ann@acme.example')
            $found.CampaignId | Should -Be @($campaign.Id, $second.Id)
            @($found.Id | Sort-Object -Unique).Count | Should -Be 1
            $found[1].CampaignName | Should -Be 'Second'
        }
    }

    It 'reports an unknown address as SmartleadLeadNotFound and an unknown campaign as SmartleadCampaignNotFound' {
        foreach ($shape in 'Reference', 'Docs') {
            Set-SmartleadReadShape -Shape $shape
            $found = @(Get-SmartleadLead -Email 'nobody@acme.example' -ErrorAction SilentlyContinue -ErrorVariable failures)
            $found.Count | Should -Be 0
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadLeadNotFound*'
            $failures[0].CategoryInfo.Category.ToString() | Should -Be 'ObjectNotFound'
        }

        Get-SmartleadLead -CampaignId 999999 -ErrorAction SilentlyContinue -ErrorVariable unknown
        $unknown[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadCampaignNotFound*'
        $unknown[0].TargetObject | Should -Be 999999
    }

    It 'stops with SmartleadUnauthorized when the key is rejected, and never shows the key' {
        $wrongKey = 'wrong-after-launch-key-0123'
        $wrong = Connect-Smartlead -ApiKey (New-TestSecureString -Value $wrongKey) -BaseUri $sandbox.SmartleadUri -SkipKeyCheck -RequestsPerSecond 0 -PassThru
        $caught = $null
        try {
            Get-SmartleadLead -CampaignId $campaign.Id -All -Connection $wrong -ErrorAction Stop
        }
        catch {
            $caught = $_
        }
        finally {
            $null = Connect-TestSmartlead
        }

        $caught.FullyQualifiedErrorId | Should -BeLike 'SmartleadUnauthorized*'
        $caught.CategoryInfo.Category.ToString() | Should -Be 'PermissionDenied'
        ($caught | Get-StreamText) | Should -Not -BeLike "*$wrongKey*"
    }

    It 'refuses bad input before anything is sent' {
        Clear-SandboxRequestLog

        Get-SmartleadLead -Email 'not-an-email' -ErrorAction SilentlyContinue -ErrorVariable email
        Get-SmartleadLead -Email '' -ErrorAction SilentlyContinue -ErrorVariable empty
        Get-SmartleadLead -CampaignId $campaign.Id -SequenceNumber 21 -ErrorAction SilentlyContinue -ErrorVariable step
        Get-SmartleadLead -CampaignId $campaign.Id -EmailStatus Unsubscribed -ErrorAction SilentlyContinue -ErrorVariable status
        Get-SmartleadLead -CampaignId 0 -ErrorAction SilentlyContinue -ErrorVariable zero

        $email[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidEmail*'
        $empty[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidEmail*'
        $step[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidSequenceNumber*'
        $status[0].Exception.Message | Should -Match '-Status Unsubscribed'
        $zero[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidCampaignId*'
        @(Get-SandboxRequests -Method 'GET' -PathPrefix "$apiPath/").Count | Should -Be 0
    }

    It 'shows a table of five columns that fits in 80 characters' {
        $text = Get-SmartleadLead -CampaignId $campaign.Id | Get-TableView
        $text | Should -Match 'Id\s+CampaignId\s+Email\s+Status\s+Category'
        $text | Should -Match 'ann@acme\.example'
    }
}

Describe 'Suspend-SmartleadLead and Resume-SmartleadLead' {
    BeforeEach {
        Reset-TestSandbox
        $campaign = New-TestSmartleadLaunch -Email 'ann@acme.example', 'bo@acme.example'
    }

    It 'pauses a piped lead, which then gets no email, and resumes it; -PassThru writes the server''s status' {
        $paused = @(Get-SmartleadLead -Email 'bo@acme.example' | Suspend-SmartleadLead -PassThru)
        $sent = Invoke-SmartleadDelivery -CampaignId $campaign.Id
        $resumed = @(Get-SmartleadLead -CampaignId $campaign.Id -Status Paused | Resume-SmartleadLead -PassThru)

        $paused.Count | Should -Be 1
        $paused[0].GetType().FullName | Should -Be $leadType
        $paused[0].Status | Should -Be 'PAUSED'
        $paused[0].CampaignId | Should -Be $campaign.Id
        $sent | Should -Be 1
        $resumed[0].Status | Should -Be 'ACTIVE'
        (Get-SandboxLead -CampaignId $campaign.Id -Email 'bo@acme.example').status | Should -Be 'ACTIVE'
    }

    It 'writes nothing without -PassThru and changes nothing with -WhatIf' {
        $lead = Get-SmartleadLead -Email 'ann@acme.example'

        $lead | Suspend-SmartleadLead -WhatIf
        $result = $lead | Suspend-SmartleadLead

        $result | Should -BeNullOrEmpty
        Get-RequestCount -Method 'POST' -PathPrefix "$apiPath/campaigns/$($campaign.Id)/leads/$($lead.Id)/pause" | Should -Be 1
    }

    It 'reports a lead that is not in the campaign as SmartleadLeadNotFound and goes on with the rest' {
        $ann = Get-SandboxLead -CampaignId $campaign.Id -Email 'ann@acme.example'
        $rows = @(
            [pscustomobject]@{ campaign_id = $campaign.Id; lead_id = 4242 }
            [pscustomobject]@{ campaign_id = $campaign.Id; lead_id = $ann.id }
        )

        $rows | Suspend-SmartleadLead -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadLeadNotFound*'
        # The failure carries the input row, so $failures.TargetObject | Export-Csv keeps every column.
        $failures[0].TargetObject | Should -Be $rows[0]
        $failures[0].TargetObject.lead_id | Should -Be 4242
        (Get-SandboxLead -CampaignId $campaign.Id -Email 'ann@acme.example').status | Should -Be 'PAUSED'
    }

    It 'refuses lead id 0 before anything is sent' {
        Clear-SandboxRequestLog
        Resume-SmartleadLead -CampaignId $campaign.Id -LeadId 0 -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidLeadId*'
        @(Get-SandboxRequests -PathPrefix "$apiPath/").Count | Should -Be 0
    }
}

Describe 'Unregister-SmartleadLead' {
    BeforeEach {
        Reset-TestSandbox
        $campaign = New-TestSmartleadLaunch -Email 'ann@acme.example', 'bo@acme.example'
        $second = New-SmartleadCampaign -Name 'Second'
        $null = Add-SmartleadSandboxLeads -CampaignId $second.Id -Email 'ann@acme.example'   # a lead in two campaigns
    }

    It 'unsubscribes from one campaign' {
        Get-SmartleadLead -CampaignId $campaign.Id | Where-Object Email -eq 'bo@acme.example' | Unregister-SmartleadLead -Force

        (Get-SandboxLead -CampaignId $campaign.Id -Email 'bo@acme.example').status | Should -Be 'UNSUBSCRIBED'
        (Get-SandboxLead -CampaignId $campaign.Id -Email 'ann@acme.example').status | Should -Be 'ACTIVE'
    }

    It 'unsubscribes from every campaign once, however many campaigns the lead is piped from' {
        $after = @(Get-SmartleadLead -Email 'ann@acme.example' | Unregister-SmartleadLead -Global -Force -PassThru)

        $after.CampaignId | Should -Be @($campaign.Id, $second.Id)
        $after.Status | Should -Be @('UNSUBSCRIBED', 'UNSUBSCRIBED')
        Get-RequestCount -Method 'POST' -PathPrefix "$apiPath/leads/" | Should -Be 1
    }

    It 'warns when Smartlead reports that nothing changed (the docs'' {"ok": false})' {
        Set-SmartleadReadShape -Shape 'Docs'
        $lead = @(Get-SmartleadLead -Email 'ann@acme.example')[0]
        $lead | Unregister-SmartleadLead -Global -Force

        $lead | Unregister-SmartleadLead -Global -Force -WarningVariable warnings -WarningAction SilentlyContinue

        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -Match 'already unsubscribed from every campaign'
    }

    It 'is High impact: -WhatIf sends nothing, and -Confirm:$false goes ahead' {
        $lead = @(Get-SmartleadLead -Email 'bo@acme.example')[0]

        $lead | Unregister-SmartleadLead -WhatIf
        $lead | Unregister-SmartleadLead -Global -WhatIf
        Get-RequestCount -Method 'POST' -PathPrefix "$apiPath/leads/" | Should -Be 0
        (Get-SandboxLead -CampaignId $campaign.Id -Email 'bo@acme.example').status | Should -Be 'ACTIVE'

        $lead | Unregister-SmartleadLead -Confirm:$false
        (Get-SandboxLead -CampaignId $campaign.Id -Email 'bo@acme.example').status | Should -Be 'UNSUBSCRIBED'
    }
}

Describe 'Remove-SmartleadLead' {
    BeforeEach {
        Reset-TestSandbox
        $campaign = New-TestSmartleadLaunch -Email 'ann@acme.example', 'bo@acme.example'
    }

    It 'removes piped leads from the campaign with -Force and writes nothing' {
        $result = Get-SmartleadLead -CampaignId $campaign.Id | Where-Object Email -eq 'bo@acme.example' | Remove-SmartleadLead -Force

        $result | Should -BeNullOrEmpty
        @(Get-SmartleadSandboxLeads -CampaignId $campaign.Id).email | Should -Be @('ann@acme.example')
    }

    It 'sends nothing with -WhatIf, with or without -Force' {
        $lead = @(Get-SmartleadLead -CampaignId $campaign.Id)[0]

        $lead | Remove-SmartleadLead -WhatIf
        $lead | Remove-SmartleadLead -Force -WhatIf

        @(Get-SmartleadSandboxLeads -CampaignId $campaign.Id).Count | Should -Be 2
        Get-RequestCount -Method 'DELETE' -PathPrefix "$apiPath/campaigns/" | Should -Be 0
    }

    It 'reports removing it twice as SmartleadLeadNotFound' {
        $lead = @(Get-SmartleadLead -CampaignId $campaign.Id)[0]
        $lead | Remove-SmartleadLead -Force

        $lead | Remove-SmartleadLead -Force -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadLeadNotFound*'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'ObjectNotFound'
    }

    It 'reports a removal whose answer was lost as SmartleadOutcomeUnknown and does not send it again' {
        $lead = @(Get-SmartleadLead -CampaignId $campaign.Id)[0]
        $null = Add-SandboxFault -PathPrefix "$apiPath/campaigns/$($campaign.Id)/leads/$($lead.Id)" -Method 'DELETE' -StatusCode 503 -When 'AfterHandler'

        $lead | Remove-SmartleadLead -Force -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadOutcomeUnknown*'
        Get-RequestCount -Method 'DELETE' -PathPrefix "$apiPath/campaigns/" | Should -Be 1
    }
}

Describe 'Lead categories' {
    BeforeEach {
        Reset-TestSandbox
        $campaign = New-TestSmartleadLaunch -Email 'ann@acme.example', 'bo@acme.example'
    }

    It 'lists the categories, filtered by name' {
        $all = @(Get-SmartleadLeadCategory)
        $interested = @(Get-SmartleadLeadCategory -Name 'inter*')

        $all.Id | Should -Be @(1, 2, 3, 789)
        $all[0].GetType().FullName | Should -Be 'CampaignPS.Engine.Smartlead.SmartleadLeadCategory'
        $interested.Name | Should -Be @('Interested')
    }

    It 'sets a category on piped leads, pausing them with -PauseLead' {
        $interested = Get-SmartleadLeadCategory -Name 'Interested'

        Get-SmartleadLead -CampaignId $campaign.Id | Set-SmartleadLeadCategory -CategoryId $interested.Id -PauseLead

        $stored = @(Get-SmartleadSandboxLeads -CampaignId $campaign.Id)
        $stored.categoryId | Should -Be @(1, 1)
        $stored.status | Should -Be @('PAUSED', 'PAUSED')
        $body = @(Get-SandboxRequests -Method 'POST' -PathPrefix "$apiPath/campaigns/$($campaign.Id)/leads/")[0].body | ConvertFrom-Json
        $body.category_id | Should -Be 1
        $body.pause_lead | Should -BeTrue
    }

    It 'reports an unknown category as SmartleadLeadCategoryNotFound, and refuses id 0 and a bad pattern before sending' {
        $lead = @(Get-SmartleadLead -CampaignId $campaign.Id)[0]
        $lead | Set-SmartleadLeadCategory -CategoryId 5 -ErrorAction SilentlyContinue -ErrorVariable unknown
        Clear-SandboxRequestLog

        $lead | Set-SmartleadLeadCategory -CategoryId 0 -ErrorAction SilentlyContinue -ErrorVariable zero
        Get-SmartleadLeadCategory -Name '[' -ErrorAction SilentlyContinue -ErrorVariable pattern

        $unknown[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadLeadCategoryNotFound*'
        $zero[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidCategoryId*'
        $pattern[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidName*'
        @(Get-SandboxRequests -PathPrefix "$apiPath/").Count | Should -Be 0
    }

    It 'changes nothing with -WhatIf' {
        Get-SmartleadLead -CampaignId $campaign.Id | Set-SmartleadLeadCategory -CategoryId 1 -WhatIf

        @(Get-SmartleadSandboxLeads -CampaignId $campaign.Id | Where-Object { $null -ne $_.categoryId }).Count | Should -Be 0
    }
}

Describe 'Lead id completion' {
    BeforeAll {
        Reset-TestSandbox
        $campaign = New-TestSmartleadLaunch -Email 'ann@acme.example', 'bo@acme.example'
    }

    It 'offers the leads of the campaign typed in -CampaignId, with their addresses' {
        $line = "Suspend-SmartleadLead -CampaignId $($campaign.Id) -LeadId "
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches

        $completions.Count | Should -Be 2
        $completions[0].ToolTip | Should -Match 'ann@acme\.example'
    }

    It 'offers nothing before -CampaignId is typed, and the categories for -CategoryId' {
        $noCampaign = 'Suspend-SmartleadLead -LeadId '
        $category = 'Set-SmartleadLeadCategory -CategoryId '

        (TabExpansion2 -inputScript $noCampaign -cursorColumn $noCampaign.Length).CompletionMatches.Count | Should -Be 0
        @((TabExpansion2 -inputScript $category -cursorColumn $category.Length).CompletionMatches.CompletionText) | Should -Contain '789'
    }
}
