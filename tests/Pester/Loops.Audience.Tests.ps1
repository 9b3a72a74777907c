# Mailing lists, audience segments and campaign groups against the sandbox's seeded data:
# lists list_main (Main mailing list) and list_beta (Beta testers), segments seg_01..seg_25,
# groups grp_unsorted (Unsorted) and grp_launches (Launches).

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-CampaignPSModule
    $sandbox = Start-TestSandbox
    $key = Get-SandboxLoopsKey
    Connect-Loops -ApiKey (New-TestSecureString) -BaseUri $sandbox.LoopsUri
}

AfterAll {
    Disconnect-Loops -ErrorAction SilentlyContinue
    Stop-TestSandbox -Sandbox $sandbox
}

Describe 'Get-LoopsMailingList' {
    BeforeAll {
        Reset-TestSandbox
    }

    It 'lists every mailing list' {
        $lists = @(Get-LoopsMailingList)

        $lists.Count | Should -Be 2
        @($lists | ForEach-Object { $_.Id }) | Should -Contain 'list_main'
        @($lists | ForEach-Object { $_.Id }) | Should -Contain 'list_beta'
        $lists[0].GetType().FullName | Should -Be 'CampaignPS.Engine.Loops.LoopsMailingList'
    }

    It 'filters by name with a wildcard' {
        $lists = @(Get-LoopsMailingList -Name 'Main*')

        $lists.Count | Should -Be 1
        $lists[0].Id | Should -Be 'list_main'
        $lists[0].Name | Should -Be 'Main mailing list'
    }

    It 'matches names case-insensitively and by position' {
        $lists = @(Get-LoopsMailingList 'beta*')

        $lists.Count | Should -Be 1
        $lists[0].Id | Should -Be 'list_beta'
    }

    It 'returns nothing, and no error, when no name matches' {
        $lists = @(Get-LoopsMailingList -Name 'Nothing like this*' -ErrorVariable failures)

        $lists.Count | Should -Be 0
        $failures.Count | Should -Be 0
    }

    It 'never writes the key to the verbose stream' {
        $records = Get-LoopsMailingList -Verbose 4>&1

        @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 0
        ($records | Get-StreamText) | Should -Not -BeLike "*$key*"
    }
}

Describe 'Get-LoopsAudienceSegment' {
    BeforeEach {
        Reset-TestSandbox
    }

    It 'returns all 25 segments with -All' {
        $segments = @(Get-LoopsAudienceSegment -All)

        $segments.Count | Should -Be 25
        @($segments | ForEach-Object { $_.Id } | Sort-Object -Unique).Count | Should -Be 25
        $segments[0].GetType().FullName | Should -Be 'CampaignPS.Engine.Loops.LoopsAudienceSegment'
    }

    It 'reads every page with -All -PageSize 10 (three requests)' {
        @(Get-LoopsAudienceSegment -All -PageSize 10).Count | Should -Be 25
        @(Get-SandboxRequests -Method 'GET' -PathPrefix '/loops/api/v1/audience-segments').Count | Should -Be 3
    }

    It 'returns only the first page (20) without -All' {
        @(Get-LoopsAudienceSegment).Count | Should -Be 20
    }

    It 'returns the first N with -First' {
        @(Get-LoopsAudienceSegment -First 5).Count | Should -Be 5
        @(Get-LoopsAudienceSegment -First 22).Count | Should -Be 22
    }

    It 'reads one segment by id' {
        $segment = Get-LoopsAudienceSegment -AudienceSegmentId 'seg_07'

        $segment.Id | Should -Be 'seg_07'
        $segment.Name | Should -Be 'Segment 07'
    }

    It 'reads segments by Id from the pipeline' {
        $again = @(Get-LoopsAudienceSegment -First 2 | Get-LoopsAudienceSegment)
        $again.Count | Should -Be 2
    }

    It 'reports LoopsAudienceSegmentNotFound for an unknown id' {
        Get-LoopsAudienceSegment -AudienceSegmentId 'seg_99' -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LoopsAudienceSegmentNotFound*'
    }
}

Describe 'Get-LoopsCampaignGroup' {
    BeforeEach {
        Reset-TestSandbox
    }

    It 'lists the seeded groups' {
        $groups = @(Get-LoopsCampaignGroup -All)

        $groups.Count | Should -Be 2
        @($groups | ForEach-Object { $_.Id }) | Should -Contain 'grp_unsorted'
        @($groups | ForEach-Object { $_.Id }) | Should -Contain 'grp_launches'
    }

    It 'reads one group by id' {
        $group = Get-LoopsCampaignGroup -CampaignGroupId 'grp_unsorted'

        $group.Name | Should -Be 'Unsorted'
    }

    It 'reports LoopsCampaignGroupNotFound for an unknown id' {
        Get-LoopsCampaignGroup -CampaignGroupId 'grp_missing' -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LoopsCampaignGroupNotFound*'
    }
}

Describe 'New-LoopsCampaignGroup' {
    BeforeEach {
        Reset-TestSandbox
    }

    It 'creates a group that campaigns can be filed in' {
        $group = New-LoopsCampaignGroup -Name 'Newsletters' -Description 'Monthly news'

        $group.GetType().FullName | Should -Be 'CampaignPS.Engine.Loops.LoopsCampaignGroup'
        $group.Id | Should -BeLike 'grp_*'
        $group.Name | Should -Be 'Newsletters'
        $group.Description | Should -Be 'Monthly news'
        @(Get-LoopsCampaignGroup -All).Count | Should -Be 3

        $campaign = New-LoopsCampaign -Name 'March newsletter' -CampaignGroupId $group.Id
        $campaign.CampaignGroupId | Should -Be $group.Id
    }

    It 'creates nothing with -WhatIf' {
        $output = New-LoopsCampaignGroup -Name 'Rehearsal group' -WhatIf

        $output | Should -BeNullOrEmpty
        @(Get-SandboxRequests -Method 'POST' -PathPrefix '/loops/api/v1/campaign-groups').Count | Should -Be 0
        @(Get-LoopsCampaignGroup -All).Count | Should -Be 2
    }

    It 'refuses the reserved name Unsorted as LoopsInvalidName without calling the API' {
        New-LoopsCampaignGroup -Name 'unsorted' -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LoopsInvalidName*'
        $failures[0].TargetObject | Should -Not -BeNullOrEmpty
        @(Get-SandboxRequests -Method 'POST' -PathPrefix '/loops/api/v1/campaign-groups').Count | Should -Be 0
    }

    It 'reports LoopsCampaignGroupExists when the name is taken' {
        New-LoopsCampaignGroup -Name 'Launches' -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LoopsCampaignGroupExists*'
    }

    It 'never writes the key to the verbose stream' {
        $records = New-LoopsCampaignGroup -Name 'Verbose check' -Verbose 4>&1

        @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 0
        ($records | Get-StreamText) | Should -Not -BeLike "*$key*"
    }
}
