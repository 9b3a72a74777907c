# Add-SmartleadLead against the sandbox: Import-Csv streams in batches of 400, column spellings and
# custom fields, one error per bad row (the rest goes on), the summary's counts in both documented
# response shapes, -PassThru, -WhatIf, and a batch that keeps failing reported lead by lead.

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-CampaignPSModule
    $sandbox = Start-TestSandbox
    $null = Connect-TestSmartlead

    $summaryType = 'CampaignPS.Engine.Smartlead.SmartleadLeadImportResult'
    $campaignType = 'CampaignPS.Engine.Smartlead.SmartleadCampaign'

    $workFolder = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('campaignps-smartlead-lead-tests-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $workFolder -Force

    # Writes the rows (objects with the same properties) to a CSV file in the work folder; returns its path.
    function New-LeadCsv {
        param(
            [Parameter(Mandatory = $true)] [string] $FileName,
            [Parameter(Mandatory = $true)] [object[]] $Row
        )
        $path = Join-Path -Path $workFolder -ChildPath $FileName
        $Row | Export-Csv -LiteralPath $path -NoTypeInformation -Encoding utf8
        return $path
    }

    # The add-leads requests the sandbox received for one campaign, oldest first.
    function Get-LeadPost {
        param(
            [Parameter(Mandatory = $true)] [long] $CampaignId
        )
        $route = '/smartlead/api/v1/campaigns/{0}/leads' -f $CampaignId
        return @(Get-SandboxRequests -Method 'POST' -PathPrefix $route)
    }

    # Seven rows: three new leads, one duplicate of the first, two on the global block list (an
    # address and a domain) and one that is not an e-mail address (row 6, refused before sending).
    function New-MixedLeadCsv {
        param(
            [string] $FileName = 'mixed.csv'
        )
        $rows = @(
            [pscustomobject]@{ Email = 'ann@acme.example'; FirstName = 'Ann'; Company = 'Acme' }
            [pscustomobject]@{ Email = 'bo@acme.example'; FirstName = 'Bo'; Company = 'Acme' }
            [pscustomobject]@{ Email = 'ann@acme.example'; FirstName = 'Ann again'; Company = 'Acme' }
            [pscustomobject]@{ Email = 'blocked@example.com'; FirstName = 'Blocked'; Company = 'Example' }
            [pscustomobject]@{ Email = 'cy@blocked.example'; FirstName = 'Cy'; Company = 'Blocked Inc' }
            [pscustomobject]@{ Email = 'not-an-email'; FirstName = 'Broken'; Company = 'Nowhere' }
            [pscustomobject]@{ Email = 'di@globex.example'; FirstName = 'Di'; Company = 'Globex' }
        )
        return New-LeadCsv -FileName $FileName -Row $rows
    }

    # Five valid leads.
    function New-SmallLeadCsv {
        param(
            [string] $FileName = 'small.csv'
        )
        $rows = foreach ($number in 1..5) {
            [pscustomobject]@{ email = ('small{0}@acme.example' -f $number); first_name = ('Small{0}' -f $number); Region = 'EMEA' }
        }
        return New-LeadCsv -FileName $FileName -Row @($rows)
    }
}

AfterAll {
    Disconnect-Smartlead -ErrorAction SilentlyContinue
    Stop-TestSandbox -Sandbox $sandbox
    if ($workFolder -and (Test-Path -LiteralPath $workFolder)) {
        Remove-Item -LiteralPath $workFolder -Recurse -Force -ErrorAction SilentlyContinue
    }
}

Describe 'Add-SmartleadLead from Import-Csv' {
    BeforeEach {
        Reset-TestSandbox
        $campaign = New-SmartleadCampaign -Name 'Lead import'
    }

    It 'streams 1,001 rows in three requests of at most 400, mapping both column spellings and custom fields' {
        $rows = foreach ($number in 1..1001) {
            [pscustomobject]@{
                Email        = 'lead{0:0000}@acme.example' -f $number
                FirstName    = 'First{0}' -f $number
                last_name    = 'Last{0}' -f $number
                company_name = 'Acme'
                Industry     = 'Finance'
                Seniority    = 'CFO'
            }
        }
        $csv = New-LeadCsv -FileName 'thousand.csv' -Row @($rows)

        $summary = Import-Csv -LiteralPath $csv | Add-SmartleadLead -CampaignId $campaign.Id -IgnoreGlobalBlockList:$false

        @($summary).Count | Should -Be 1
        $summary.GetType().FullName | Should -Be $summaryType
        $summary.CampaignId | Should -Be $campaign.Id
        $summary.Received | Should -Be 1001
        $summary.Sent | Should -Be 1001
        $summary.Batches | Should -Be 3
        $summary.Inserted | Should -Be 1001
        $summary.Duplicates | Should -Be 0
        $summary.Blocked | Should -Be 0
        $summary.Rejected | Should -Be 0
        $summary.Failed | Should -Be 0

        $posts = @(Get-LeadPost -CampaignId $campaign.Id)
        $posts.Count | Should -Be 3
        $bodies = @($posts | ForEach-Object { $_.body | ConvertFrom-Json })
        # Batches are in flight together, so they may arrive in any order: the sizes as a multiset, and every lead once.
        (@($bodies | ForEach-Object { @($_.lead_list).Count }) | Sort-Object -Descending) -join ',' | Should -Be '400,400,201'
        $sentEmails = @($bodies | ForEach-Object { @($_.lead_list) } | ForEach-Object { $_.email })
        $sentEmails.Count | Should -Be 1001
        @($sentEmails | Sort-Object -Unique).Count | Should -Be 1001
        Compare-Object -ReferenceObject @($rows.Email) -DifferenceObject $sentEmails | Should -BeNullOrEmpty

        $stored = Get-SmartleadSandboxCampaign -Id $campaign.Id
        $stored.leadCount | Should -Be 1001
        $stored.leadPostCount | Should -Be 3

        # FirstName and last_name both reach Smartlead's first_name / last_name; the rest are custom fields.
        $first = @($bodies | ForEach-Object { @($_.lead_list) } | Where-Object { $_.email -eq 'lead0001@acme.example' })[0]
        $first.email | Should -Be 'lead0001@acme.example'
        $first.first_name | Should -Be 'First1'
        $first.last_name | Should -Be 'Last1'
        $first.company_name | Should -Be 'Acme'
        $first.custom_fields.Industry | Should -Be 'Finance'
        $first.custom_fields.Seniority | Should -Be 'CFO'
        $sentFields = @($first.PSObject.Properties | ForEach-Object { $_.Name })
        ($sentFields -contains 'FirstName') | Should -BeFalse
        ($sentFields -contains 'Industry') | Should -BeFalse
        # Each batch keeps the input order of its rows: the batch that holds the last row ends with it.
        $lastBatch = @($bodies | Where-Object { @($_.lead_list).email -contains 'lead1001@acme.example' })[0]
        @($lastBatch.lead_list)[-1].email | Should -Be 'lead1001@acme.example'

        # -IgnoreGlobalBlockList:$false sends false (the API reference's settings names), and nothing else is sent.
        $bodies[0].settings.ignore_global_block_list | Should -BeFalse
        @($bodies[0].settings.PSObject.Properties.Name) -join ',' | Should -Be 'ignore_global_block_list'
    }

    It 'sends location, linkedin_profile and company_url in custom_fields (the reference has no such lead fields) and no settings unless given' {
        $rows = @([pscustomobject]@{ email = 'ana@acme.example'; first_name = 'Ana'; website = 'acme.example'; location = 'Lisbon'; LinkedInProfile = 'https://linkedin.example/ana'; company_url = 'https://acme.example' })
        $csv = New-LeadCsv -FileName 'reference-fields.csv' -Row $rows

        $summary = Import-Csv -LiteralPath $csv | Add-SmartleadLead -CampaignId $campaign.Id

        $summary.Inserted | Should -Be 1
        $body = @(Get-LeadPost -CampaignId $campaign.Id)[0].body | ConvertFrom-Json
        $lead = @($body.lead_list)[0]
        @($lead.PSObject.Properties.Name) -join ',' | Should -Be 'email,first_name,website,custom_fields'
        $lead.custom_fields.location | Should -Be 'Lisbon'
        $lead.custom_fields.LinkedInProfile | Should -Be 'https://linkedin.example/ana'
        $lead.custom_fields.company_url | Should -Be 'https://acme.example'
        $body.PSObject.Properties.Name | Should -Not -Contain 'settings'
    }

    It 'reports each row Smartlead skipped (docs shape: skipped_leads) as an error with its CSV row as TargetObject' {
        Set-SmartleadLeadsResponseShape -Shape 'Docs'
        $csv = New-MixedLeadCsv

        $summary = Import-Csv -LiteralPath $csv |
            Add-SmartleadLead -CampaignId $campaign.Id -ErrorAction SilentlyContinue -ErrorVariable notAdded

        $summary.Inserted | Should -Be 3
        @($notAdded | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] }) -join ',' |
            Should -Be 'SmartleadInvalidEmail,SmartleadLeadDuplicate,SmartleadLeadBlocked,SmartleadLeadBlocked'
        @($notAdded | ForEach-Object { $_.TargetObject.FirstName }) -join ',' | Should -Be 'Broken,Ann again,Blocked,Cy'
        $notAdded[1].CategoryInfo.Category.ToString() | Should -Be 'ResourceExists'
        $notAdded[2].Exception.Message | Should -BeLike '*row 4: blocked@example.com*-IgnoreGlobalBlockList*'
        # Exactly the rows that were not added: what the README's retry.csv holds.
        $retry = Join-Path -Path $workFolder -ChildPath 'retry.csv'
        $notAdded | ForEach-Object TargetObject | Export-Csv -LiteralPath $retry -NoTypeInformation
        @(Import-Csv -LiteralPath $retry).Email -join ',' | Should -Be 'not-an-email,ann@acme.example,blocked@example.com,cy@blocked.example'
    }

    It 'writes duplicates as warnings, not errors, with -DuplicateAsWarning' {
        Set-SmartleadLeadsResponseShape -Shape 'Docs'
        $csv = New-MixedLeadCsv

        $null = Import-Csv -LiteralPath $csv |
            Add-SmartleadLead -CampaignId $campaign.Id -DuplicateAsWarning -ErrorAction SilentlyContinue -ErrorVariable notAdded -WarningAction SilentlyContinue -WarningVariable duplicates

        @($notAdded | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] }) -join ',' | Should -Be 'SmartleadInvalidEmail,SmartleadLeadBlocked,SmartleadLeadBlocked'
        @($duplicates).Count | Should -Be 1
        "$($duplicates[0])" | Should -BeLike '*row 3: ann@acme.example*'
    }

    It 'reports each row of a batch the reference shape counts as all skipped, and a partly added batch as one error holding the batch' {
        $csv = New-SmallLeadCsv
        $null = Import-Csv -LiteralPath $csv | Add-SmartleadLead -CampaignId $campaign.Id

        $null = Import-Csv -LiteralPath $csv | Add-SmartleadLead -CampaignId $campaign.Id -ErrorAction SilentlyContinue -ErrorVariable allDuplicates
        $mixed = Import-Csv -LiteralPath (New-MixedLeadCsv) | Add-SmartleadLead -CampaignId $campaign.Id -ErrorAction SilentlyContinue -ErrorVariable partly

        @($allDuplicates | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] } | Sort-Object -Unique) | Should -Be 'SmartleadLeadDuplicate'
        @($allDuplicates | ForEach-Object { $_.TargetObject.email }) -join ',' | Should -Be ((1..5 | ForEach-Object { 'small{0}@acme.example' -f $_ }) -join ',')
        $mixed.Inserted | Should -Be 3
        @($partly).Count | Should -Be 2
        $partly[1].FullyQualifiedErrorId | Should -BeLike 'SmartleadLeadsNotAdded*'
        $partly[1].Exception.Message | Should -BeLike '*3 of the 6 leads*1 duplicates, 2 blocked*'
        @($partly[1].TargetObject).Count | Should -Be 6
    }

    It 'reports a row without a valid e-mail as one error naming the row, with the CSV row as TargetObject, and adds the rest' {
        $rows = @(
            [pscustomobject]@{ Email = 'one@acme.example'; FirstName = 'One' }
            [pscustomobject]@{ Email = 'two@acme.example'; FirstName = 'Two' }
            [pscustomobject]@{ Email = 'not-an-email'; FirstName = 'Broken' }
            [pscustomobject]@{ Email = 'four@acme.example'; FirstName = 'Four' }
            [pscustomobject]@{ Email = 'five@acme.example'; FirstName = 'Five' }
        )
        $csv = New-LeadCsv -FileName 'one-bad-row.csv' -Row $rows

        $summary = Import-Csv -LiteralPath $csv |
            Add-SmartleadLead -CampaignId $campaign.Id -ErrorAction SilentlyContinue -ErrorVariable leadErrors

        $leadErrors.Count | Should -Be 1
        $leadErrors[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidEmail*'
        $leadErrors[0].CategoryInfo.Category.ToString() | Should -Be 'InvalidArgument'
        $leadErrors[0].Exception.Message | Should -BeLike '*row 3 *'
        $leadErrors[0].Exception.Message | Should -BeLike '*not-an-email*'
        $leadErrors[0].TargetObject | Should -Not -BeNullOrEmpty
        $leadErrors[0].TargetObject.Email | Should -Be 'not-an-email'
        $leadErrors[0].TargetObject.FirstName | Should -Be 'Broken'

        $summary.Received | Should -Be 5
        $summary.Rejected | Should -Be 1
        $summary.Sent | Should -Be 4
        $summary.Inserted | Should -Be 4

        $posts = @(Get-LeadPost -CampaignId $campaign.Id)
        $posts.Count | Should -Be 1
        (@(($posts[0].body | ConvertFrom-Json).lead_list) | ForEach-Object { $_.email }) -join ',' |
            Should -Be 'one@acme.example,two@acme.example,four@acme.example,five@acme.example'
        (Get-SmartleadSandboxCampaign -Id $campaign.Id).leadCount | Should -Be 4
    }

    It 'reports a row with an empty e-mail the same way' {
        $rows = @(
            [pscustomobject]@{ Email = 'one@acme.example'; FirstName = 'One' }
            [pscustomobject]@{ Email = ''; FirstName = 'No address' }
        )
        $csv = New-LeadCsv -FileName 'empty-email.csv' -Row $rows

        $summary = Import-Csv -LiteralPath $csv |
            Add-SmartleadLead -CampaignId $campaign.Id -ErrorAction SilentlyContinue -ErrorVariable leadErrors

        $leadErrors.Count | Should -Be 1
        $leadErrors[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidEmail*'
        $leadErrors[0].Exception.Message | Should -BeLike '*row 2 *'
        $leadErrors[0].TargetObject.FirstName | Should -Be 'No address'
        $summary.Inserted | Should -Be 1
        $summary.Rejected | Should -Be 1
    }

    It 'counts inserted, duplicate, blocked and rejected leads in the summary' {
        $csv = New-MixedLeadCsv

        $summary = Import-Csv -LiteralPath $csv |
            Add-SmartleadLead -CampaignId $campaign.Id -IgnoreGlobalBlockList:$false -ErrorAction SilentlyContinue -ErrorVariable leadErrors

        $leadErrors.Count | Should -Be 2
        $leadErrors[0].TargetObject.Email | Should -Be 'not-an-email'
        $leadErrors[1].FullyQualifiedErrorId | Should -BeLike 'SmartleadLeadsNotAdded*'

        $summary.Received | Should -Be 7
        $summary.Rejected | Should -Be 1
        $summary.Sent | Should -Be 6
        $summary.Batches | Should -Be 1
        $summary.Inserted | Should -Be 3
        $summary.Duplicates | Should -Be 1
        $summary.Blocked | Should -Be 2
        $summary.Invalid | Should -Be 0
        $summary.Failed | Should -Be 0
        (Get-SmartleadSandboxCampaign -Id $campaign.Id).leadCount | Should -Be 3
    }

    It 'adds blocked leads with -IgnoreGlobalBlockList' {
        $csv = New-MixedLeadCsv

        $summary = Import-Csv -LiteralPath $csv |
            Add-SmartleadLead -CampaignId $campaign.Id -IgnoreGlobalBlockList -ErrorAction SilentlyContinue

        $summary.Inserted | Should -Be 5
        $summary.Blocked | Should -Be 0
        $posts = @(Get-LeadPost -CampaignId $campaign.Id)
        ($posts[0].body | ConvertFrom-Json).settings.ignore_global_block_list | Should -BeTrue
    }

    It 'gives the same summary whichever documented response shape Smartlead sends' {
        $csv = New-MixedLeadCsv

        $fromSpec = Import-Csv -LiteralPath $csv |
            Add-SmartleadLead -CampaignId $campaign.Id -IgnoreGlobalBlockList:$false -ErrorAction SilentlyContinue

        # Start again from an empty sandbox, so that the same leads are not duplicates of the first run.
        Reset-TestSandbox
        Set-SmartleadLeadsResponseShape -Shape 'Docs'
        $second = New-SmartleadCampaign -Name 'Lead import, docs shape'

        $fromDocs = Import-Csv -LiteralPath $csv |
            Add-SmartleadLead -CampaignId $second.Id -IgnoreGlobalBlockList:$false -ErrorAction SilentlyContinue

        $fromSpec.Inserted | Should -Be 3
        foreach ($name in @('Received', 'Rejected', 'Sent', 'Batches', 'Inserted', 'Duplicates', 'Blocked', 'Invalid', 'Failed')) {
            $fromDocs.$name | Should -Be $fromSpec.$name -Because "$name must not depend on the response shape"
        }
    }

    It 'writes the campaign, not the summary, with -PassThru (the summary goes to the information stream)' {
        $csv = New-SmallLeadCsv

        $output = @(Import-Csv -LiteralPath $csv |
                Add-SmartleadLead -CampaignId $campaign.Id -PassThru -InformationVariable importInformation)

        $output.Count | Should -Be 1
        $output[0].GetType().FullName | Should -Be $campaignType
        $output[0].Id | Should -Be $campaign.Id
        $output[0].Name | Should -Be 'Lead import'

        $summaries = @($importInformation | Where-Object { $null -ne $_.MessageData -and $_.MessageData.GetType().FullName -eq $summaryType })
        $summaries.Count | Should -Be 1
        $summaries[0].MessageData.Inserted | Should -Be 5
        (Get-SmartleadSandboxCampaign -Id $campaign.Id).leadCount | Should -Be 5
    }

    It 'takes the campaign from the pipeline and the leads from -Lead (hashtables and objects)' {
        $leads = @(
            @{ email = 'hash@acme.example'; first_name = 'Hash'; Team = 'Finance' }
            [pscustomobject]@{ Email = 'object@acme.example'; FirstName = 'Object' }
        )

        $summary = $campaign | Add-SmartleadLead -Lead $leads

        $summary.CampaignId | Should -Be $campaign.Id
        $summary.Inserted | Should -Be 2
        $posts = @(Get-LeadPost -CampaignId $campaign.Id)
        $posts.Count | Should -Be 1
        $sent = @(($posts[0].body | ConvertFrom-Json).lead_list)
        ($sent | Where-Object { $_.email -eq 'hash@acme.example' }).custom_fields.Team | Should -Be 'Finance'
        ($sent | Where-Object { $_.email -eq 'object@acme.example' }).first_name | Should -Be 'Object'
    }

    It 'sends nothing with -WhatIf' {
        $csv = New-SmallLeadCsv

        $result = Import-Csv -LiteralPath $csv | Add-SmartleadLead -CampaignId $campaign.Id -WhatIf

        $result | Should -BeNullOrEmpty
        @(Get-LeadPost -CampaignId $campaign.Id).Count | Should -Be 0
        (Get-SmartleadSandboxCampaign -Id $campaign.Id).leadCount | Should -Be 0
    }

    It 'reports every lead of a batch that keeps failing, each with its CSV row as TargetObject' {
        $csv = New-SmallLeadCsv
        $route = '/smartlead/api/v1/campaigns/{0}/leads' -f $campaign.Id
        $null = Add-SandboxFault -PathPrefix $route -Method 'POST' -StatusCode 500 -Times -1

        # The client retries the batch (add-leads is safe to repeat) and then gives up; that takes a few seconds.
        $summary = Import-Csv -LiteralPath $csv |
            Add-SmartleadLead -CampaignId $campaign.Id -ErrorAction SilentlyContinue -ErrorVariable leadErrors

        $leadErrors.Count | Should -Be 5
        foreach ($index in 0..4) {
            $expectedEmail = 'small{0}@acme.example' -f ($index + 1)
            $leadErrors[$index].FullyQualifiedErrorId | Should -BeLike 'SmartleadServerError*'
            $leadErrors[$index].CategoryInfo.Category.ToString() | Should -Be 'ResourceUnavailable'
            $leadErrors[$index].TargetObject | Should -Not -BeNullOrEmpty
            $leadErrors[$index].TargetObject.email | Should -Be $expectedEmail
            $leadErrors[$index].Exception.Message | Should -BeLike ('*row {0}: {1}*' -f ($index + 1), $expectedEmail)
        }

        $summary | Should -Not -BeNullOrEmpty
        $summary.Received | Should -Be 5
        $summary.Failed | Should -Be 5
        $summary.Inserted | Should -Be 0
        # The batch went out (and was refused every time): counted as sent, in one batch, with every request it took.
        $summary.Sent | Should -Be 5
        $summary.Batches | Should -Be 1
        $summary.Attempts | Should -BeGreaterThan 1

        # Every attempt was answered with the fault; none reached the handler.
        $posts = @(Get-LeadPost -CampaignId $campaign.Id)
        $posts.Count | Should -BeGreaterThan 1
        @($posts | Where-Object { $_.statusCode -ne 500 }).Count | Should -Be 0
        (Get-SmartleadSandboxCampaign -Id $campaign.Id).leadCount | Should -Be 0
    }
}
