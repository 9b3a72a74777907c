# No input crashes a cmdlet. Every parameter of every exported cmdlet gets hostile values ($null, empty, white
# space, arrays with $null, huge, control characters, path tricks), with the other mandatory parameters set to
# ordinary values, against the sandbox. Each call must succeed or fail with a named error: a CampaignPS ErrorId
# (<Platform>... or CampaignJournal...) or PowerShell's own parameter-binding errors. A .NET exception escaping a cmdlet (a
# NullReferenceException, an ArgumentNullException, CampaignPSUnexpectedError) is a crash.

BeforeDiscovery {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    $cmdlets = @((Read-ModuleManifest).CmdletsToExport | ForEach-Object { @{ Name = $_ } })
}

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-CampaignPSModule
    $sandbox = Start-TestSandbox
    $workFolder = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('campaignps-fuzz-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $workFolder -Force
    $lmxFile = Join-Path -Path $workFolder -ChildPath 'body.lmx'
    Set-Content -LiteralPath $lmxFile -Value '<Paragraph>Hi</Paragraph>'
    $definitionFile = Join-Path -Path $workFolder -ChildPath 'definition.json'
    Set-Content -LiteralPath $definitionFile -Value '{ "kind": "SmartleadCampaign", "schemaVersion": 1, "name": "Fuzz" }'
    $loopsDefinitionFile = Join-Path -Path $workFolder -ChildPath 'loops-definition.json'
    Set-Content -LiteralPath $loopsDefinitionFile -Value '{ "kind": "LoopsCampaign", "schemaVersion": 1, "name": "Fuzz", "emailMessage": { "subject": "Hi" } }'
    # Cmdlets that write files (Export-*, -Journal) write them under the work folder, never into the repository.
    Push-Location -LiteralPath $workFolder

    $hostile = [ordered]@{
        'null'          = $null
        'empty'         = ''
        'white space'   = '   '
        'array of null' = @($null)
        'empty array'   = @()
        'huge'          = ('x' * 70000)
        'control chars' = "a`r`nb`0c`t"
        'path trick'    = '../../x%2e%2e/?y#z'
    }

    # Ordinary values for the parameters a call needs besides the one under test.
    $ordinary = @{
        Name              = 'Fuzz'
        CampaignId        = '1'
        EmailMessageId    = 'em_fuzz'
        AudienceSegmentId = 'seg_fuzz'
        AudienceFilter    = @{ match = 'all'; conditions = @() }
        Lmx               = '<Paragraph>Hi</Paragraph>'
        LmxPath           = $lmxFile
        Message           = 'Hi'
        Step              = @(@{ Subject = 'Hello'; Body = 'Hi there'; DelayDays = 0 })
        Lead              = @(@{ email = 'fuzz@acme.example' })
        Contact           = @(@{ email = 'fuzz@acme.example'; phoneNumber = '+14155550100' })
        EmailAccountId    = @(1)
        TimeZone          = 'Europe/Berlin'
        Day               = @('Monday')
        StartHour         = 9
        EndHour           = 17
        FromEmail         = 'fuzz@acme.example'
        Path              = 'campaigns'
        Credential        = [pscredential]::new('user', (ConvertTo-SecureString -String 'sandbox-loops-key' -AsPlainText -Force))
        LeadId            = 1
        WebhookId         = 1
        CategoryId        = 1
        StartDate         = (Get-Date).AddDays(-1)
        Email             = @('fuzz@acme.example')
        Filter            = @{ match = 'all'; conditions = @() }
        CampaignGroupId   = 'grp_fuzz'
        FirstSegmentDate  = (Get-Date).AddDays(1)
        FirstSegmentTime  = [timespan]'09:00'
        Definition        = $definitionFile
        Platform          = 'Loops'
    }

    # Ordinary values that differ by cmdlet: each Sync-*Campaign gets a valid definition of its own kind.
    $ordinaryFor = @{
        'Sync-LoopsCampaign' = @{ Definition = $loopsDefinitionFile }
    }

    # PowerShell's own binding and validation errors are named errors too.
    $namedPowerShellErrors = '^(ParameterArgument|ParameterBinding|CannotConvertArgument|MissingArgument|PositionalParameterNotFound|AmbiguousParameterSet|InputObjectNotBound|NamedParameterNotFound|CannotIndex|ArgumentNull|Argument)'
    $crashTypes = @('System.NullReferenceException', 'System.ArgumentNullException', 'System.InvalidCastException', 'System.IndexOutOfRangeException',
        'System.ArgumentOutOfRangeException', 'System.FormatException', 'System.OverflowException', 'System.Collections.Generic.KeyNotFoundException', 'System.UriFormatException')

    function Get-CallProblem {
        param($Record)
        $exception = if ($Record -is [System.Management.Automation.ErrorRecord]) { $Record.Exception } else { $Record }
        $errorId = if ($Record -is [System.Management.Automation.ErrorRecord]) { $Record.FullyQualifiedErrorId } else { '' }
        $type = $exception.GetType().FullName
        if ($errorId -like 'CampaignPSUnexpectedError*') {
            return "unexpected error: $($exception.Message)"
        }
        if ($crashTypes -contains $type -and $errorId -notmatch '^(Loops|Smartlead|Outbox|Sms|CampaignJournal)' -and $errorId -notmatch $namedPowerShellErrors) {
            return "$type escaped: $($exception.Message)"
        }
        if ($errorId -and $errorId -notmatch '^(Loops|Smartlead|Outbox|Sms|CampaignJournal|ConnectionClosed)' -and $errorId -notmatch $namedPowerShellErrors -and $errorId -notmatch ',Microsoft.PowerShell|^RuntimeException|ParameterBindingValidationException|ParameterBindingArgumentTransformationException') {
            return "unnamed error '$errorId' ($type): $($exception.Message)"
        }
        return $null
    }

    function Connect-Everything {
        $null = Connect-TestLoops
        $null = Connect-TestSmartlead
        $null = Connect-TestOutbox
        $null = Connect-TestSms
    }
}

AfterAll {
    Pop-Location
    Get-CampaignConnection | ForEach-Object { $_.Dispose() }
    Stop-TestSandbox -Sandbox $sandbox
    Remove-Item -LiteralPath $workFolder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe '<Name> with hostile values' -ForEach $cmdlets {
    BeforeAll {
        Reset-TestSandbox
        Connect-Everything
        $command = Get-Command -Name $Name
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
    }

    It 'fails with a named error or succeeds, whatever a parameter holds' {
        $problems = [System.Collections.Generic.List[string]]::new()
        foreach ($parameter in $command.Parameters.Values) {
            if ($common -contains $parameter.Name -or $parameter.Name -eq 'Connection' -or $parameter.SwitchParameter) {
                continue
            }

            $sets = @($parameter.ParameterSets.Keys | ForEach-Object { if ($_ -eq '__AllParameterSets') { $command.DefaultParameterSet } else { $_ } } | Where-Object { $_ } | Select-Object -Unique)
            if ($sets.Count -eq 0) {
                $sets = @($command.ParameterSets[0].Name)
            }
            $set = $command.ParameterSets | Where-Object { $_.Name -eq $sets[0] } | Select-Object -First 1
            if ($null -eq $set) {
                $set = $command.ParameterSets[0]
            }

            # A [Credential] parameter turns a string into a Get-Credential prompt, as PowerShell defines it: only $null there.
            $cases = if ($parameter.ParameterType -eq [pscredential]) { @($hostile.GetEnumerator() | Where-Object { $_.Key -eq 'null' }) } else { @($hostile.GetEnumerator()) }
            foreach ($case in $cases) {
                $arguments = @{}
                foreach ($required in @($set.Parameters | Where-Object { $_.IsMandatory -and $_.Name -ne $parameter.Name })) {
                    if ($ordinaryFor.ContainsKey($Name) -and $ordinaryFor[$Name].ContainsKey($required.Name)) {
                        $arguments[$required.Name] = $ordinaryFor[$Name][$required.Name]
                    }
                    elseif ($ordinary.ContainsKey($required.Name)) {
                        $arguments[$required.Name] = $ordinary[$required.Name]
                    }
                }
                $arguments[$parameter.Name] = $case.Value
                if ($command.Parameters.ContainsKey('Confirm')) {
                    $arguments['Confirm'] = $false
                }
                if ($command.Parameters.ContainsKey('Force') -and $parameter.Name -ne 'Force') {
                    $arguments['Force'] = $true
                }

                $label = '-{0} {1}' -f $parameter.Name, $case.Key
                $errors = @()
                try {
                    $null = & $Name @arguments -ErrorAction SilentlyContinue -ErrorVariable +errors -WarningAction SilentlyContinue -InformationAction SilentlyContinue 3>$null 6>$null
                }
                catch {
                    $errors += $_
                }

                foreach ($record in $errors) {
                    $problem = Get-CallProblem -Record $record
                    if ($problem) {
                        $problems.Add("$label -> $problem")
                    }
                }

                # A Connect-* or Disconnect-* under test may have replaced or closed the connections: start afresh.
                if ($Name -like 'Connect-*' -or $Name -like 'Disconnect-*') {
                    Connect-Everything
                }
            }
        }

        $problems | Should -BeNullOrEmpty
    }
}
