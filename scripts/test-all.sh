#!/usr/bin/env bash
# `npm test`: every check and every test layer, then one closing line with the totals.
set -uo pipefail
cd "$(dirname "$0")/.."
reports=test-results/reports
rm -rf "$reports" && mkdir -p "$reports"
status=0
step() { echo; echo "== $1"; }

step "typecheck" && { npm run --silent typecheck || status=1; }
step "lint" && { npm run --silent lint || status=1; }
step "build" && { npm run --silent build >"$reports/build.log" 2>&1 || { cat "$reports/build.log"; status=1; }; }

step "built artefacts (the preload bundle out/preload/index.cjs)"
npx vitest run --project built --reporter=default --reporter=json --outputFile.json="$reports/built.json" || status=1

step "unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json="$reports/unit.json" || status=1

step "renderer tests (hooks, view models and components in happy-dom)"
npx vitest run --project renderer --reporter=default --reporter=json --outputFile.json="$reports/renderer.json" || status=1

step "integration tests (real SQLite, real HTTP, real keychain in a D-Bus session)"
integration='npx vitest run --project integration --reporter=default --reporter=json --outputFile.json='"$reports/integration.json"
if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
  # A private session bus with a fresh, unlocked login keyring in a throwaway folder (a keyring left by an
  # earlier run with another password would make the daemon prompt), so keytar talks to a real Secret Service.
  keyring_home=$(mktemp -d)
  XDG_DATA_HOME="$keyring_home" dbus-run-session -- bash -c \
    'printf "shopmesh-ci" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; '"$integration" || status=1
  rm -rf "$keyring_home"
else
  echo "dbus-run-session or gnome-keyring-daemon missing (run scripts/setup.sh); keychain tests will fail"
  bash -c "$integration" || status=1
fi

step "end-to-end tests in Chromium over the web bridge"
PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/e2e.json" npx playwright test -c playwright.config.ts --reporter=list,json || status=1

step "Electron end-to-end tests"
PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/electron.json" npx playwright test -c playwright.electron.config.ts --reporter=list,json || status=1

node scripts/test-totals.mjs "$reports" || status=1
exit $status
