#!/usr/bin/env bash
# Prepares a fresh Debian machine for ShopMesh: system packages, then npm dependencies (which bring Node 22).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium chromium-headless-shell fonts-noto-cjk fonts-thai-tlwg fonts-noto-color-emoji libsecret-1-dev gnome-keyring dbus dbus-x11 sqlite3 python3 make g++)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The system Node may be older than 22: npm itself runs fine on it, and the `node@22` devDependency puts
# Node 22 first on PATH for every `npm run` script afterwards.
npm ci --no-audit --no-fund --loglevel=warn
echo "Setup done. Node for npm scripts: $(npx --no-install node --version)"
