# Tether for runbooks (issue 15): Connect-SmsPlatform -SignInCredential (login, renewal before expiry and after a
# 401, sign-in again when the refresh is refused; -Credential still means "the password is the JWT"),
# Set-SmsCampaign, Remove-SmsCampaign and Get-SmsAutoSegment against the sandbox.

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-CampaignPSModule
    $sandbox = Start-TestSandbox
    $token = Get-SandboxKey -Platform 'Sms'
    $email = 'alex.rep@example.com'
    $password = 'sandbox sms pass 1!'
    $signIn = [pscredential]::new($email, (ConvertTo-SecureString -String $password -AsPlainText -Force))
    $samId = '665f1a0c0e0a4b001a2c9f01'

    function Get-AuthCount { Invoke-SandboxControl -Method Get -Route 'sms/auth' }
    function New-Draft { New-SmsCampaign -Name "Draft $([guid]::NewGuid().ToString('N').Substring(0, 6))" -Message 'Hi' -ExistingContactId $samId }
}

AfterAll {
    Disconnect-SmsPlatform -ErrorAction SilentlyContinue
    Stop-TestSandbox -Sandbox $sandbox
}

Describe 'Connect-SmsPlatform -SignInCredential' {
    BeforeEach {
        Disconnect-SmsPlatform -ErrorAction SilentlyContinue
        Reset-TestSandbox
    }

    It 'signs in with the e-mail and password, names the account, and keeps the fixed-token sets apart' {
        $connection = Connect-SmsPlatform -BaseUri $sandbox.SmsUri -SignInCredential $signIn -PassThru

        $connection.Account | Should -Be $email
        $connection.KeySource | Should -Be 'SignInCredential'
        (Get-AuthCount).signIns | Should -Be 1
        $sets = (Get-Command Connect-SmsPlatform).ParameterSets.Name
        $sets | Should -Contain 'SignIn'
        $sets | Should -Contain 'Credential'
        { Connect-SmsPlatform -BaseUri $sandbox.SmsUri -SignInCredential $signIn -Credential $signIn -ErrorAction Stop } | Should -Throw -ErrorId 'AmbiguousParameterSet*'
    }

    It 'renews an expired token without reconnecting: refresh after a 401, sign-in again when the refresh is refused' {
        $null = Connect-SmsPlatform -BaseUri $sandbox.SmsUri -SignInCredential $signIn
        $draft = New-Draft

        $null = Invoke-SandboxControl -Method Post -Route 'sms/tokens/expire'
        (Get-SmsCampaign -CampaignId $draft.Id).Id | Should -Be $draft.Id
        $null = Invoke-SandboxControl -Method Post -Route 'sms/tokens/expire?refresh=true'
        (Get-SmsCampaign -CampaignId $draft.Id).Id | Should -Be $draft.Id

        $auth = Get-AuthCount
        $auth.refreshes | Should -Be 1
        $auth.signIns | Should -Be 2
    }

    It 'renews a token shortly before it expires, so no request is refused' {
        $null = Invoke-SandboxControl -Method Put -Route 'sms/token-lifetime' -Body @{ seconds = 30 }
        $null = Connect-SmsPlatform -BaseUri $sandbox.SmsUri -SignInCredential $signIn
        $null = Get-SmsCampaign
        $null = Get-SmsCampaign

        (Get-AuthCount).refreshes | Should -BeGreaterOrEqual 1
        @(Get-SandboxRequests | Where-Object { $_.platform -eq 'sms' -and $_.statusCode -eq 401 }).Count | Should -Be 0
    }

    It 'reports a wrong password as SmsSignInRefused and never shows password or token' {
        $wrong = [pscredential]::new($email, (ConvertTo-SecureString -String 'not the password' -AsPlainText -Force))

        $failure = $null
        try { Connect-SmsPlatform -BaseUri $sandbox.SmsUri -SignInCredential $wrong -Verbose 4>&1 | Out-Null } catch { $failure = $_ }

        $failure.FullyQualifiedErrorId | Should -BeLike 'SmsSignInRefused*'
        ($failure | Out-String) | Should -Not -BeLike '*not the password*'
        $null = Connect-SmsPlatform -BaseUri $sandbox.SmsUri -SignInCredential $signIn
        $records = Get-SmsCampaign -Verbose 4>&1
        $bearer = (Get-SandboxRequests | Where-Object platform -eq 'sms' | Select-Object -Last 1)
        $text = ($records | Get-StreamText) + (Get-CampaignConnection | Format-List * | Out-String)
        $text | Should -Not -BeLike "*$password*"
        $text | Should -Not -BeLike '*eyJ*'
    }

    It 'refuses a user name that is not an e-mail address before any request' {
        $bad = [pscredential]::new('alex', (ConvertTo-SecureString -String $password -AsPlainText -Force))
        { Connect-SmsPlatform -BaseUri $sandbox.SmsUri -SignInCredential $bad -ErrorAction Stop } | Should -Throw -ErrorId 'SmsInvalidEmail*'
        @(Get-SandboxRequests | Where-Object platform -eq 'sms').Count | Should -Be 0
    }

    It 'still takes -Credential as a PSCredential whose password is the JWT' {
        $jwt = [pscredential]::new('ignored', (ConvertTo-SecureString -String $token -AsPlainText -Force))
        $connection = Connect-SmsPlatform -BaseUri $sandbox.SmsUri -Credential $jwt -PassThru

        $connection.KeySource | Should -Be 'Credential'
        (Get-AuthCount).signIns | Should -Be 0
    }
}

Describe 'Set-SmsCampaign, Remove-SmsCampaign and Get-SmsAutoSegment' {
    BeforeAll {
        Disconnect-SmsPlatform -ErrorAction SilentlyContinue
        $null = Connect-TestSms
    }

    BeforeEach { Reset-TestSandbox }

    It 'changes a draft''s name and message; writes the campaign only with -PassThru' {
        $draft = New-Draft

        $quiet = $draft | Set-SmsCampaign -Name 'Renamed'
        $changed = $draft | Set-SmsCampaign -Message 'Hello {{firstName}}' -PassThru

        $quiet | Should -BeNullOrEmpty
        $changed.Name | Should -Be 'Renamed'
        $changed.Message | Should -Be 'Hello {{firstName}}'
    }

    It 'asks before a new send time (it texts people) and changes nothing with -WhatIf' {
        $draft = New-Draft
        $at = (Get-Date).AddDays(2)

        $draft | Set-SmsCampaign -ScheduleDate $at -WhatIf
        (Get-SmsCampaign -CampaignId $draft.Id).ScheduleDate | Should -BeNullOrEmpty
        $scheduled = $draft | Set-SmsCampaign -ScheduleDate $at -Force -PassThru
        $scheduled.ScheduleDate | Should -Not -BeNullOrEmpty
    }

    It 'refuses a sent campaign as SmsCampaignNotEditable, and bad input before any request' {
        $draft = New-Draft
        $draft | Send-SmsCampaign -Force
        { $draft | Set-SmsCampaign -Name 'Too late' -ErrorAction Stop } | Should -Throw -ErrorId 'SmsCampaignNotEditable*'

        Clear-SandboxRequestLog
        { Set-SmsCampaign -CampaignId $draft.Id -ErrorAction Stop } | Should -Throw -ErrorId 'SmsInvalidChanges*'
        { Set-SmsCampaign -CampaignId $draft.Id -ScheduleDate (Get-Date).AddHours(-1) -Force -ErrorAction Stop } | Should -Throw -ErrorId 'SmsInvalidScheduleDate*'
        { Set-SmsCampaign -CampaignId $draft.Id -Message 'Hi {{company}}' -ErrorAction Stop } | Should -Throw -ErrorId 'SmsInvalidMessage*'
        @(Get-SandboxRequests | Where-Object platform -eq 'sms').Count | Should -Be 0
    }

    It 'Remove-SmsCampaign is High impact, deletes with -Force, keeps it with -WhatIf, and reports a missing one' {
        (Get-Command Remove-SmsCampaign).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
        $keep = New-Draft
        $doomed = New-Draft

        $keep | Remove-SmsCampaign -WhatIf
        $doomed | Remove-SmsCampaign -Force

        @(Get-SmsCampaign | ForEach-Object Id) | Should -Be @($keep.Id)
        { Remove-SmsCampaign -CampaignId $doomed.Id -Force -ErrorAction Stop } | Should -Throw -ErrorId 'SmsCampaignNotFound*'
    }

    It 'Get-SmsAutoSegment writes one segment per day of up to 100 contacts' {
        $segments = @(Get-SmsAutoSegment -ContactCount 250 -FirstSegmentDate '2030-05-20' -FirstSegmentTime '10:00')

        $segments.Count | Should -Be 3
        $segments[0].GetType().FullName | Should -Be 'CampaignPS.Engine.Sms.SmsCampaignSegment'
        @($segments | ForEach-Object ContactCount) | Should -Be @(100, 100, 50)
        $segments[2].ScheduledDate.UtcDateTime | Should -Be ([datetime]::new(2030, 5, 22, 10, 0, 0, [DateTimeKind]::Utc))
        { Get-SmsAutoSegment -ContactCount 0 -FirstSegmentDate '2030-05-20' -FirstSegmentTime '10:00' -ErrorAction Stop } | Should -Throw -ErrorId 'SmsInvalidTotalContacts*'
    }
}
