; Kassa till: the Windows installer (NSIS 3). Packs the PyInstaller one-folder build
; (packaging/windows/kassa.spec -> dist\kassa) into kassa-setup-<version>.exe.
;
;   makensis /DVERSION=0.1.0 /DPAYLOAD=dist\kassa /DOUTFILE=dist\kassa-setup-0.1.0.exe kassa.nsi
;
; Silent install for software distribution (SCCM, Intune, PDQ ...):
;   kassa-setup.exe /S [/HUB=https://hub.example] [/ENROL=CODE] [/STORE=ID] [/REGISTER=ID]
;                      [/PRINTER=URL] [/SCANNER=URL] [/DRAWER=URL] [/SCALE=URL] [/DISPLAY=URL]
;                      [/CARDTERMINAL=URL] [/HUBCA=C:\ca.pem] [/TEMPLATE=C:\chain-till.toml]
;                      [/AUTOSTART=1] [/NOSTARTMENU] [/D=C:\Path\To\Kassa]
; With any of the set-up flags the installer runs `kassa setup --config
; %ProgramData%\Kassa\till.toml --data-dir %ProgramData%\Kassa --credential-store file
; --hub ... --enrol ... [--store ...] [--register ...] [--printer ...] ...` once the files are
; in place (the command writes a validated config and enrols the till with the hub; run twice,
; it keeps the config and says the till is enrolled). The credential goes to a file in
; %ProgramData%\Kassa, not the Credential Manager: the installer runs as an administrator or
; SYSTEM, whose Credential Manager the cashier's session cannot read. The exit code
; is 0 on success, 2 when the files could not be installed, 3 when `kassa setup` failed (the
; program is installed; run the same `kassa setup` again by hand, it says what was wrong).
; Running the installer again upgrades in place; the data in %ProgramData%\Kassa is kept.
;
; Uninstall: "%ProgramFiles%\Kassa\uninstall.exe" /S keeps %ProgramData%\Kassa (config,
; database, backups); add /PURGE to delete it too.

Unicode true
ManifestDPIAware true
RequestExecutionLevel admin
SetCompressor /SOLID lzma

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef PAYLOAD
  !define PAYLOAD "..\..\dist\kassa"
!endif
!ifndef OUTFILE
  !define OUTFILE "kassa-setup-${VERSION}.exe"
!endif
!define PRODUCT "Kassa"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Kassa"
!define RUN_KEY "Software\Microsoft\Windows\CurrentVersion\Run"
!define TILL_EXE "kassa-till.exe"  ; windowed: the till itself
!define CLI_EXE "kassa.exe"        ; console: doctor, setup, devices scan

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"

Name "${PRODUCT} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\Kassa"
InstallDirRegKey HKLM "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${PRODUCT} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${PRODUCT}"
VIAddVersionKey "FileDescription" "${PRODUCT} point-of-sale till installer"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "LegalCopyright" "Kassa"

!define MUI_ICON "..\icons\kassa.ico"
!define MUI_UNICON "..\icons\kassa.ico"
!define MUI_ABORTWARNING

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Norwegian"
!insertmacro MUI_LANGUAGE "Swedish"

Var Hub
Var Enrol
Var Store
Var Register
Var Autostart
Var DataDir
Var Printer
Var Scanner
Var Drawer
Var Scale
Var Display
Var CardTerminal
Var HubCa
Var Template

Section "Kassa" SecMain
  SectionIn RO
  ; An upgrade: ask a running till to close (it commits every sale durably as it goes).
  nsExec::Exec 'taskkill /IM ${TILL_EXE}'
  Pop $0
  Sleep 1000
  SetOutPath "$INSTDIR"
  ClearErrors
  File /r "${PAYLOAD}\*.*"
  File "..\icons\kassa.ico"
  ${If} ${Errors}
    MessageBox MB_ICONSTOP "Kassa's files could not be written to $INSTDIR." /SD IDOK
    SetErrorLevel 2
    Abort
  ${EndIf}
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; The till's data: config, database, backups. Kept on upgrade and uninstall (unless /PURGE).
  ; The till runs as an ordinary user: Users may modify (not own) what is in it.
  CreateDirectory "$DataDir"
  nsExec::ExecToLog 'icacls "$DataDir" /grant *S-1-5-32-545:(OI)(CI)M /T /Q'
  Pop $0
  ${IfNot} ${FileExists} "$DataDir\till.toml"
    CopyFiles /SILENT "$INSTDIR\_internal\resources\config\example.toml" "$DataDir\till.toml.example"
  ${EndIf}

  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "Kassa"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\kassa.ico"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "Start menu entry" SecStartMenu
  CreateDirectory "$SMPROGRAMS\Kassa"
  CreateShortcut "$SMPROGRAMS\Kassa\Kassa.lnk" "$INSTDIR\${TILL_EXE}" \
    'till --config "$DataDir\till.toml"' "$INSTDIR\kassa.ico"
  CreateShortcut "$SMPROGRAMS\Kassa\Kassa doctor.lnk" "$SYSDIR\cmd.exe" \
    '/k ""$INSTDIR\${CLI_EXE}" doctor --config "$DataDir\till.toml""' "$INSTDIR\kassa.ico"
SectionEnd

Section /o "Start the till when Windows starts (kiosk)" SecAutostart
  WriteRegStr HKLM "${RUN_KEY}" "Kassa" '"$INSTDIR\${TILL_EXE}" till --config "$DataDir\till.toml"'
SectionEnd

; Silent set-up and enrolment: after the files, so `kassa setup` is there to run.
!macro SetupOption VALUE OPTION
  ${If} ${VALUE} != ""
    StrCpy $1 '$1 ${OPTION} "${VALUE}"'
    StrCpy $2 "1"
  ${EndIf}
!macroend

Section "-setup"
  StrCpy $1 'setup --config "$DataDir\till.toml" --data-dir "$DataDir" --credential-store file'
  StrCpy $2 ""
  ${If} $Hub != ""
    StrCpy $1 '$1 --hub "$Hub"'
    StrCpy $2 "1"
  ${EndIf}
  ${If} $Enrol != ""
    StrCpy $1 '$1 --enrol "$Enrol"'
    StrCpy $2 "1"
  ${EndIf}
  ${If} $Store != ""
    StrCpy $1 '$1 --store "$Store"'
  ${EndIf}
  ${If} $Register != ""
    StrCpy $1 '$1 --register "$Register"'
  ${EndIf}
  !insertmacro SetupOption $Printer --printer
  !insertmacro SetupOption $Scanner --scanner
  !insertmacro SetupOption $Drawer --drawer
  !insertmacro SetupOption $Scale --scale
  !insertmacro SetupOption $Display --display
  !insertmacro SetupOption $CardTerminal --card-terminal
  !insertmacro SetupOption $HubCa --hub-ca
  !insertmacro SetupOption $Template --template
  ${If} $2 == "1"
    DetailPrint "kassa $1"
    nsExec::ExecToLog '"$INSTDIR\${CLI_EXE}" $1'
    Pop $0
    ${If} $0 != "0"
      MessageBox MB_ICONEXCLAMATION "Kassa is installed, but its set-up failed (exit $0).$\r$\n\
        Run: kassa setup --hub ... --enrol ... in $INSTDIR to see why." /SD IDOK
      SetErrorLevel 3
    ${EndIf}
  ${EndIf}
SectionEnd

; After the sections: it refers to their index constants.
Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "Kassa needs 64-bit Windows." /SD IDOK
    SetErrorLevel 2
    Quit
  ${EndIf}
  SetRegView 64
  SetShellVarContext all  ; shortcuts and $APPDATA for every user: C:\ProgramData
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/HUB=" $Hub
  ${GetOptions} $R0 "/ENROL=" $Enrol
  ${GetOptions} $R0 "/STORE=" $Store
  ${GetOptions} $R0 "/REGISTER=" $Register
  ${GetOptions} $R0 "/AUTOSTART=" $Autostart
  ${GetOptions} $R0 "/PRINTER=" $Printer
  ${GetOptions} $R0 "/SCANNER=" $Scanner
  ${GetOptions} $R0 "/DRAWER=" $Drawer
  ${GetOptions} $R0 "/SCALE=" $Scale
  ${GetOptions} $R0 "/DISPLAY=" $Display
  ${GetOptions} $R0 "/CARDTERMINAL=" $CardTerminal
  ${GetOptions} $R0 "/HUBCA=" $HubCa
  ${GetOptions} $R0 "/TEMPLATE=" $Template
  ClearErrors
  ${GetOptions} $R0 "/NOSTARTMENU" $R1
  ${IfNot} ${Errors}
    SectionSetFlags ${SecStartMenu} 0
  ${EndIf}
  ${If} $Autostart == "1"
    SectionSetFlags ${SecAutostart} ${SF_SELECTED}
  ${EndIf}
  StrCpy $DataDir "$APPDATA\Kassa"
FunctionEnd

LangString DESC_Main ${LANG_ENGLISH} "The Kassa till."
LangString DESC_Main ${LANG_NORWEGIAN} "Kassen."
LangString DESC_Main ${LANG_SWEDISH} "Kassan."
LangString DESC_StartMenu ${LANG_ENGLISH} "Kassa and Kassa doctor in the Start menu."
LangString DESC_StartMenu ${LANG_NORWEGIAN} "Kassa og Kassa doctor i Start-menyen."
LangString DESC_StartMenu ${LANG_SWEDISH} "Kassa och Kassa doctor i Start-menyn."
LangString DESC_Autostart ${LANG_ENGLISH} "Start the till when anyone logs on to this PC."
LangString DESC_Autostart ${LANG_NORWEGIAN} "Start kassen når noen logger på denne PC-en."
LangString DESC_Autostart ${LANG_SWEDISH} "Starta kassan när någon loggar in på den här datorn."
!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecMain} $(DESC_Main)
  !insertmacro MUI_DESCRIPTION_TEXT ${SecStartMenu} $(DESC_StartMenu)
  !insertmacro MUI_DESCRIPTION_TEXT ${SecAutostart} $(DESC_Autostart)
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Function un.onInit
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Section "Uninstall"
  nsExec::Exec 'taskkill /IM ${TILL_EXE}'
  Pop $0
  Sleep 1000
  DeleteRegValue HKLM "${RUN_KEY}" "Kassa"
  Delete "$SMPROGRAMS\Kassa\Kassa.lnk"
  Delete "$SMPROGRAMS\Kassa\Kassa doctor.lnk"
  RMDir "$SMPROGRAMS\Kassa"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${TILL_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\kassa.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/PURGE" $R1
  ${IfNot} ${Errors}
    RMDir /r "$APPDATA\Kassa"
  ${EndIf}
SectionEnd
