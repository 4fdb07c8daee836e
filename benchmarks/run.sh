#!/usr/bin/env bash
# Runs Postage's benchmarks: JMH on the hot path (with -prof gc), then the end-to-end runs against
# RabbitMQ (127.0.0.1:5672, skipped if not reachable) and the embedded Broker-J; writes
# benchmarks/results/<date>-<host>.json and .md and prints the Markdown tables (see docs/BENCHMARKS.md).
#
# Usage: benchmarks/run.sh [--quick] [--brokers rabbitmq,embedded]
#   --quick   short iterations and runs: the whole suite in under 5 minutes on 2 cores
#   (default) the full run: 3 JMH forks x 5 iterations, 3 rounds of 5 s per end-to-end variant (~35 min)
set -euo pipefail
cd "$(dirname "$0")/.."

mode=full
brokers=rabbitmq,embedded
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) mode=quick ;;
    --brokers) brokers="$2"; shift ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

JAVA_HOME="$(bash .ci/find-jdk.sh)"
export JAVA_HOME
java="$JAVA_HOME/bin/java"
jar=benchmarks/target/benchmarks.jar
if [ ! -f "$jar" ]; then
  echo "Building $jar" >&2
  mvn -B -q -pl benchmarks -am package -DskipTests
fi

if [ "$mode" = quick ]; then
  jmh_args=(-f 1 -wi 1 -w 500ms -i 3 -r 500ms)
  e2e_args=(--warmup 200ms --measure 800ms --rounds 3)
else
  jmh_args=(-f 3 -wi 3 -w 1s -i 5 -r 1s)
  e2e_args=(--warmup 2s --measure 5s --rounds 3)
fi

host="$(hostname -s)"
out="benchmarks/results/$(date +%F)-$host"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
jdk="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.runtime\.version = //p')"
machine="$host: $(nproc) cores ($cpu), $(free -g | awk '/^Mem:/ {print $2}') GiB, JDK $jdk, load average at start $(cut -d' ' -f1-3 /proc/loadavg), $mode mode"

echo "== JMH (${jmh_args[*]} -prof gc)" >&2
"$java" -jar "$jar" "${jmh_args[@]}" -prof gc -rf json -rff "$work/jmh.json" >&2
echo "== End to end (${e2e_args[*]}) on $brokers" >&2
"$java" -cp "$jar" io.postage.benchmarks.e2e.EndToEnd "${e2e_args[@]}" --brokers "$brokers" --json "$work/e2e.json" >&2

command="benchmarks/run.sh"
[ "$mode" = quick ] && command="$command --quick"
[ "$brokers" = rabbitmq,embedded ] || command="$command --brokers $brokers"
"$java" -cp "$jar" io.postage.benchmarks.report.Report --jmh "$work/jmh.json" --e2e "$work/e2e.json" \
  --out "$out" --machine "$machine" --command "$command"
echo >&2
echo "Wrote $out.json and $out.md" >&2
