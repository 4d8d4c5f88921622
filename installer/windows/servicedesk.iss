; Inno Setup script for the Windows workstations (R-X-4).
; Build the folder first:  uv run --with pyinstaller pyinstaller installer/servicedesk.spec --noconfirm
; then:                     iscc installer\windows\servicedesk.iss
#define AppName "ServiceDesk"
#define AppVersion "0.1.0"

[Setup]
AppId={{6F1C2B8E-6C7A-4C59-9B1E-5D2A61C0A8F1}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=ServiceDesk
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
OutputBaseFilename=ServiceDesk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "italian"; MessagesFile: "compiler:Languages\Italian.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\ServiceDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\ServiceDesk.exe"
Name: "{group}\{#AppName} (demo)"; Filename: "{app}\ServiceDesk.exe"; Parameters: "--demo"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\ServiceDesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\ServiceDesk.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
