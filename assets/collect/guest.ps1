# guestram: collect the diagnostics of this Windows guest VM.
# Windows PowerShell 5.1 (or PowerShell 7), no modules to install. Run it inside the guest, as administrator:
#
#   powershell.exe -NoProfile -ExecutionPolicy Bypass -File .\guestram-collect.ps1
#   powershell.exe -NoProfile -ExecutionPolicy Bypass -File .\guestram-collect.ps1 -RamMap C:\Tools\RAMMap64.exe
#
# It writes a folder guestram-<computer>-<date-time> and a .zip of it (on the Desktop, or under -OutDir), then
# prints what it wrote and what it could not. One failing step never stops the others. Nothing is changed on the
# machine: every step only reads.
#
#   -OutDir DIR          where the folder and the .zip go (default: the Desktop, else %TEMP%)
#   -RamMap PATH         RAMMap64.exe, or the folder holding it, when it is not next to this script, in the
#                        current folder, in C:\Sysinternals, C:\Tools or on PATH. Without it there is no snapshot.
#   -CounterSeconds N    how long to log the memory counters, one sample a second (default 60)
#   -NoZip               write only the folder
#
# Then copy the .zip to the machine where guestram runs, unzip it, add the host-side files
# (guestram collect --host hyperv|proxmox|libvirt|vmware|virtualbox) and run: guestram analyze <folder>
#
# The files it can write (name, the guestram format it is read as). guestram's tests check this list against
# the formats guestram recognises, so keep it in step with the code below.
# guestram-output: processes.csv getprocess-csv
# guestram-output: cim-os.json cim-json
# guestram-output: cim-computersystem.json cim-json
# guestram-output: cim-physicalmemory.json cim-json
# guestram-output: cim-video.json cim-json
# guestram-output: cim-pnpentity.json cim-json
# guestram-output: snapshot.rmp rammap-rmp
# guestram-output: memory-counters.csv pdh-csv
# guestram-output: systeminfo.csv systeminfo-csv
# guestram-output: driverquery.csv driverquery-csv
# guestram-output: vmware-balloon.txt vmware-toolbox-balloon

[CmdletBinding()]
param(
    [string]$OutDir = '',
    [string]$RamMap = '',
    [ValidateRange(1, 3600)]
    [int]$CounterSeconds = 60,
    [switch]$NoZip
)

Set-StrictMode -Version 2
$ErrorActionPreference = 'Stop'

$script:Bundle = ''
$script:Written = New-Object 'System.Collections.Generic.List[string]'
$script:NotApplicable = New-Object 'System.Collections.Generic.List[string]'
$script:Failed = New-Object 'System.Collections.Generic.List[string]'
$script:Utf8 = New-Object 'System.Text.UTF8Encoding' -ArgumentList $true

# ---- helpers -------------------------------------------------------------------------------------------------

function Get-OutPath {
    param([Parameter(Mandatory = $true)][string]$Name)
    return (Join-Path -Path $script:Bundle -ChildPath $Name)
}

function Write-Utf8Text {
    param([string]$Name, [string]$Text)
    if ([string]::IsNullOrEmpty($Text)) { throw ('nothing to write to {0}' -f $Name) }
    [System.IO.File]::WriteAllText((Get-OutPath $Name), $Text, $script:Utf8)
}

function Write-Utf8Lines {
    param([string]$Name, [object[]]$Lines)
    $text = @()
    if ($null -ne $Lines) { $text = @($Lines | ForEach-Object { [string]$_ }) }
    if (@($text | Where-Object { $_.Trim() -ne '' }).Count -eq 0) { throw ('the command printed nothing for {0}' -f $Name) }
    [System.IO.File]::WriteAllLines((Get-OutPath $Name), [string[]]$text, $script:Utf8)
}

# Records a written file, or fails the step when the file is missing or empty.
function Confirm-Output {
    param([string]$Name)
    $item = Get-Item -LiteralPath (Get-OutPath $Name) -ErrorAction SilentlyContinue
    if ($null -eq $item -or $item.Length -eq 0) { throw ('{0} was not written' -f $Name) }
    $script:Written.Add(('{0,-26} {1,12:N0} bytes' -f $Name, $item.Length))
}

function Add-NotApplicable {
    param([string]$Title, [string]$Reason)
    $script:NotApplicable.Add(('{0}: {1}' -f $Title, $Reason))
    Write-Host ('  not applicable: {0}' -f $Reason)
}

# Runs one step; an error is recorded and printed, and the next step runs anyway.
function Invoke-Step {
    param([string]$Title, [scriptblock]$Action)
    Write-Host ('* {0}' -f $Title)
    try {
        & $Action
    } catch {
        $message = $_.Exception.Message
        $script:Failed.Add(('{0}: {1}' -f $Title, $message))
        Write-Host ('  could not: {0}' -f $message) -ForegroundColor Yellow
    }
}

# Runs a program and outputs its lines; a non-zero exit code fails the step.
function Invoke-Native {
    param([string]$FilePath, [string[]]$Arguments)
    if (@(Get-Command -Name $FilePath -CommandType Application -ErrorAction SilentlyContinue).Count -eq 0) {
        throw ('{0} was not found' -f $FilePath)
    }
    # Some hosts (ISE, remoting) turn a program's stderr lines into errors; with 'Stop' the first would end the step.
    $ErrorActionPreference = 'Continue'
    $output = @(& $FilePath @Arguments)
    if ($LASTEXITCODE -ne 0) { throw ('{0} exited with code {1}' -f $FilePath, $LASTEXITCODE) }
    $output
}

function Save-CimJson {
    param([string]$Name, [string]$ClassName, [object[]]$Property)
    $instances = @(Get-CimInstance -ClassName $ClassName)
    if ($instances.Count -eq 0) { throw ('Windows returned no {0} objects' -f $ClassName) }
    if ($null -ne $Property) { $instances = @($instances | Select-Object -Property $Property) }
    Write-Utf8Text $Name (ConvertTo-Json -InputObject $instances -Depth 3)
    Confirm-Output $Name
}

function Test-Administrator {
    $identity = [System.Security.Principal.WindowsIdentity]::GetCurrent()
    $principal = New-Object 'System.Security.Principal.WindowsPrincipal' -ArgumentList $identity
    return $principal.IsInRole([System.Security.Principal.WindowsBuiltInRole]::Administrator)
}

function Get-DefaultOutDir {
    $desktop = [Environment]::GetFolderPath('Desktop')
    if (-not [string]::IsNullOrEmpty($desktop) -and (Test-Path -LiteralPath $desktop -PathType Container)) { return $desktop }
    return [System.IO.Path]::GetTempPath()
}

# ---- RAMMap ----------------------------------------------------------------------------------------------------

function Find-RamMap {
    param([string]$Given)
    $names = @('RAMMap64.exe', 'RAMMap.exe', 'RAMMap64a.exe')
    if ($Given -ne '') {
        if (Test-Path -LiteralPath $Given -PathType Leaf) { return (Resolve-Path -LiteralPath $Given).ProviderPath }
        if (Test-Path -LiteralPath $Given -PathType Container) {
            foreach ($name in $names) {
                $candidate = Join-Path -Path $Given -ChildPath $name
                if (Test-Path -LiteralPath $candidate -PathType Leaf) { return $candidate }
            }
        }
        throw ('-RamMap {0}: no RAMMap64.exe there' -f $Given)
    }
    $scriptFolder = Get-Variable -Name PSScriptRoot -ValueOnly -ErrorAction SilentlyContinue
    $folders = @($scriptFolder, (Get-Location).ProviderPath, 'C:\Sysinternals', 'C:\SysinternalsSuite', 'C:\Tools')
    foreach ($folder in $folders) {
        if ([string]::IsNullOrEmpty($folder)) { continue }
        foreach ($name in $names) {
            $candidate = Join-Path -Path $folder -ChildPath $name
            if (Test-Path -LiteralPath $candidate -PathType Leaf) { return $candidate }
        }
    }
    foreach ($name in $names) {
        $command = @(Get-Command -Name $name -CommandType Application -ErrorAction SilentlyContinue)
        if ($command.Count -gt 0) { return $command[0].Path }
    }
    return ''
}

function Save-RamMapSnapshot {
    param([string]$Executable)
    $target = Get-OutPath 'snapshot.rmp'
    Write-Host ('  {0} -accepteula "{1}" (this takes a minute or two)' -f $Executable, $target)
    # Start-Process joins the arguments with spaces, so a path with spaces needs its own quotes.
    $process = Start-Process -FilePath $Executable -ArgumentList @('-accepteula', ('"{0}"' -f $target)) -PassThru -WindowStyle Minimized
    # RAMMap.exe on 64-bit Windows starts RAMMap64.exe and exits at once: wait for that one too.
    $helper = ''
    if ([System.IO.Path]::GetFileName($Executable) -eq 'RAMMap.exe' -and [Environment]::Is64BitOperatingSystem) { $helper = 'RAMMap64' }
    $deadline = (Get-Date).AddMinutes(10)
    while ($true) {
        $running = -not $process.HasExited
        if (-not $running -and $helper -ne '') { $running = @(Get-Process -Name $helper -ErrorAction SilentlyContinue).Count -gt 0 }
        if (-not $running) { break }
        if ((Get-Date) -gt $deadline) {
            Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
            throw 'RAMMap did not finish within 10 minutes'
        }
        Start-Sleep -Seconds 2
    }
    Confirm-Output 'snapshot.rmp'
}

# ---- performance counters --------------------------------------------------------------------------------------

# Counter names are localized; guestram reads the English ones. The registry holds both lists, joined by index.
function Get-CounterNameTables {
    $tables = @{ ToLocal = @{}; ToEnglish = @{} }
    $perflib = 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Perflib'
    try {
        $english = @((Get-ItemProperty -LiteralPath (Join-Path -Path $perflib -ChildPath '009') -Name Counter).Counter)
        $local = @((Get-ItemProperty -LiteralPath (Join-Path -Path $perflib -ChildPath 'CurrentLanguage') -Name Counter).Counter)
    } catch {
        return $tables
    }
    $localByIndex = @{}
    for ($i = 0; $i + 1 -lt $local.Count; $i += 2) { $localByIndex[[string]$local[$i]] = [string]$local[$i + 1] }
    for ($i = 0; $i + 1 -lt $english.Count; $i += 2) {
        $index = [string]$english[$i]
        $name = [string]$english[$i + 1]
        if (-not $localByIndex.ContainsKey($index)) { continue }
        $localName = $localByIndex[$index]
        if (-not $tables.ToLocal.ContainsKey($name)) { $tables.ToLocal[$name] = $localName }
        if (-not $tables.ToEnglish.ContainsKey($localName)) { $tables.ToEnglish[$localName] = $name }
    }
    return $tables
}

function Get-CounterSetPaths {
    param([string]$EnglishName, [hashtable]$ToLocal)
    $names = @($EnglishName)
    if ($ToLocal.ContainsKey($EnglishName) -and $ToLocal[$EnglishName] -ne $EnglishName) { $names = @($ToLocal[$EnglishName], $EnglishName) }
    foreach ($name in $names) {
        try {
            $sets = @(Get-Counter -ListSet $name -ErrorAction SilentlyContinue)
        } catch {
            $sets = @()
        }
        if ($sets.Count -gt 0) {
            $sets[0].Paths
            return
        }
    }
}

function ConvertTo-EnglishCounterPath {
    param([string]$Path, [hashtable]$ToEnglish)
    $match = [regex]::Match($Path, '^(\\\\[^\\]+)?\\([^\\(]+)(\(.*\))?\\([^\\]+)$')
    if (-not $match.Success) { return $Path }
    $object = $match.Groups[2].Value
    $counter = $match.Groups[4].Value
    if ($ToEnglish.ContainsKey($object)) { $object = $ToEnglish[$object] }
    if ($ToEnglish.ContainsKey($counter)) { $counter = $ToEnglish[$counter] }
    return ('{0}\{1}{2}\{3}' -f $match.Groups[1].Value, $object, $match.Groups[3].Value, $counter)
}

# The PDH-CSV header with every counter path in English; the first cell (format and time zone) is kept.
function ConvertTo-EnglishHeader {
    param([string]$Line, [hashtable]$ToEnglish)
    $trimmed = $Line.Trim()
    if (-not ($trimmed.StartsWith('"') -and $trimmed.EndsWith('"'))) { return $Line }
    $cells = $trimmed.Substring(1, $trimmed.Length - 2) -split '","'
    $english = New-Object 'System.Collections.Generic.List[string]'
    $english.Add($cells[0])
    for ($i = 1; $i -lt $cells.Count; $i++) { $english.Add((ConvertTo-EnglishCounterPath $cells[$i] $ToEnglish)) }
    return ('"{0}"' -f ($english.ToArray() -join '","'))
}

# typeperf writes its own encoding; take UTF-8 when the bytes are valid UTF-8, else the ANSI code page.
function Read-TextLines {
    param([string]$Path)
    $bytes = [System.IO.File]::ReadAllBytes($Path)
    try {
        $text = (New-Object 'System.Text.UTF8Encoding' -ArgumentList $false, $true).GetString($bytes)
    } catch {
        $text = [System.Text.Encoding]::Default.GetString($bytes)
    }
    if ($text.Length -gt 0 -and $text[0] -eq [char]0xFEFF) { $text = $text.Substring(1) }
    $text -split "`r`n|`n"
}

function Save-MemoryCounters {
    param([int]$Seconds)
    $tables = Get-CounterNameTables
    $paths = New-Object 'System.Collections.Generic.List[string]'
    $sets = @('Memory', 'Hyper-V Dynamic Memory Integration Service', 'VM Memory')
    foreach ($set in $sets) {
        $found = @(Get-CounterSetPaths $set $tables.ToLocal)
        if ($found.Count -eq 0) {
            Write-Host ('  counter set "{0}" is not on this machine' -f $set)
            continue
        }
        Write-Host ('  counter set "{0}": {1} counters' -f $set, $found.Count)
        foreach ($path in $found) { $paths.Add([string]$path) }
    }
    if ($paths.Count -eq 0) { throw 'no memory counter set was found' }

    $temp = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('guestram-counters-{0}.csv' -f [guid]::NewGuid())
    Write-Host ('  typeperf: {0} samples, one a second' -f $Seconds)
    $arguments = @($paths.ToArray()) + @('-si', '1', '-sc', [string]$Seconds, '-f', 'CSV', '-o', $temp, '-y')
    try {
        $null = Invoke-Native 'typeperf.exe' $arguments
        if (-not (Test-Path -LiteralPath $temp -PathType Leaf)) { throw 'typeperf wrote no log' }
        $all = @(Read-TextLines $temp)
        $lines = @($all | Where-Object { $_.Trim() -ne '' })
    } finally {
        Remove-Item -LiteralPath $temp -Force -ErrorAction SilentlyContinue
    }
    if ($lines.Count -lt 2) { throw 'typeperf wrote no samples' }
    for ($i = 0; $i -lt $lines.Count; $i++) {
        if ($lines[$i] -match '^\s*"?\(PDH-CSV') {
            $lines[$i] = ConvertTo-EnglishHeader $lines[$i] $tables.ToEnglish
            break
        }
    }
    Write-Utf8Lines 'memory-counters.csv' $lines
    Confirm-Output 'memory-counters.csv'
}

# ---- the steps ---------------------------------------------------------------------------------------------------

if ($OutDir -eq '') { $OutDir = Get-DefaultOutDir }
$stamp = Get-Date -Format 'yyyyMMdd-HHmmss'
$folder = Join-Path -Path $OutDir -ChildPath ('guestram-{0}-{1}' -f $env:COMPUTERNAME, $stamp)
$script:Bundle = (New-Item -ItemType Directory -Path $folder -Force).FullName

Write-Host ('guestram collect: {0}, PowerShell {1}' -f $env:COMPUTERNAME, $PSVersionTable.PSVersion)
Write-Host ('Writing to {0}' -f $script:Bundle)
if (-not (Test-Administrator)) {
    Write-Warning 'Not running as administrator: RAMMap cannot take a snapshot and some process details stay hidden. Run PowerShell as administrator for a complete bundle.'
}

Invoke-Step 'Processes (Get-Process | Export-Csv)' {
    Get-Process |
        Select-Object -Property Name, Id, SI, Handles, VM, WS, PM, NPM, Path, Company, Description |
        Export-Csv -LiteralPath (Get-OutPath 'processes.csv') -Encoding UTF8
    Confirm-Output 'processes.csv'
}

Invoke-Step 'Operating system (Win32_OperatingSystem)' { Save-CimJson 'cim-os.json' 'Win32_OperatingSystem' $null }
Invoke-Step 'Computer system (Win32_ComputerSystem)' { Save-CimJson 'cim-computersystem.json' 'Win32_ComputerSystem' $null }
Invoke-Step 'Memory modules (Win32_PhysicalMemory)' { Save-CimJson 'cim-physicalmemory.json' 'Win32_PhysicalMemory' $null }
Invoke-Step 'Display adapters (Win32_VideoController)' { Save-CimJson 'cim-video.json' 'Win32_VideoController' $null }
Invoke-Step 'Devices and their problem codes (Win32_PnPEntity)' {
    $properties = @(
        @{ Name = '__CLASS'; Expression = { 'Win32_PnPEntity' } },
        'Name', 'PNPClass', 'PNPDeviceID', 'Manufacturer', 'Service', 'Status', 'ConfigManagerErrorCode', 'Present'
    )
    Save-CimJson 'cim-pnpentity.json' 'Win32_PnPEntity' $properties
}

Invoke-Step 'RAMMap snapshot' {
    $executable = Find-RamMap $RamMap
    if ($executable -eq '') {
        throw 'RAMMap64.exe was not found. Download RAMMap (https://learn.microsoft.com/sysinternals/downloads/rammap) and run this script again with -RamMap PATH, or open RAMMap, File > Save, and put the .rmp file into the bundle folder.'
    }
    Save-RamMapSnapshot $executable
}

Invoke-Step ('Memory counters (typeperf, {0} s)' -f $CounterSeconds) { Save-MemoryCounters $CounterSeconds }

Invoke-Step 'System information (systeminfo /fo csv)' {
    Write-Utf8Lines 'systeminfo.csv' @(Invoke-Native 'systeminfo.exe' @('/fo', 'csv'))
    Confirm-Output 'systeminfo.csv'
}

Invoke-Step 'Drivers (driverquery /v /fo csv)' {
    Write-Utf8Lines 'driverquery.csv' @(Invoke-Native 'driverquery.exe' @('/v', '/fo', 'csv'))
    Confirm-Output 'driverquery.csv'
}

Invoke-Step 'VMware balloon (vmware-toolbox-cmd stat balloon)' {
    # $env:ProgramW6432 is the 64-bit Program Files even when this runs in 32-bit PowerShell.
    $programFiles = $env:ProgramW6432
    if ([string]::IsNullOrEmpty($programFiles)) { $programFiles = $env:ProgramFiles }
    $toolbox = Join-Path -Path $programFiles -ChildPath 'VMware\VMware Tools\VMwareToolboxCmd.exe'
    if (-not (Test-Path -LiteralPath $toolbox -PathType Leaf)) {
        Add-NotApplicable 'VMware balloon' 'VMware Tools are not installed (not a VMware guest)'
        return
    }
    $output = @(Invoke-Native $toolbox @('stat', 'balloon'))
    Write-Utf8Lines 'vmware-balloon.txt' (@('vmware-toolbox-cmd stat balloon') + $output)
    Confirm-Output 'vmware-balloon.txt'
}

$zipPath = ''
if (-not $NoZip) {
    Invoke-Step 'Zip the bundle' {
        $zip = $script:Bundle + '.zip'
        if (Test-Path -LiteralPath $zip) { Remove-Item -LiteralPath $zip -Force }
        try {
            Add-Type -AssemblyName System.IO.Compression.FileSystem
            [System.IO.Compression.ZipFile]::CreateFromDirectory($script:Bundle, $zip, [System.IO.Compression.CompressionLevel]::Optimal, $true)
        } catch {
            Compress-Archive -Path $script:Bundle -DestinationPath $zip -Force
        }
    }
    if (Test-Path -LiteralPath ($script:Bundle + '.zip')) { $zipPath = $script:Bundle + '.zip' }
}

# ---- summary -----------------------------------------------------------------------------------------------------

Write-Host ''
Write-Host ('Wrote {0} file(s) to {1}' -f $script:Written.Count, $script:Bundle) -ForegroundColor Green
foreach ($line in $script:Written) { Write-Host ('  {0}' -f $line) }
if ($zipPath -ne '') { Write-Host ('Zip: {0}' -f $zipPath) -ForegroundColor Green }
if ($script:NotApplicable.Count -gt 0) {
    Write-Host 'Not applicable here:'
    foreach ($line in $script:NotApplicable) { Write-Host ('  {0}' -f $line) }
}
if ($script:Failed.Count -gt 0) {
    Write-Host ('Could not collect {0} item(s):' -f $script:Failed.Count) -ForegroundColor Yellow
    foreach ($line in $script:Failed) { Write-Host ('  {0}' -f $line) -ForegroundColor Yellow }
}
Write-Host ''
Write-Host 'Next: copy the zip (or the folder) to where guestram runs, add the host-side files'
Write-Host '(guestram collect --host hyperv|proxmox|libvirt|vmware|virtualbox), then: guestram analyze <folder>'
if ($script:Written.Count -eq 0) { exit 1 }
