#!/usr/bin/env bash
# Shared helpers for the run and test scripts: pick a JDK 21+ and make sure Node is there.

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

java_major() {
  "$1/bin/java" -version 2>&1 | sed -nE 's/.*version "([0-9]+).*/\1/p' | head -n1
}

# The engine needs JDK 21 or newer; build machines default to 17 with a newer JDK beside it.
select_jdk() {
  local candidate best="" best_version=0 version
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    version="$(java_major "$candidate")"
    [ -n "$version" ] || continue
    if [ "$version" -ge 21 ] && [ "$version" -gt "$best_version" ]; then
      best="$candidate"
      best_version="$version"
    fi
  done
  if [ -z "$best" ]; then
    echo "Rekber needs a JDK 21 or newer; none found (looked at JAVA_HOME and /usr/lib/jvm)." >&2
    echo "Install one (for example: apt-get install openjdk-21-jdk-headless) and run again." >&2
    exit 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
  echo "Using JDK $best_version at $JAVA_HOME"
}

ensure_node() {
  if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
    return
  fi
  echo "Node.js and npm are needed for the model linter and the UI bundle; installing Debian's packages."
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  fi
}

# Browser tests drive Debian's Chromium through Debian's chromedriver; nothing is downloaded.
# Debian's docker-compose (1.29), for `docker-compose config`: checks the compose files without a
# Docker engine (scripts/check-compose.sh). Installed non-interactively when missing.
ensure_docker_compose() {
  if command -v docker-compose >/dev/null 2>&1; then
    return
  fi
  echo "Installing Debian's docker-compose for the compose check."
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    return
  fi
  echo "Installing Debian's chromium and chromium-driver for the browser tests."
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
}
