# Sourced by the scripts in scripts/: settings and steps they share. Expects the repository root as the working directory.

# Quiet, non-interactive .NET CLI; no MSBuild nodes left running after a build.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDDISABLENODEREUSE=1

# Installs the pinned npm tools (Azurite, maildev) with `npm ci`, unless node_modules was installed from this very lock file.
ensure_node_modules() {
  local stamp=node_modules/.socialwatch-lock.sha256 wanted
  wanted=$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)
  if [[ -f $stamp && $(cat "$stamp") == "$wanted" && -f node_modules/azurite/dist/src/azurite.js ]]; then
    return 0
  fi
  echo "npm ci (node_modules does not match package-lock.json)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$wanted" > "$stamp"
}

# Installs Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium; nothing downloads a browser), unless
# it is there. CI runs as root on Debian; elsewhere apt-get needs root, so say what to run instead of failing half-way.
ensure_chromium() {
  if [[ -x /usr/bin/chromium ]]; then
    return 0
  fi
  if [[ $(id -u) -ne 0 ]]; then
    echo "Chromium is missing at /usr/bin/chromium: run 'sudo apt-get update && sudo apt-get install -y chromium' (the browser tests need it)." >&2
    return 1
  fi
  echo "apt-get install chromium (the browser tests drive /usr/bin/chromium)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
}
