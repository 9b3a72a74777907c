# Confirmation is uniform: a cmdlet that sends mail or SMS asks as a High-impact change does. It asks once for a
# whole pipeline when the answer is Yes to All (or No to All), and not at all under -Force, -Confirm:$false or
# $ConfirmPreference = 'None'. The cmdlets run in a runspace whose host answers every prompt and counts them.

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-CampaignPSModule
    $sandbox = Start-TestSandbox
    $loops = Connect-TestLoops
    $outbox = Connect-TestOutbox
    $sms = Connect-TestSms
    $manifest = Join-Path -Path (Get-Module -Name 'CampaignPS').ModuleBase -ChildPath 'CampaignPS.psd1'

    if (-not ('CampaignPSTests.AnsweringHost' -as [type])) {
        Add-Type -TypeDefinition @'
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace CampaignPSTests
{
    // A host whose user answers every choice with the first label that starts with Answer ("Yes to All", "Yes", "No to All").
    public sealed class AnsweringHost : PSHost
    {
        private readonly AnsweringUI _ui = new AnsweringUI();
        private readonly Guid _id = Guid.NewGuid();
        public string Answer { get { return _ui.Answer; } set { _ui.Answer = value; } }
        public List<string> Prompts { get { return _ui.Prompts; } }
        public override string Name { get { return "AnsweringHost"; } }
        public override Version Version { get { return new Version(1, 0); } }
        public override Guid InstanceId { get { return _id; } }
        public override PSHostUserInterface UI { get { return _ui; } }
        public override CultureInfo CurrentCulture { get { return CultureInfo.InvariantCulture; } }
        public override CultureInfo CurrentUICulture { get { return CultureInfo.InvariantCulture; } }
        public override void SetShouldExit(int exitCode) { }
        public override void EnterNestedPrompt() { throw new NotSupportedException(); }
        public override void ExitNestedPrompt() { throw new NotSupportedException(); }
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
    }

    public sealed class AnsweringUI : PSHostUserInterface
    {
        public string Answer = "Yes";
        public readonly List<string> Prompts = new List<string>();
        public override PSHostRawUserInterface RawUI { get { return null; } }
        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            Prompts.Add(caption + ": " + message);
            for (int i = 0; i < choices.Count; i++)
            {
                if (choices[i].Label.Replace("&", "").StartsWith(Answer, StringComparison.OrdinalIgnoreCase)) { return i; }
            }
            throw new InvalidOperationException("No choice " + Answer);
        }
        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) { throw new NotSupportedException(); }
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) { throw new NotSupportedException(); }
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) { throw new NotSupportedException(); }
        public override string ReadLine() { throw new NotSupportedException(); }
        public override SecureString ReadLineAsSecureString() { throw new NotSupportedException(); }
        public override void Write(string value) { }
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { }
        public override void WriteLine(string value) { }
        public override void WriteErrorLine(string value) { }
        public override void WriteDebugLine(string message) { }
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override void WriteVerboseLine(string message) { }
        public override void WriteWarningLine(string message) { }
    }
}
'@
    }

    # Runs $Script in a fresh runspace of an answering host; returns the prompts it saw and what the script wrote.
    function Invoke-Answering {
        param(
            [Parameter(Mandatory = $true)] [string] $Script,
            [string] $Answer = 'Yes to All',
            [hashtable] $Arguments = @{}
        )
        $answeringHost = [CampaignPSTests.AnsweringHost]::new()
        $answeringHost.Answer = $Answer
        $runspace = [runspacefactory]::CreateRunspace($answeringHost)
        $runspace.Open()
        try {
            $shell = [powershell]::Create()
            $shell.Runspace = $runspace
            $null = $shell.AddScript("Import-Module -Name '$manifest'")
            $null = $shell.AddStatement()
            $null = $shell.AddScript($Script)
            foreach ($name in $Arguments.Keys) {
                $null = $shell.AddParameter($name, $Arguments[$name])
            }
            $output = @($shell.Invoke())
            $errors = @($shell.Streams.Error)
            $shell.Dispose()
            return [pscustomobject]@{ Prompts = @($answeringHost.Prompts); Output = $output; Errors = $errors }
        }
        finally {
            $runspace.Dispose()
        }
    }

    $scheduleThree = 'param($Connection, $Ids) $Ids | ForEach-Object { [pscustomobject]@{ CampaignId = $_ } } | Set-LoopsCampaign -ScheduleAt (Get-Date).AddDays(1) -Connection $Connection -PassThru'
}

AfterAll {
    Disconnect-Loops -ErrorAction SilentlyContinue
    Disconnect-Outbox -ErrorAction SilentlyContinue
    Disconnect-SmsPlatform -ErrorAction SilentlyContinue
    Stop-TestSandbox -Sandbox $sandbox
}

Describe 'Set-LoopsCampaign -ScheduleAt (sends mail)' {
    BeforeEach {
        Reset-TestSandbox
        # Ready campaigns (an audience and a complete email message), so the readiness check lets each through to the question.
        $ids = @(1..3 | ForEach-Object {
                (New-LoopsCampaign -Name "Scheduled $_" -MailingListId 'list_main' |
                    Set-LoopsEmailMessage -Subject 'Spring' -FromName 'Acme' -FromEmail 'news' -Lmx '<Paragraph>Hi</Paragraph>' -PassThru).CampaignId
            })
    }

    It 'asks once for three piped rows when the answer is Yes to All' {
        $run = Invoke-Answering -Script $scheduleThree -Arguments @{ Connection = $loops; Ids = $ids }

        $run.Errors | Should -BeNullOrEmpty
        $run.Prompts.Count | Should -Be 1
        @($run.Output | Where-Object Status -eq 'Scheduled').Count | Should -Be 3
    }

    It 'asks once and sends none when the answer is No to All' {
        $run = Invoke-Answering -Script $scheduleThree -Answer 'No to All' -Arguments @{ Connection = $loops; Ids = $ids }

        $run.Prompts.Count | Should -Be 1
        $run.Output.Count | Should -Be 0
        @(Get-LoopsCampaign -All | Where-Object Status -eq 'Scheduled').Count | Should -Be 0
    }

    It 'does not ask under $ConfirmPreference = None, -Confirm:$false or -Force' -ForEach @(
        @{ Prefix = '$ConfirmPreference = ''None''; '; Suffix = '' }
        @{ Prefix = ''; Suffix = ' -Confirm:$false' }
        @{ Prefix = ''; Suffix = ' -Force' }
    ) {
        $run = Invoke-Answering -Script ($scheduleThree.Replace('$Ids |', "$Prefix`$Ids |") + $Suffix) -Answer 'Nothing' -Arguments @{ Connection = $loops; Ids = $ids }

        $run.Errors | Should -BeNullOrEmpty
        $run.Prompts.Count | Should -Be 0
        @($run.Output | Where-Object Status -eq 'Scheduled').Count | Should -Be 3
    }

    It 'asks through ShouldProcess alone with -Confirm (one prompt per row unless Yes to All)' {
        $run = Invoke-Answering -Script ($scheduleThree + ' -Confirm') -Arguments @{ Connection = $loops; Ids = $ids }

        $run.Prompts.Count | Should -Be 1
        @($run.Output | Where-Object Status -eq 'Scheduled').Count | Should -Be 3
    }

    It 'does not ask for a change that sends nothing' {
        $run = Invoke-Answering -Script 'param($Connection, $Id) Set-LoopsCampaign -CampaignId $Id -Name Renamed -Connection $Connection -PassThru' -Answer 'Nothing' -Arguments @{ Connection = $loops; Id = $ids[0] }

        $run.Prompts.Count | Should -Be 0
        $run.Output[0].Name | Should -Be 'Renamed'
    }
}

Describe 'New-OutboxCampaign -Status Active and New-SmsCampaign -ScheduleDate' {
    BeforeAll {
        Reset-TestSandbox
        $sender = New-OutboxSender -FromEmail 'jo@example.com' -FromName 'Jo'
    }

    It 'asks once for three active Outbox campaigns with Yes to All, and not at all under $ConfirmPreference = None' {
        $script = 'param($Connection, $Sender, $Preference) $ConfirmPreference = $Preference; 1..3 | ForEach-Object { [pscustomobject]@{ Name = "Active $_" } } | New-OutboxCampaign -SenderIdentityId $Sender -Status Active -Connection $Connection'

        $asked = Invoke-Answering -Script $script -Arguments @{ Connection = $outbox; Sender = $sender.Id; Preference = 'High' }
        $quiet = Invoke-Answering -Script $script -Answer 'Nothing' -Arguments @{ Connection = $outbox; Sender = $sender.Id; Preference = 'None' }

        $asked.Prompts.Count | Should -Be 1
        $asked.Output.Count | Should -Be 3
        $quiet.Prompts.Count | Should -Be 0
        $quiet.Output.Count | Should -Be 3
    }

    It 'asks for a scheduled SMS campaign, and not under $ConfirmPreference = None' {
        $script = 'param($Connection, $Preference) $ConfirmPreference = $Preference; New-SmsCampaign -Name Reminder -Message Hi -ExistingContactId 665f1a0c0e0a4b001a2c9f01 -ScheduleDate (Get-Date).AddDays(1) -Connection $Connection'

        $asked = Invoke-Answering -Script $script -Answer 'Yes' -Arguments @{ Connection = $sms; Preference = 'High' }
        $quiet = Invoke-Answering -Script $script -Answer 'Nothing' -Arguments @{ Connection = $sms; Preference = 'None' }

        $asked.Prompts.Count | Should -Be 1
        $asked.Output.Count | Should -Be 1
        $quiet.Prompts.Count | Should -Be 0
        $quiet.Output.Count | Should -Be 1
    }
}
