#!/bin/sh
# Install ServiceDesk from this folder (R-X-4, #19).
#   ./install.sh              for this user: ~/.local/opt/ServiceDesk, menu entry, `servicedesk`
#                             and `servicedesk-admin`
#   sudo ./install.sh --system   for everyone: /opt/ServiceDesk, /usr/share/applications, /usr/local/bin
#   ./install.sh --uninstall  (or --system --uninstall) removes the program; databases stay
set -eu
here=$(cd "$(dirname "$0")" && pwd)
system=no
action=install
for arg in "$@"; do
  case "$arg" in
    --system) system=yes ;;
    --uninstall) action=uninstall ;;
    *) echo "usage: $0 [--system] [--uninstall]" >&2; exit 64 ;;
  esac
done

if [ "$system" = yes ]; then
  app=/opt/ServiceDesk
  bin=/usr/local/bin
  share=/usr/share
else
  app="$HOME/.local/opt/ServiceDesk"
  bin="$HOME/.local/bin"
  share="${XDG_DATA_HOME:-$HOME/.local/share}"
fi
desktop="$share/applications/servicedesk.desktop"
icon="$share/icons/hicolor/scalable/apps/servicedesk.svg"

refresh() {  # menus pick the entry up without a new login where these tools exist
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$share/applications" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
}

if [ "$action" = uninstall ]; then
  rm -rf "$app"
  rm -f "$desktop" "$icon"
  for command in servicedesk servicedesk-admin; do
    if [ -L "$bin/$command" ]; then rm -f "$bin/$command"; fi
  done
  refresh
  echo "ServiceDesk removed (databases and settings are kept)."
  exit 0
fi

mkdir -p "$(dirname "$app")" "$bin" "$(dirname "$desktop")" "$(dirname "$icon")"
rm -rf "$app.new"
cp -R "$here/ServiceDesk" "$app.new"
rm -rf "$app"
mv "$app.new" "$app"
ln -sf "$app/ServiceDesk" "$bin/servicedesk"
ln -sf "$app/servicedesk-admin" "$bin/servicedesk-admin"
cp "$here/servicedesk.svg" "$icon"
# Exec holds the absolute path: ~/.local/bin is not on every desktop session's PATH
sed "s|@EXEC@|\"$app/ServiceDesk\"|" "$here/servicedesk.desktop" > "$desktop"
chmod 644 "$desktop" "$icon"
refresh
echo "ServiceDesk installed in $app; start it from the menu or with: $bin/servicedesk"
