# Campaigns as code against the sandbox: Export-SmartleadCampaign writes a campaign's whole configuration (and its leads
# to CSV), Sync-SmartleadCampaign creates a clone from it or brings a campaign back to it, -WhatIf lists the plan and
# sends nothing; a campaign that cannot be read, a definition that does not match the schema, a file that is missing.
# Export-/Sync-LoopsCampaign do the same for a Loops campaign's audience, group and email message (never its schedule).

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-CampaignPSModule
    $sandbox = Start-TestSandbox
    $null = Connect-TestSmartlead
    $null = Connect-TestLoops
    $apiPath = '/smartlead/api/v1'
    $loopsPath = '/loops/api/v1'
    $folder = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('campaignps-as-code-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $folder

    function New-ConfiguredCampaign {
        param([string] $Name = 'Q1 CFO outreach')
        $campaign = New-SmartleadCampaign -Name $Name
        $steps = @(
            @{ Subject = 'Quick question'; Body = "<p>Hi {{first_name}},</p>`n<p>are you the right person?</p>"; DelayDays = 0; Variants = @(
                    @{ Label = 'A'; Subject = 'Quick question'; Body = 'Hi {{first_name}}'; Distribution = 60 }
                    @{ Label = 'B'; Subject = 'Who runs outreach?'; Body = 'Hello {{first_name}}'; Distribution = 40 }) }
            @{ Subject = ''; Body = 'Following up'; DelayDays = 3 }
        )
        $campaign | Set-SmartleadSequence -Step $steps
        $campaign | Set-SmartleadSchedule -TimeZone 'Europe/Berlin' -Day 'Monday', 'Tuesday', 'Thursday' -StartHour 8 -EndHour 16 -MinTimeBetweenEmails 10
        $campaign | Set-SmartleadSetting -StopLeadOn Reply -TrackOpen:$false -UnsubscribeText 'Reply STOP to opt out.' -MaxLeadsPerDay 50 -FollowUpPercentage 80
        $campaign | Add-SmartleadEmailAccount -EmailAccountId 456, 457
        $null = New-SmartleadWebhook -CampaignId $campaign.Id -Name 'Replies' -Url 'https://hooks.example.com/smartlead' -EventType Replied, Bounced
        return $campaign
    }

    function New-ConfiguredLoopsCampaign {
        param([string] $Name = 'Spring announcement')
        $campaign = New-LoopsCampaign -Name $Name -MailingListId 'list_main' -CampaignGroupId 'grp_launches'
        $null = $campaign | Set-LoopsEmailMessage -Subject 'Spring is here' -PreviewText 'Read on' -FromName 'Acme' -FromEmail 'hello' -ReplyToEmail 'support@example.com' -Lmx "<Paragraph>Hi {firstName},</Paragraph>`n<Paragraph>spring is here.</Paragraph>"
        return $campaign
    }

    # The one error a refused definition gives: its id, the JSON path as Field and first in the message, the file as target.
    function Assert-DefinitionRefused {
        param($Out, $Failed, [string] $ErrorId, [string] $Path, [string] $File)
        $Out | Should -BeNullOrEmpty
        $Failed.Count | Should -Be 1
        $Failed[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $Failed[0].Exception.Field | Should -Be $Path
        $Failed[0].Exception.Message | Should -BeLike "$([WildcardPattern]::Escape($Path))*"
        $Failed[0].TargetObject | Should -Be $File
    }

    function Get-ChangingRequest {
        @(Get-SandboxRequests | Where-Object { $_.method -ne 'GET' })
    }
}

AfterAll {
    Disconnect-Smartlead -ErrorAction SilentlyContinue
    Disconnect-Loops -ErrorAction SilentlyContinue
    Stop-TestSandbox -Sandbox $sandbox
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Export-SmartleadCampaign' {
    BeforeAll {
        Reset-TestSandbox
        $source = New-ConfiguredCampaign
        Add-SmartleadSandboxLeads -CampaignId $source.Id -Count 150 | Out-Null
        $definitionPath = Join-Path -Path $folder -ChildPath 'source.json'
        $leadsPath = Join-Path -Path $folder -ChildPath 'source-leads.csv'
        $file = $source | Export-SmartleadCampaign -Path $definitionPath -IncludeLeads $leadsPath
        $text = Get-Content -LiteralPath $definitionPath -Raw
        $json = $text | ConvertFrom-Json
    }

    It 'writes the whole configuration as a SmartleadCampaign definition and outputs the file' {
        $file | Should -BeOfType ([System.IO.FileInfo])
        $file.FullName | Should -Be $definitionPath
        $json.kind | Should -Be 'SmartleadCampaign'
        $json.schemaVersion | Should -Be 1
        $json.name | Should -Be 'Q1 CFO outreach'
        $json.settings.trackOpens | Should -BeFalse
        $json.settings.stopLeadOn | Should -Be 'Reply'
        $json.settings.maxLeadsPerDay | Should -Be 50
        $json.schedule.days | Should -Be @('Monday', 'Tuesday', 'Thursday')
        $json.schedule.startHour | Should -Be 8
        $json.sequence.Count | Should -Be 2
        $json.sequence[0].variants.label | Should -Be @('A', 'B')
        $json.sequence[0].body | Should -BeLike '<p>Hi {{first_name}},</p>*'
        $json.emailAccountIds | Should -Be @(456, 457)
        $json.webhooks[0].eventTypes | Should -Be @('Replied', 'Bounced')
    }

    It 'keeps keys in a fixed order with \n line ends, and no key or campaign id' {
        $text | Should -Not -Match "`r"
        $text | Should -Match '^\{\n  "kind": "SmartleadCampaign",\n  "schemaVersion": 1,\n  "name": '
        $text | Should -Not -Match (Get-SandboxSmartleadKey)
        $text | Should -Not -Match "\b$($source.Id)\b"
        $text | Should -Not -Match '"id"'
    }

    It 'writes one file per piped campaign into a folder, and refuses to write two campaigns to one file' {
        $other = New-SmartleadCampaign -Name 'Other'
        $many = Join-Path -Path $folder -ChildPath 'many'
        $null = New-Item -ItemType Directory -Path $many

        $files = @($source, $other | Export-SmartleadCampaign -Path $many)
        $null = $source, $other | Export-SmartleadCampaign -Path (Join-Path -Path $folder -ChildPath 'one.json') -ErrorVariable reused -ErrorAction SilentlyContinue

        $files.Name | Should -Be @("smartlead-campaign-$($source.Id).json", "smartlead-campaign-$($other.Id).json")
        (Get-Content -LiteralPath $files[1].FullName -Raw | ConvertFrom-Json).name | Should -Be 'Other'
        $reused.Count | Should -Be 1
        $reused[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadExportPathReused,*'
        $reused[0].TargetObject | Should -Be $other.Id
    }

    It 'reports a campaign that cannot be read and writes no file' {
        $missing = Join-Path -Path $folder -ChildPath 'missing.json'

        $out = Export-SmartleadCampaign -CampaignId 999999 -Path $missing -ErrorVariable failed -ErrorAction SilentlyContinue

        $out | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadCampaignNotFound,*'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Test-Path -LiteralPath $missing | Should -BeFalse
    }

    It 'streams the leads to a CSV file that Add-SmartleadLead takes back' {
        $leads = @(Import-Csv -LiteralPath $leadsPath)
        $leads.Count | Should -Be 150
        $leads[0].email | Should -Be 'lead00001@seed.example'
        $leads[0].Tier | Should -Be 'Seed'
        @(Get-SandboxRequests -Method 'GET' -PathPrefix "$apiPath/campaigns/$($source.Id)/leads").Count | Should -Be 2

        # Smartlead skips leads that are in another campaign: into a fresh account, as a clone for another client would be.
        Reset-TestSandbox
        $target = New-SmartleadCampaign -Name 'Leads copy'
        $result = $leads | Add-SmartleadLead -CampaignId $target.Id

        $result.Inserted | Should -Be 150
    }
}

Describe 'Sync-SmartleadCampaign' {
    BeforeEach {
        Reset-TestSandbox
        $source = New-ConfiguredCampaign
        $definitionPath = Join-Path -Path $folder -ChildPath 'sync-source.json'
        $null = Export-SmartleadCampaign -CampaignId $source.Id -Path $definitionPath
    }

    It 'clones a campaign: export, apply, export the clone gives the same file except the name' {
        $clone = Sync-SmartleadCampaign -Definition $definitionPath -Name 'Acme clone' -ClientId 42
        $clonePath = Join-Path -Path $folder -ChildPath 'sync-clone.json'
        $null = Export-SmartleadCampaign -CampaignId $clone.Id -Path $clonePath

        $clone.GetType().FullName | Should -Be 'CampaignPS.Engine.Smartlead.SmartleadCampaign'
        $clone.Id | Should -Not -Be $source.Id
        $clone.Name | Should -Be 'Acme clone'
        $clone.ClientId | Should -Be 42
        $clone.Status | Should -Be 'DRAFTED'
        $expected = (Get-Content -LiteralPath $definitionPath -Raw).Replace('"name": "Q1 CFO outreach"', '"name": "Acme clone"')
        Get-Content -LiteralPath $clonePath -Raw | Should -BeExactly $expected
        (Get-SmartleadSandboxCampaign -Id $clone.Id).sequences[0].variants.label | Should -Be @('A', 'B')
    }

    It 'with -WhatIf writes the plan old -> new step by step and sends nothing' {
        $changed = Join-Path -Path $folder -ChildPath 'sync-changed.json'
        (Get-Content -LiteralPath $definitionPath -Raw).Replace('"maxLeadsPerDay": 50', '"maxLeadsPerDay": 70').Replace('"body": "Following up"', '"body": "Following up again"').Replace('"Thursday"', '"Friday"') |
            Set-Content -LiteralPath $changed -NoNewline
        Clear-SandboxRequestLog

        $plan = @(Sync-SmartleadCampaign -Definition $changed -CampaignId $source.Id -WhatIf)

        Get-ChangingRequest | Should -BeNullOrEmpty
        $plan.Count | Should -Be 3
        $plan[0].GetType().FullName | Should -Be 'CampaignPS.Engine.Smartlead.SmartleadPlanStep'
        $plan.Step | Should -Be @(1, 2, 3)
        $plan.Path | Should -Be @('$.settings.maxLeadsPerDay', '$.schedule.days', '$.sequence[1].body')
        $plan[0].Old | Should -Be '50'
        $plan[0].New | Should -Be '70'
        $plan[1].Old | Should -Be 'Monday, Tuesday, Thursday'
        $plan[1].New | Should -Be 'Monday, Tuesday, Friday'
        $plan[2].Request | Should -Be 'save sequence'
        $lines = @(($plan | Out-String -Width 80) -split "`r?`n" | Where-Object { $_.Trim() })
        ($lines | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 80
        $lines[0] | Should -Match '^Step Action Path'
    }

    It 'updates only what differs, keeps the sequence ids, and then has nothing left to do' {
        $changed = Join-Path -Path $folder -ChildPath 'sync-changed.json'
        (Get-Content -LiteralPath $definitionPath -Raw).Replace('"maxLeadsPerDay": 50', '"maxLeadsPerDay": 70').Replace('"body": "Following up"', '"body": "Following up again"') |
            Set-Content -LiteralPath $changed -NoNewline
        $ids = (Get-SmartleadSandboxCampaign -Id $source.Id).sequences.id
        Clear-SandboxRequestLog

        $campaign = Sync-SmartleadCampaign -Definition $changed -CampaignId $source.Id
        $sent = Get-ChangingRequest
        Clear-SandboxRequestLog
        $again = @(Sync-SmartleadCampaign -Definition $changed -CampaignId $source.Id -WhatIf)

        $campaign.Id | Should -Be $source.Id
        $campaign.MaxLeadsPerDay | Should -Be 70
        $sent.path | Should -Be @("$apiPath/campaigns/$($source.Id)/settings", "$apiPath/campaigns/$($source.Id)/sequences")
        ($sent[0].body | ConvertFrom-Json).max_leads_per_day | Should -Be 70
        $stored = (Get-SmartleadSandboxCampaign -Id $source.Id).sequences
        $stored.id | Should -Be $ids
        $stored[1].emailBody | Should -Be 'Following up again'
        $again | Should -BeNullOrEmpty
        Get-ChangingRequest | Should -BeNullOrEmpty
    }

    It 'takes mailboxes and webhooks the definition does not list off the campaign' {
        $changed = Join-Path -Path $folder -ChildPath 'sync-changed.json'
        $json = Get-Content -LiteralPath $definitionPath -Raw | ConvertFrom-Json
        $json.emailAccountIds = @(457)
        $json.webhooks = @()
        $json | ConvertTo-Json -Depth 10 | Set-Content -LiteralPath $changed

        $plan = @(Sync-SmartleadCampaign -Definition $changed -CampaignId $source.Id -WhatIf)
        $null = Sync-SmartleadCampaign -Definition $changed -CampaignId $source.Id

        $plan.Action | Should -Be @('Remove', 'Remove')
        $plan[0].Old | Should -Be '456'
        @(Get-SmartleadEmailAccount -CampaignId $source.Id).Id | Should -Be @(457)
        @(Get-SmartleadWebhook -CampaignId $source.Id) | Should -BeNullOrEmpty
    }

    It 'warns that a different name cannot be applied to an existing campaign' {
        $renamed = Join-Path -Path $folder -ChildPath 'sync-renamed.json'
        (Get-Content -LiteralPath $definitionPath -Raw).Replace('"name": "Q1 CFO outreach"', '"name": "Renamed"') | Set-Content -LiteralPath $renamed -NoNewline
        Clear-SandboxRequestLog

        $campaign = Sync-SmartleadCampaign -Definition $renamed -CampaignId $source.Id -WarningVariable warned -WarningAction SilentlyContinue

        $campaign.Name | Should -Be 'Q1 CFO outreach'
        "$warned" | Should -Match 'cannot rename'
        Get-ChangingRequest | Should -BeNullOrEmpty
    }

    It 'reports a campaign that cannot be read and sends nothing' {
        Clear-SandboxRequestLog

        $out = Sync-SmartleadCampaign -Definition $definitionPath -CampaignId 999999 -ErrorVariable failed -ErrorAction SilentlyContinue

        $out | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadCampaignNotFound,*'
        $failed[0].TargetObject | Should -Be 999999
        Get-ChangingRequest | Should -BeNullOrEmpty
    }

    It 'refuses a definition that does not match the schema before any request: <Case>' -ForEach @(
        @{ Case = 'another kind'; From = '"kind": "SmartleadCampaign"'; To = '"kind": "LoopsCampaign"'; Path = '$.kind' }
        @{ Case = 'another schema version'; From = '"schemaVersion": 1'; To = '"schemaVersion": 2'; Path = '$.schemaVersion' }
        @{ Case = 'a wrong type'; From = '"maxLeadsPerDay": 50'; To = '"maxLeadsPerDay": "50"'; Path = '$.settings.maxLeadsPerDay' }
        @{ Case = 'an unknown key'; From = '"trackOpens"'; To = '"trackOpen"'; Path = '$.settings.trackOpen' }
        @{ Case = 'a missing required field'; From = '"timeZone": "Europe/Berlin",'; To = ''; Path = '$.schedule.timeZone' }
        @{ Case = 'a value the request refuses'; From = '"followUpPercentage": 80'; To = '"followUpPercentage": 180'; Path = '$.settings' }
    ) {
        $bad = Join-Path -Path $folder -ChildPath 'sync-bad.json'
        (Get-Content -LiteralPath $definitionPath -Raw).Replace($From, $To) | Set-Content -LiteralPath $bad -NoNewline
        Clear-SandboxRequestLog

        $out = Sync-SmartleadCampaign -Definition $bad -ErrorVariable failed -ErrorAction SilentlyContinue

        Assert-DefinitionRefused -Out $out -Failed $failed -ErrorId 'SmartleadDefinitionInvalid' -Path $Path -File $bad
        Get-SandboxRequests | Should -BeNullOrEmpty
    }

    It 'reports a definition file that does not exist' {
        $out = Sync-SmartleadCampaign -Definition (Join-Path -Path $folder -ChildPath 'nope.json') -ErrorVariable failed -ErrorAction SilentlyContinue

        $out | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadDefinitionNotFound,*'
    }

    It 'creates one campaign per piped row with the row''s name and client' {
        $rows = @(
            [pscustomobject]@{ Name = 'Client A'; client_id = 7 }
            [pscustomobject]@{ Name = 'Client B'; client_id = 8 }
        )

        $created = @($rows | Sync-SmartleadCampaign -Definition $definitionPath)

        $created.Name | Should -Be @('Client A', 'Client B')
        $created.ClientId | Should -Be @(7, 8)
        @($created | ForEach-Object { @(Get-SmartleadSequence -CampaignId $_.Id).Count }) | Should -Be @(2, 2)
    }
}

Describe 'Export-LoopsCampaign' {
    BeforeAll {
        Reset-TestSandbox
        $source = New-ConfiguredLoopsCampaign
        $definitionPath = Join-Path -Path $folder -ChildPath 'loops-source.json'
        $file = $source | Export-LoopsCampaign -Path $definitionPath
        $text = Get-Content -LiteralPath $definitionPath -Raw
        $json = $text | ConvertFrom-Json
    }

    It 'writes the audience, group and email message as a LoopsCampaign definition, by name, and outputs the file' {
        $file | Should -BeOfType ([System.IO.FileInfo])
        $file.FullName | Should -Be $definitionPath
        $json.kind | Should -Be 'LoopsCampaign'
        $json.schemaVersion | Should -Be 1
        $json.name | Should -Be 'Spring announcement'
        $json.mailingList | Should -Be 'Main mailing list'
        $json.audienceSegment | Should -BeNullOrEmpty
        $json.campaignGroup | Should -Be 'Launches'
        $json.emailMessage.subject | Should -Be 'Spring is here'
        $json.emailMessage.fromEmail | Should -Be 'hello'
        $json.emailMessage.lmx | Should -Be "<Paragraph>Hi {firstName},</Paragraph>`n<Paragraph>spring is here.</Paragraph>"
    }

    It 'keeps keys in a fixed order with \n line ends, and no key, campaign id, message id or revision' {
        $revision = (Get-LoopsEmailMessage -EmailMessageId $source.EmailMessageId).ContentRevisionId
        $text | Should -Not -Match "`r"
        $text | Should -Match '^\{\n  "kind": "LoopsCampaign",\n  "schemaVersion": 1,\n  "name": "Spring announcement",\n  "mailingList": "Main mailing list",\n  "audienceSegment": null,\n  "audienceFilter": null,\n  "campaignGroup": "Launches",\n  "emailMessage": \{\n    "subject": '
        $text | Should -Not -Match (Get-SandboxLoopsKey)
        $text | Should -Not -Match ([regex]::Escape($source.Id))
        $text | Should -Not -Match ([regex]::Escape($source.EmailMessageId))
        $text | Should -Not -Match ([regex]::Escape($revision))
        $text | Should -Not -Match 'schedul'
    }

    It 'writes one file per piped campaign into a folder; a campaign that cannot be read is reported and the next one goes on' {
        $other = New-LoopsCampaign -Name 'Other'
        $many = Join-Path -Path $folder -ChildPath 'loops-many'
        $null = New-Item -ItemType Directory -Path $many

        $files = @('cmp_missing', $source.Id, $other.Id | Export-LoopsCampaign -Path $many -ErrorVariable failed -ErrorAction SilentlyContinue)

        $files.Name | Should -Be @("loops-campaign-$($source.Id).json", "loops-campaign-$($other.Id).json")
        (Get-Content -LiteralPath $files[1].FullName -Raw | ConvertFrom-Json).name | Should -Be 'Other'
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'LoopsCampaignNotFound,*'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].TargetObject | Should -Be 'cmp_missing'
        Test-Path -LiteralPath (Join-Path -Path $many -ChildPath 'loops-campaign-cmp_missing.json') | Should -BeFalse
    }
}

Describe 'Sync-LoopsCampaign' {
    BeforeEach {
        Reset-TestSandbox
        $source = New-ConfiguredLoopsCampaign
        $definitionPath = Join-Path -Path $folder -ChildPath 'loops-sync-source.json'
        $null = Export-LoopsCampaign -CampaignId $source.Id -Path $definitionPath
        $changed = Join-Path -Path $folder -ChildPath 'loops-sync-changed.json'
        $json = Get-Content -LiteralPath $definitionPath -Raw | ConvertFrom-Json
        $json.mailingList = 'Beta testers'
        $json.campaignGroup = 'Unsorted'
        $json.emailMessage.subject = 'Spring has come'
        $json | ConvertTo-Json -Depth 10 | Set-Content -LiteralPath $changed
    }

    It 'export, edit, -WhatIf writes the plan old -> new step by step and sends nothing, then Sync applies it' {
        Clear-SandboxRequestLog

        $plan = @(Sync-LoopsCampaign -Definition $changed -CampaignId $source.Id -WhatIf)
        $whatIfRequests = Get-ChangingRequest
        $campaign = Sync-LoopsCampaign -Definition $changed -CampaignId $source.Id
        $sent = Get-ChangingRequest
        Clear-SandboxRequestLog
        $again = @(Sync-LoopsCampaign -Definition $changed -CampaignId $source.Id -WhatIf)

        $whatIfRequests | Should -BeNullOrEmpty
        $plan.Count | Should -Be 3
        $plan[0].GetType().FullName | Should -Be 'CampaignPS.Engine.Loops.LoopsPlanStep'
        $plan.Step | Should -Be @(1, 2, 3)
        $plan.Action | Should -Be @('Set', 'Set', 'Set')
        $plan.Path | Should -Be @('$.mailingList', '$.campaignGroup', '$.emailMessage.subject')
        $plan[0].Old | Should -Be 'Main mailing list'
        $plan[0].New | Should -Be 'Beta testers'
        $plan[2].Old | Should -Be 'Spring is here'
        $plan[2].New | Should -Be 'Spring has come'
        $plan.Request | Should -Be @('update campaign', 'update campaign', 'update email message')
        $plan.CampaignId | Should -Be @($source.Id, $source.Id, $source.Id)
        $lines = @(($plan | Out-String -Width 80) -split "`r?`n" | Where-Object { $_.Trim() })
        ($lines | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 80
        $lines[0] | Should -Match '^Step Action Path'

        $campaign.GetType().FullName | Should -Be 'CampaignPS.Engine.Loops.LoopsCampaign'
        $campaign.Id | Should -Be $source.Id
        $campaign.MailingListId | Should -Be 'list_beta'
        $campaign.CampaignGroupId | Should -Be 'grp_unsorted'
        $campaign.Status | Should -Be 'Draft'
        $sent.path | Should -Be @("$loopsPath/campaigns/$($source.Id)", "$loopsPath/email-messages/$($source.EmailMessageId)")
        ($sent[0].body | ConvertFrom-Json).PSObject.Properties.Name | Should -Be @('mailingListId', 'campaignGroupId')
        ($sent[1].body | ConvertFrom-Json).subject | Should -Be 'Spring has come'
        ($sent[1].body | ConvertFrom-Json).expectedRevisionId | Should -Not -BeNullOrEmpty
        (Get-LoopsEmailMessage -EmailMessageId $source.EmailMessageId).Subject | Should -Be 'Spring has come'
        $again | Should -BeNullOrEmpty
        Get-ChangingRequest | Should -BeNullOrEmpty
    }

    It 'clones a campaign into a new one with -Name: the clone exports to the same file except the name, and is not scheduled' {
        Clear-SandboxRequestLog

        $clone = Sync-LoopsCampaign -Definition $definitionPath -Name 'Spring announcement (Acme)'
        $clonePath = Join-Path -Path $folder -ChildPath 'loops-sync-clone.json'
        $null = Export-LoopsCampaign -CampaignId $clone.Id -Path $clonePath

        $clone.GetType().FullName | Should -Be 'CampaignPS.Engine.Loops.LoopsCampaign'
        $clone.Id | Should -Not -Be $source.Id
        $clone.Name | Should -Be 'Spring announcement (Acme)'
        $clone.Status | Should -Be 'Draft'
        $clone.ScheduledAt | Should -BeNullOrEmpty
        $expected = (Get-Content -LiteralPath $definitionPath -Raw).Replace('"name": "Spring announcement"', '"name": "Spring announcement (Acme)"')
        Get-Content -LiteralPath $clonePath -Raw | Should -BeExactly $expected
        @(Get-ChangingRequest).path | Should -Be @("$loopsPath/campaigns", "$loopsPath/email-messages/$($clone.EmailMessageId)")
        @(Get-ChangingRequest | Where-Object { $_.body -match 'scheduling' }) | Should -BeNullOrEmpty
    }

    It 'with -WhatIf and no campaign plans the create and sends nothing' {
        Clear-SandboxRequestLog

        $plan = @(Sync-LoopsCampaign -Definition $definitionPath -Name 'Dry run' -WhatIf)

        Get-ChangingRequest | Should -BeNullOrEmpty
        $plan[0].Action | Should -Be 'Create'
        $plan[0].New | Should -Be 'Dry run'
        $plan[0].CampaignId | Should -BeNullOrEmpty
        $plan.Path | Should -Contain '$.emailMessage.lmx'
        @(Get-LoopsCampaign -All).Count | Should -Be 1
    }

    It 'reports a campaign that cannot be read, sends nothing for it, and the next piped row goes on' {
        $rows = @(
            [pscustomobject]@{ Id = 'cmp_missing' }
            [pscustomobject]@{ Id = $source.Id }
        )
        Clear-SandboxRequestLog

        $out = @($rows | Sync-LoopsCampaign -Definition $changed -ErrorVariable failed -ErrorAction SilentlyContinue)

        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'LoopsCampaignNotFound,*'
        $failed[0].TargetObject | Should -Be 'cmp_missing'
        $out.Id | Should -Be @($source.Id)
        @(Get-ChangingRequest).path | Should -Not -Contain "$loopsPath/campaigns/cmp_missing"
    }

    It 'refuses a definition that does not match the schema before any request: <Case>' -ForEach @(
        @{ Case = 'another kind'; From = '"kind": "LoopsCampaign"'; To = '"kind": "SmartleadCampaign"'; Path = '$.kind'; Reads = $false }
        @{ Case = 'another schema version'; From = '"schemaVersion": 1'; To = '"schemaVersion": 2'; Path = '$.schemaVersion'; Reads = $false }
        @{ Case = 'a wrong type'; From = '"subject": "Spring is here"'; To = '"subject": 5'; Path = '$.emailMessage.subject'; Reads = $false }
        @{ Case = 'an unknown key'; From = '"previewText"'; To = '"preview"'; Path = '$.emailMessage.preview'; Reads = $false }
        @{ Case = 'a missing required field'; From = '"name": "Spring announcement",'; To = ''; Path = '$.name'; Reads = $false }
        @{ Case = 'a value the request refuses'; From = '"fromEmail": "hello"'; To = '"fromEmail": "hello@acme.example"'; Path = '$.emailMessage'; Reads = $true }
    ) {
        $bad = Join-Path -Path $folder -ChildPath 'loops-sync-bad.json'
        (Get-Content -LiteralPath $definitionPath -Raw).Replace($From, $To) | Set-Content -LiteralPath $bad -NoNewline
        Clear-SandboxRequestLog

        $out = Sync-LoopsCampaign -Definition $bad -ErrorVariable failed -ErrorAction SilentlyContinue

        Assert-DefinitionRefused -Out $out -Failed $failed -ErrorId 'LoopsDefinitionInvalid' -Path $Path -File $bad
        Get-ChangingRequest | Should -BeNullOrEmpty
        if (-not $Reads) {
            # A file that does not match the schema is refused before the team is even read.
            Get-SandboxRequests | Should -BeNullOrEmpty
        }
    }

    It 'refuses an unknown <What> name, naming the cmdlet that lists them, before any change' -ForEach @(
        @{ What = 'mailing list'; Key = 'mailingList'; Cmdlet = 'Get-LoopsMailingList' }
        @{ What = 'audience segment'; Key = 'audienceSegment'; Cmdlet = 'Get-LoopsAudienceSegment' }
        @{ What = 'campaign group'; Key = 'campaignGroup'; Cmdlet = 'Get-LoopsCampaignGroup' }
    ) {
        $bad = Join-Path -Path $folder -ChildPath 'loops-sync-unknown.json'
        $json = Get-Content -LiteralPath $definitionPath -Raw | ConvertFrom-Json
        $json.$Key = 'Nowhere'
        $json | ConvertTo-Json -Depth 10 | Set-Content -LiteralPath $bad
        Clear-SandboxRequestLog

        $out = Sync-LoopsCampaign -Definition $bad -CampaignId $source.Id -ErrorVariable failed -ErrorAction SilentlyContinue

        Assert-DefinitionRefused -Out $out -Failed $failed -ErrorId 'LoopsDefinitionNameNotFound' -Path "`$.$Key" -File $bad
        $failed[0].Exception.Message | Should -BeLike "*'Nowhere', which is not a $What of this team*($Cmdlet lists them)*"
        Get-ChangingRequest | Should -BeNullOrEmpty
    }

    It 'reports a definition file that does not exist' {
        $out = Sync-LoopsCampaign -Definition (Join-Path -Path $folder -ChildPath 'nope.json') -ErrorVariable failed -ErrorAction SilentlyContinue

        $out | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'LoopsDefinitionNotFound,*'
    }
}

Describe 'The README''s example definition' {
    It 'is a valid definition that creates the campaign it shows' {
        Reset-TestSandbox
        $readme = Get-Content -LiteralPath (Join-Path -Path (Get-RepositoryRoot) -ChildPath 'README.md') -Raw
        $section = $readme.Substring($readme.IndexOf('### Campaigns as code'))
        $example = [regex]::Match($section, '(?ms)^```json\r?\n(.*?)^```').Groups[1].Value
        $path = Join-Path -Path $folder -ChildPath 'readme.json'
        Set-Content -LiteralPath $path -Value $example -NoNewline

        $campaign = Sync-SmartleadCampaign -Definition $path

        $campaign.Name | Should -Be 'Q1 CFO outreach'
        @(Get-SmartleadSequence -CampaignId $campaign.Id)[0].Variants.Label | Should -Be @('A', 'B')
        @(Get-SmartleadWebhook -CampaignId $campaign.Id).Name | Should -Be 'Replies'
    }

    It 'has a Loops example that is a valid definition and creates the campaign it shows' {
        Reset-TestSandbox
        $readme = Get-Content -LiteralPath (Join-Path -Path (Get-RepositoryRoot) -ChildPath 'README.md') -Raw
        $section = $readme.Substring($readme.IndexOf('### Campaigns as code'))
        $example = [regex]::Matches($section, '(?ms)^```json\r?\n(.*?)^```') | ForEach-Object { $_.Groups[1].Value } | Where-Object { $_ -match '"kind": "LoopsCampaign"' } | Select-Object -First 1
        $path = Join-Path -Path $folder -ChildPath 'readme-loops.json'
        Set-Content -LiteralPath $path -Value $example -NoNewline

        $campaign = Sync-LoopsCampaign -Definition $path

        $campaign.Name | Should -Be 'Spring announcement'
        $campaign.MailingListId | Should -Be 'list_main'
        (Get-LoopsEmailMessage -EmailMessageId $campaign.EmailMessageId).Subject | Should -Be 'Spring is here'
    }
}
