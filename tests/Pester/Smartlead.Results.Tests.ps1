# What a launched Smartlead campaign did, against the sandbox (whose figures are counted from the emails it "sent"):
# Get-SmartleadCampaignStatistic, Get-SmartleadCampaignAnalytics and Get-SmartleadAnalytics in every documented shape,
# their errors, bad input refused before anything is sent, and the table views at 80 columns.

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-CampaignPSModule
    $sandbox = Start-TestSandbox
    $null = Connect-TestSmartlead
    $apiPath = '/smartlead/api/v1'
    $yesterday = (Get-Date).Date.AddDays(-1)
    $tomorrow = (Get-Date).Date.AddDays(1)

    # Four leads get step 1: ann replies, bo bounces, cy clicks; then step 2 goes to cy and di.
    function New-ResultsCampaign {
        $campaign = New-TestSmartleadLaunch -Email 'ann@acme.example', 'bo@acme.example', 'cy@acme.example', 'di@acme.example'
        $null = Invoke-SmartleadDelivery -CampaignId $campaign.Id
        Add-SmartleadSandboxEvent -CampaignId $campaign.Id -Email 'ann@acme.example' -Event 'Replied'
        Add-SmartleadSandboxEvent -CampaignId $campaign.Id -Email 'bo@acme.example' -Event 'Bounced'
        Add-SmartleadSandboxEvent -CampaignId $campaign.Id -Email 'cy@acme.example' -Event 'Clicked'
        $null = Invoke-SmartleadDelivery -CampaignId $campaign.Id
        return $campaign
    }
}

AfterAll {
    Disconnect-Smartlead -ErrorAction SilentlyContinue
    Stop-TestSandbox -Sandbox $sandbox
}

Describe 'Get-SmartleadCampaignStatistic' {
    BeforeEach {
        Reset-TestSandbox
        $campaign = New-ResultsCampaign
    }

    It 'writes one row per sent email for a piped campaign: who got which step and what happened' {
        $rows = @($campaign | Get-SmartleadCampaignStatistic -All)

        $rows.Count | Should -Be 6
        $rows[0].GetType().FullName | Should -Be 'CampaignPS.Engine.Smartlead.SmartleadCampaignStatistic'
        $ann = $rows | Where-Object LeadEmail -eq 'ann@acme.example'
        $ann.Replied | Should -Be 1
        $ann.SequenceNumber | Should -Be 1
        $ann.ReplyTime | Should -Not -BeNullOrEmpty
        ($rows | Where-Object LeadEmail -eq 'bo@acme.example').Bounced | Should -Be 1
        @($rows | Where-Object SequenceNumber -eq 2).LeadEmail | Should -Be @('cy@acme.example', 'di@acme.example')
    }

    It 'filters by status, step and sent time as the docs site names them' {
        @(Get-SmartleadCampaignStatistic -CampaignId $campaign.Id -EmailStatus Replied).LeadEmail | Should -Be @('ann@acme.example')
        @(Get-SmartleadCampaignStatistic -CampaignId $campaign.Id -SequenceNumber 2).Count | Should -Be 2
        @(Get-SmartleadCampaignStatistic -CampaignId $campaign.Id -SentBefore (Get-Date).AddDays(-2)).Count | Should -Be 0

        $queries = @(Get-SandboxRequests -Method 'GET' -PathPrefix "$apiPath/campaigns/$($campaign.Id)/statistics").queryString
        ($queries -match 'email_status=replied').Count | Should -Be 1
        ($queries -match 'email_sequence_number=2').Count | Should -Be 1
        ($queries -match 'sent_time_end_date=').Count | Should -Be 1
    }

    It 'reads the per-step and the API reference''s totals answers as count rows' {
        Set-SmartleadStatisticsShape -Shape 'Steps'
        $steps = @(Get-SmartleadCampaignStatistic -CampaignId $campaign.Id)
        Set-SmartleadStatisticsShape -Shape 'Totals'
        $totals = @(Get-SmartleadCampaignStatistic -CampaignId $campaign.Id -All)

        $steps.SequenceNumber | Should -Be @(1, 2)
        $steps.Sent | Should -Be @(4, 2)
        $totals.Count | Should -Be 1
        $totals[0].LeadEmail | Should -BeNullOrEmpty
        $totals[0].Sent | Should -Be 6
        $totals[0].Replied | Should -Be 1
    }

    It 'reports an unknown campaign as SmartleadCampaignNotFound, and refuses bad filters before sending' {
        Get-SmartleadCampaignStatistic -CampaignId 999999 -ErrorAction SilentlyContinue -ErrorVariable unknown
        Clear-SandboxRequestLog

        Get-SmartleadCampaignStatistic -CampaignId $campaign.Id -EmailStatus Sent -ErrorAction SilentlyContinue -ErrorVariable sent
        Get-SmartleadCampaignStatistic -CampaignId $campaign.Id -SequenceNumber 0 -ErrorAction SilentlyContinue -ErrorVariable step
        Get-SmartleadCampaignStatistic -CampaignId $campaign.Id -SentAfter (Get-Date) -SentBefore (Get-Date).AddDays(-1) -ErrorAction SilentlyContinue -ErrorVariable window

        $unknown[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadCampaignNotFound*'
        $sent[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidEmailStatus*'
        $step[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidSequenceNumber*'
        $window[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidSentBefore*'
        @(Get-SandboxRequests -PathPrefix "$apiPath/").Count | Should -Be 0
    }

    It 'shows a table that fits in 80 characters' {
        Get-SmartleadCampaignStatistic -CampaignId $campaign.Id | Get-TableView | Should -Match 'CampaignId\s+LeadEmail\s+Step\s+Sent\s+Opened\s+Replied'
    }
}

Describe 'Get-SmartleadCampaignAnalytics' {
    BeforeEach {
        Reset-TestSandbox
        $campaign = New-ResultsCampaign
    }

    It 'reads the counters of piped campaigns in both documented shapes' {
        foreach ($shape in 'Reference', 'Docs') {
            Set-SmartleadReadShape -Shape $shape
            $analytics = $campaign | Get-SmartleadCampaignAnalytics

            $analytics.GetType().FullName | Should -Be 'CampaignPS.Engine.Smartlead.SmartleadCampaignAnalytics'
            $analytics.CampaignId | Should -Be $campaign.Id
            $analytics.Sent | Should -Be 6
            $analytics.Replied | Should -Be 1
            $analytics.ReplyRate | Should -Be 16.67
        }
    }

    It 'reads a date range from analytics-by-date, with today as the end when -EndDate is left out' {
        $range = Get-SmartleadCampaignAnalytics -CampaignId $campaign.Id -StartDate $yesterday -TimeZone 'Europe/Berlin'
        $before = Get-SmartleadCampaignAnalytics -CampaignId $campaign.Id -StartDate $yesterday.AddDays(-9) -EndDate $yesterday.AddDays(-3)

        $range.Sent | Should -Be 6
        $range.StartDate | Should -Be $yesterday
        $before.Sent | Should -Be 0
        $request = @(Get-SandboxRequests -Method 'GET' -PathPrefix "$apiPath/campaigns/$($campaign.Id)/analytics-by-date")[0]
        $request.queryString | Should -Match ('end_date=' + (Get-Date -Format 'yyyy-MM-dd'))
        $request.queryString | Should -Match 'time_zone=Europe%2FBerlin'
    }

    It 'reports an unknown campaign as SmartleadCampaignNotFound, and refuses a time zone without dates and a backwards range before sending' {
        Get-SmartleadCampaignAnalytics -CampaignId 999999 -ErrorAction SilentlyContinue -ErrorVariable unknown
        Clear-SandboxRequestLog

        Get-SmartleadCampaignAnalytics -CampaignId $campaign.Id -TimeZone 'Europe/Berlin' -ErrorAction SilentlyContinue -ErrorVariable zone
        Get-SmartleadCampaignAnalytics -CampaignId $campaign.Id -StartDate $tomorrow -EndDate $yesterday -ErrorAction SilentlyContinue -ErrorVariable backwards
        Get-SmartleadCampaignAnalytics -CampaignId $campaign.Id -StartDate $yesterday -TimeZone 'Mars/Olympus' -ErrorAction SilentlyContinue -ErrorVariable unknownZone

        $unknown[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadCampaignNotFound*'
        $zone[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidTimeZone*'
        $backwards[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidEndDate*'
        $unknownZone[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidTimeZone*'
        @(Get-SandboxRequests -PathPrefix "$apiPath/").Count | Should -Be 0
    }

    It 'shows a table that fits in 80 characters' {
        Get-SmartleadCampaignAnalytics -CampaignId $campaign.Id | Get-TableView | Should -Match 'CampaignId\s+CampaignName\s+Sent\s+Opened\s+Replied\s+Bounced'
    }
}

Describe 'Get-SmartleadAnalytics' {
    BeforeEach {
        Reset-TestSandbox
        $campaign = New-ResultsCampaign
        $other = New-TestSmartleadLaunch -Email 'eve@globex.example' -Name 'Other'
        $null = Invoke-SmartleadDelivery -CampaignId $other.Id
    }

    It 'gives the account''s total, day by day, per campaign and per mailbox, in both documented shapes' {
        foreach ($shape in 'Reference', 'Docs') {
            Set-SmartleadReadShape -Shape $shape
            $total = Get-SmartleadAnalytics -StartDate $yesterday -EndDate $tomorrow
            $days = @(Get-SmartleadAnalytics -StartDate $yesterday -EndDate $tomorrow -By Day)
            $campaigns = @(Get-SmartleadAnalytics -StartDate $yesterday -EndDate $tomorrow -By Campaign -All)
            $mailboxes = @(Get-SmartleadAnalytics -StartDate $yesterday -EndDate $tomorrow -By Mailbox)

            $total.GetType().FullName | Should -Be 'CampaignPS.Engine.Smartlead.SmartleadAnalyticsSummary'
            $total.Sent | Should -Be 7
            $total.Replied | Should -Be 1
            $days.Count | Should -Be 1
            $days[0].Sent | Should -Be 7
            $campaigns.CampaignId | Should -Be @($other.Id, $campaign.Id)
            $campaigns.Sent | Should -Be @(1, 6)
            ($mailboxes | Measure-Object -Property Sent -Sum).Sum | Should -Be 7
            $mailboxes[0].GetType().FullName | Should -Be 'CampaignPS.Engine.Smartlead.SmartleadMailboxStatistic'
        }
    }

    It 'gathers piped campaigns into one request' {
        Clear-SandboxRequestLog

        $summary = Get-SmartleadCampaign | Where-Object Name -eq 'After launch' | Get-SmartleadAnalytics -StartDate $yesterday -EndDate $tomorrow

        $summary.Sent | Should -Be 6
        $requests = @(Get-SandboxRequests -Method 'GET' -PathPrefix "$apiPath/analytics/overall-stats-v2")
        $requests.Count | Should -Be 1
        $requests[0].queryString | Should -Match "campaign_ids=$($campaign.Id)(&|$)"
    }

    It 'pipes mailbox rows into Get-SmartleadEmailAccount' {
        Set-SmartleadReadShape -Shape 'Reference'

        $accounts = @(Get-SmartleadAnalytics -StartDate $yesterday -EndDate $tomorrow -By Mailbox | Get-SmartleadEmailAccount)

        $accounts.Id | Should -Be @(456, 457)
        $accounts[0].ConnectionStatus | Should -Be 'CONNECTED'
    }

    It 'refuses a backwards range, an unknown time zone and a bad id before sending' {
        Clear-SandboxRequestLog

        Get-SmartleadAnalytics -StartDate $tomorrow -EndDate $yesterday -ErrorAction SilentlyContinue -ErrorVariable backwards
        Get-SmartleadAnalytics -StartDate $yesterday -TimeZone 'Eastern Standard Time' -ErrorAction SilentlyContinue -ErrorVariable zone
        Get-SmartleadAnalytics -StartDate $yesterday -ClientId 0 -ErrorAction SilentlyContinue -ErrorVariable client

        $backwards[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidEndDate*'
        $zone[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidTimeZone*'
        $zone[0].Exception.Message | Should -Match 'IANA'
        $client[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidClientId*'
        @(Get-SandboxRequests -PathPrefix "$apiPath/").Count | Should -Be 0
    }

    It 'shows tables that fit in 80 characters' {
        foreach ($by in 'Total', 'Day', 'Campaign', 'Mailbox') {
            Get-SmartleadAnalytics -StartDate $yesterday -EndDate $tomorrow -By $by | Get-TableView | Should -Match 'Sent'
        }
    }
}
