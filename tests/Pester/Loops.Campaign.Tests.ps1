# New-LoopsCampaign, Set-LoopsCampaign and Get-LoopsCampaign against the sandbox, including the
# create -> configure pipeline from the issue and the Import-Csv bulk case.

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-CampaignPSModule
    $sandbox = Start-TestSandbox
    $key = Get-SandboxLoopsKey
    Connect-Loops -ApiKey (New-TestSecureString) -BaseUri $sandbox.LoopsUri

    $workFolder = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('campaignps-campaign-tests-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $workFolder -Force

    function Get-CreateRequestCount {
        @(Get-SandboxRequests -Method 'POST' -PathPrefix '/loops/api/v1/campaigns').Count
    }
}

AfterAll {
    Disconnect-Loops -ErrorAction SilentlyContinue
    Stop-TestSandbox -Sandbox $sandbox
    if ($workFolder -and (Test-Path -LiteralPath $workFolder)) {
        Remove-Item -LiteralPath $workFolder -Recurse -Force -ErrorAction SilentlyContinue
    }
}

Describe 'New-LoopsCampaign' {
    BeforeEach {
        Reset-TestSandbox
    }

    It 'carries the list and group it sent when the create answer leaves them out' {
        Set-LoopsCreateShape -Shape 'Sparse'

        $campaign = New-LoopsCampaign -Name 'Sparse answer' -MailingListId 'list_main' -CampaignGroupId 'grp_launches'

        $campaign.MailingListId | Should -Be 'list_main'
        $campaign.CampaignGroupId | Should -Be 'grp_launches'
        $campaign.PSObject.Properties.Name | Should -Not -Contain 'Subject'
    }

    It 'creates a draft campaign that carries what the next cmdlets need' {
        $campaign = New-LoopsCampaign -Name 'Spring announcement'

        $campaign.GetType().FullName | Should -Be 'CampaignPS.Engine.Loops.LoopsCampaign'
        $campaign.Id | Should -BeLike 'cmp_*'
        $campaign.Name | Should -Be 'Spring announcement'
        $campaign.Status | Should -Be 'Draft'
        $campaign.EmailMessageId | Should -BeLike 'em_*'
        $campaign.EmailMessageContentRevisionId | Should -BeLike 'rev_*'
        $campaign.CampaignGroupId | Should -Be 'grp_unsorted'
        $campaign.Url | Should -BeLike '*campaigns/cmp_*'

        $creates = @(Get-SandboxRequests -Method 'POST' -PathPrefix '/loops/api/v1/campaigns')
        $creates.Count | Should -Be 1
        ($creates[0].body | ConvertFrom-Json).name | Should -Be 'Spring announcement'
    }

    It 'takes the mailing list and campaign group' {
        $campaign = New-LoopsCampaign -Name 'Beta news' -MailingListId 'list_beta' -CampaignGroupId 'grp_launches'

        $campaign.MailingListId | Should -Be 'list_beta'
        $campaign.CampaignGroupId | Should -Be 'grp_launches'
    }

    It 'takes the name by position' {
        $campaign = New-LoopsCampaign 'Positional name'
        $campaign.Name | Should -Be 'Positional name'
    }

    It 'reports an empty name as LoopsInvalidName without calling the API' {
        $result = New-LoopsCampaign -Name '   ' -ErrorVariable failures -ErrorAction SilentlyContinue

        $result | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LoopsInvalidName*'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'InvalidArgument'
        $failures[0].Exception.Message | Should -BeLike '*Name*'
        Get-CreateRequestCount | Should -Be 0
    }

    It 'creates nothing with -WhatIf' {
        $result = New-LoopsCampaign -Name 'Only a rehearsal' -WhatIf

        $result | Should -BeNullOrEmpty
        Get-CreateRequestCount | Should -Be 0
    }

    It 'creates one campaign per Import-Csv row; a bad row is one error and the others go on' {
        $csvPath = Join-Path -Path $workFolder -ChildPath 'bulk.csv'
        $rows = @(
            [pscustomobject]@{ Name = 'Bulk one'; MailingListId = 'list_main'; CampaignGroupId = 'grp_launches' }
            [pscustomobject]@{ Name = ''; MailingListId = 'list_main'; CampaignGroupId = 'grp_launches' }
            [pscustomobject]@{ Name = 'Bulk three'; MailingListId = 'list_main'; CampaignGroupId = 'grp_launches' }
        )
        $rows | Export-Csv -LiteralPath $csvPath -NoTypeInformation

        $created = @(Import-Csv -LiteralPath $csvPath | New-LoopsCampaign -ErrorVariable bulkErrors -ErrorAction SilentlyContinue)

        $created.Count | Should -Be 2
        ($created | ForEach-Object { $_.Name }) | Should -Be @('Bulk one', 'Bulk three')
        foreach ($campaign in $created) {
            $campaign.MailingListId | Should -Be 'list_main'
            $campaign.CampaignGroupId | Should -Be 'grp_launches'
        }

        $bulkErrors.Count | Should -Be 1
        $bulkErrors[0].FullyQualifiedErrorId | Should -BeLike 'LoopsInvalidName*'
        $bulkErrors[0].TargetObject | Should -Not -BeNullOrEmpty
        [string]::IsNullOrWhiteSpace([string]$bulkErrors[0].TargetObject.Name) | Should -BeTrue
        Get-CreateRequestCount | Should -Be 2
    }

    It 'reads the legacy create shape (campaignId instead of id)' {
        Set-LoopsCreateShape -Shape 'Legacy'

        $campaign = New-LoopsCampaign -Name 'Legacy shape'

        $campaign.Id | Should -BeLike 'cmp_*'
        $campaign.Url | Should -BeNullOrEmpty
        $campaign.EmailMessageId | Should -BeLike 'em_*'
        (Get-LoopsCampaign -CampaignId $campaign.Id).Name | Should -Be 'Legacy shape'
    }

    It 'never writes the key to the verbose stream' {
        $records = New-LoopsCampaign -Name 'Verbose check' -Verbose 4>&1

        @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 0
        ($records | Get-StreamText) | Should -Not -BeLike "*$key*"
    }
}

Describe 'Set-LoopsCampaign' {
    BeforeEach {
        Reset-TestSandbox
        $campaign = New-LoopsCampaign -Name 'To configure'
    }

    It 'changes name and mailing list and returns the campaign with -PassThru' {
        $updated = $campaign | Set-LoopsCampaign -Name 'Configured' -MailingListId 'list_beta' -Confirm:$false -PassThru

        $updated.Id | Should -Be $campaign.Id
        $updated.Name | Should -Be 'Configured'
        $updated.MailingListId | Should -Be 'list_beta'
        $updated.Status | Should -Be 'Draft'
    }

    It 'writes nothing without -PassThru' {
        $output = Set-LoopsCampaign -CampaignId $campaign.Id -Name 'Quiet' -Confirm:$false
        $output | Should -BeNullOrEmpty
        (Get-LoopsCampaign -CampaignId $campaign.Id).Name | Should -Be 'Quiet'
    }

    It 'sets an audience segment' {
        $updated = Set-LoopsCampaign -CampaignId $campaign.Id -AudienceSegmentId 'seg_03' -Confirm:$false -PassThru
        $updated.AudienceSegmentId | Should -Be 'seg_03'
    }

    It 'refuses -AudienceSegmentId together with -AudienceFilter' {
        { Set-LoopsCampaign -CampaignId $campaign.Id -AudienceSegmentId 'seg_03' -AudienceFilter @{ match = 'all'; conditions = @() } -Confirm:$false } |
            Should -Throw -ErrorId 'AmbiguousParameterSet*'
    }

    It 'sends nothing with -WhatIf' {
        $before = @(Get-SandboxRequests).Count

        # -Force skips the readiness check too, so nothing at all is read (Readiness.Tests.ps1 covers -WhatIf with the check).
        $output = Set-LoopsCampaign -CampaignId $campaign.Id -MailingListId 'list_main' -ScheduleAt (Get-Date).AddDays(1) -Force -WhatIf
        $campaign | Set-LoopsCampaign -Name 'Not renamed' -Force -WhatIf

        $output | Should -BeNullOrEmpty
        @(Get-SandboxRequests).Count | Should -Be $before
        (Get-LoopsCampaign -CampaignId $campaign.Id).Name | Should -Be 'To configure'
    }

    It 'schedules with -ScheduleAt and -Force, without a prompt' {
        $when = (Get-Date).AddDays(2)
        $updated = Set-LoopsCampaign -CampaignId $campaign.Id -MailingListId 'list_main' -ScheduleAt $when -Force -PassThru

        $updated.Status | Should -Be 'Scheduled'
        $updated.SchedulingMethod | Should -Be 'schedule'
        $updated.ScheduledAt | Should -Not -BeNullOrEmpty
        [Math]::Abs(($updated.ScheduledAt.UtcDateTime - $when.ToUniversalTime()).TotalSeconds) | Should -BeLessThan 2
    }

    It 'sends now with -SendNow' {
        $updated = Set-LoopsCampaign -CampaignId $campaign.Id -MailingListId 'list_main' -SendNow -Force -PassThru
        $updated.Status | Should -Be 'Sending'
    }

    It 'refuses a time in the past as LoopsInvalidScheduleAt without calling the API' {
        $before = @(Get-SandboxRequests).Count

        Set-LoopsCampaign -CampaignId $campaign.Id -ScheduleAt (Get-Date).AddMinutes(-5) -Force -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LoopsInvalidScheduleAt*'
        @(Get-SandboxRequests).Count | Should -Be $before
    }

    It 'refuses a call that changes nothing' {
        Set-LoopsCampaign -CampaignId $campaign.Id -Force -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LoopsInvalidChanges*'
    }

    It 'reports LoopsCampaignNotDraft (409) once the campaign is no longer a draft' {
        Set-LoopsCampaignStatus -CampaignId $campaign.Id -Status 'Sent'

        $result = Set-LoopsCampaign -CampaignId $campaign.Id -MailingListId 'list_main' -Confirm:$false -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue

        $result | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LoopsCampaignNotDraft*'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'InvalidOperation'
        $failures[0].TargetObject | Should -Be $campaign.Id
        @(Get-SandboxRequests -Method 'POST' -PathPrefix ('/loops/api/v1/campaigns/' + $campaign.Id)).Count | Should -Be 1
    }

    It 'still renames a campaign that was sent' {
        Set-LoopsCampaignStatus -CampaignId $campaign.Id -Status 'Sent'

        $updated = Set-LoopsCampaign -CampaignId $campaign.Id -Name 'Renamed after sending' -Confirm:$false -PassThru

        $updated.Name | Should -Be 'Renamed after sending'
        $updated.Status | Should -Be 'Sent'
    }

    It 'reports LoopsCampaignNotFound for an unknown id' {
        Set-LoopsCampaign -CampaignId 'cmp_does_not_exist' -Name 'Nobody' -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LoopsCampaignNotFound*'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'ObjectNotFound'
    }

    It 'reports an unknown mailing list or segment as that resource not found, naming the id (New- and Set-LoopsCampaign)' {
        New-LoopsCampaign -Name 'No such list' -MailingListId 'list_nope' -ErrorVariable created -ErrorAction SilentlyContinue
        Set-LoopsCampaign -CampaignId $campaign.Id -AudienceSegmentId 'seg_nope' -ErrorVariable changed -ErrorAction SilentlyContinue

        $created[0].FullyQualifiedErrorId | Should -BeLike 'LoopsMailingListNotFound*'
        $created[0].Exception.Message | Should -BeLike "*Check the mailing list id 'list_nope'.*"
        $changed[0].FullyQualifiedErrorId | Should -BeLike 'LoopsAudienceSegmentNotFound*'
        $changed[0].Exception.Message | Should -BeLike "*Check the audience segment id 'seg_nope'.*"
        $changed[0].CategoryInfo.Category.ToString() | Should -Be 'ObjectNotFound'
    }

    It 'never writes the key to the verbose stream' {
        $records = Set-LoopsCampaign -CampaignId $campaign.Id -Name 'Verbose check' -Confirm:$false -Verbose 4>&1

        @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 0
        ($records | Get-StreamText) | Should -Not -BeLike "*$key*"
    }
}

Describe 'The create -> configure pipeline from the issue' {
    BeforeEach {
        Reset-TestSandbox
    }

    It 'creates, writes the email and schedules the campaign in one pipeline' {
        $list = Get-LoopsMailingList -Name 'Main*'
        $lmxText = '<Paragraph>Spring is here: see what is new.</Paragraph>'
        $lmx = Join-Path -Path $workFolder -ChildPath 'spring.lmx'
        [System.IO.File]::WriteAllText($lmx, $lmxText)

        $result = New-LoopsCampaign -Name 'Spring announcement' |
            Set-LoopsEmailMessage -Subject 'Big spring updates' -FromName Acme -FromEmail hello -LmxPath $lmx -PassThru |
            Set-LoopsCampaign -MailingListId $list.Id -ScheduleAt (Get-Date).AddDays(1) -Force -PassThru

        @($result).Count | Should -Be 1
        $result.Name | Should -Be 'Spring announcement'
        $result.Status | Should -Be 'Scheduled'
        $result.MailingListId | Should -Be 'list_main'
        $result.ScheduledAt | Should -Not -BeNullOrEmpty

        $message = $result | Get-LoopsEmailMessage
        $message.Subject | Should -Be 'Big spring updates'
        $message.FromName | Should -Be 'Acme'
        $message.FromEmail | Should -Be 'hello'
        $message.Lmx | Should -Be $lmxText
        $message.CampaignId | Should -Be $result.Id
    }
}

Describe 'Get-LoopsCampaign' {
    BeforeAll {
        Reset-TestSandbox
        $made = @(1..12 | ForEach-Object { New-LoopsCampaign -Name ('Listed {0:00}' -f $_) })
    }

    It 'reads one campaign by id' {
        $campaign = Get-LoopsCampaign -CampaignId $made[0].Id
        $campaign.Name | Should -Be 'Listed 01'
        $campaign.Status | Should -Be 'Draft'
    }

    It 'reads one campaign by position and from the pipeline (Id)' {
        (Get-LoopsCampaign $made[1].Id).Name | Should -Be 'Listed 02'
        ($made[2] | Get-LoopsCampaign).Name | Should -Be 'Listed 03'
    }

    It 'reads the first page without -All' {
        @(Get-LoopsCampaign -PageSize 10).Count | Should -Be 10
        @(Get-LoopsCampaign).Count | Should -Be 12
    }

    It 'reads every page with -All' {
        $before = @(Get-SandboxRequests -Method 'GET' -PathPrefix '/loops/api/v1/campaigns').Count

        $all = @(Get-LoopsCampaign -All -PageSize 10)

        $all.Count | Should -Be 12
        @($all | ForEach-Object { $_.Id } | Sort-Object -Unique).Count | Should -Be 12
        @(Get-SandboxRequests -Method 'GET' -PathPrefix '/loops/api/v1/campaigns').Count | Should -Be ($before + 2)
    }

    It 'stops after -First N items, newest first' {
        $first = @(Get-LoopsCampaign -First 3 -PageSize 10)

        $first.Count | Should -Be 3
        $first[0].Name | Should -Be 'Listed 12'
    }

    It 'reports LoopsCampaignNotFound for an unknown id and goes on' {
        $found = @(Get-LoopsCampaign -CampaignId 'cmp_does_not_exist' -ErrorVariable failures -ErrorAction SilentlyContinue)

        $found.Count | Should -Be 0
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LoopsCampaignNotFound*'
        $failures[0].TargetObject | Should -Be 'cmp_does_not_exist'
    }
}
