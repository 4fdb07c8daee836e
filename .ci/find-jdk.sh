#!/usr/bin/env bash
# Prints the home of a JDK 21 or newer: $JAVA_HOME if it qualifies, else the `java` on PATH,
# else the newest one under /usr/lib/jvm or /opt. Exits 1 with a sentence on stderr if none exists.
# Usage: export JAVA_HOME="$(.ci/find-jdk.sh)"
set -euo pipefail

feature_version() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

qualifies() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ "$(feature_version "$1")" -ge 21 ] 2>/dev/null
}

candidates() {
  [ -n "${JAVA_HOME:-}" ] && echo "$JAVA_HOME"
  if command -v javac >/dev/null 2>&1; then
    dirname "$(dirname "$(readlink -f "$(command -v javac)")")"
  fi
  ls -d /usr/lib/jvm/*/ /opt/*jdk*/ 2>/dev/null | sed 's:/$::' | sort -rV
}

while IFS= read -r home; do
  if qualifies "$home"; then
    echo "$home"
    exit 0
  fi
done < <(candidates)

echo "No JDK 21 or newer found (looked at JAVA_HOME, PATH, /usr/lib/jvm and /opt): install one and set JAVA_HOME." >&2
exit 1
