#!/bin/sh
# Installs Pillar as a kiosk on a Debian 12 (or newer) pillar:
#   sudo ./install.sh Pillar-0.1.0.AppImage
# Creates the `pillar` user, puts the AppImage in /var/lib/pillar/app (where electron-updater can replace
# it), installs the systemd unit, its PAM stack and the USB rule, and enables the kiosk on tty1. Run it
# again with a newer AppImage to replace the app by hand. See README.md beside this script.
set -eu

appimage=${1:-}
if [ -z "$appimage" ] || [ ! -f "$appimage" ]; then
  echo "usage: sudo $0 PATH/TO/Pillar-x.y.z.AppImage" >&2
  exit 2
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install.sh: run as root (sudo)" >&2
  exit 1
fi
here=$(cd "$(dirname "$0")" && pwd)

# cage: the Wayland kiosk compositor; Noto: the shopper's four languages' glyphs; dbus-user-session for
# the logind session the unit opens.
if command -v apt-get >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends cage fonts-noto-core dbus-user-session
fi

if ! id pillar >/dev/null 2>&1; then
  useradd --system --user-group --home-dir /var/lib/pillar --no-create-home --shell /usr/sbin/nologin pillar
fi
install -d -o pillar -g pillar -m 0700 /var/lib/pillar /var/lib/pillar/app /var/lib/pillar/cache
install -o pillar -g pillar -m 0755 "$appimage" /var/lib/pillar/app/Pillar.AppImage

install -m 0644 "$here/pillar-kiosk.service" /etc/systemd/system/pillar-kiosk.service
install -m 0644 "$here/pam.d/pillar-kiosk" /etc/pam.d/pillar-kiosk
install -m 0644 "$here/99-pillar-usb.rules" /etc/udev/rules.d/99-pillar-usb.rules
install -d -m 0755 /usr/local/share/doc/pillar /media/pillar-usb
install -m 0644 "$here/README.md" /usr/local/share/doc/pillar/README.md

udevadm control --reload
systemctl daemon-reload
systemctl set-default graphical.target
systemctl enable pillar-kiosk.service

echo "Pillar installed. Give it its identity (README: \"Provision, update, monitor\"), then:"
echo "  sudo systemctl start pillar-kiosk    # or reboot"
echo "  journalctl -u pillar-kiosk -f        # what it does"
