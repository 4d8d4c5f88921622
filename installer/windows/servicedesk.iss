; Inno Setup script for the Windows workstations (R-X-4, #19).
; Build on Windows (installer\README.md):
;   uv run python installer\build.py          freezes, smoke-tests, writes build\inno\files.iss
;   iscc installer\windows\servicedesk.iss    writes dist\ServiceDesk-<version>-setup.exe
; The file list and the version come from the generated include: nothing here lists files.
#define AppName "ServiceDesk"
#include "..\..\build\inno\files.iss"

[Setup]
AppId={{6F1C2B8E-6C7A-4C59-9B1E-5D2A61C0A8F1}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=ServiceDesk
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=ServiceDesk-{#AppVersion}-setup
SetupIconFile=..\..\build\servicedesk.ico
UninstallDisplayIcon={app}\ServiceDesk.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "italian"; MessagesFile: "compiler:Languages\Italian.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; an upgrade replaces the program's files: nothing of an older build lingers (user data lives
; elsewhere, in the user's AppData folder)
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\ServiceDesk.exe"
Name: "{group}\{#AppName} (demo)"; Filename: "{app}\ServiceDesk.exe"; Parameters: "--demo"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\ServiceDesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\ServiceDesk.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
