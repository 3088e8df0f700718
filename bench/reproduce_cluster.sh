#!/usr/bin/env bash
# `htsgd reproduce --master` on a Spark standalone cluster, all on this machine and on loopback only: starts a master
# and one worker (1 core), runs the quick profile's Table 2 (`reproduce --profile quick --parts table2`) with its
# units (training runs) as Spark tasks, starts a second worker, runs the same into a fresh directory, and prints
# both wall times, the speed-up, and whether the two tables agree (every number but timings). Everything it started
# is stopped at the end (also on error or Ctrl-C).
# Usage: bench/reproduce_cluster.sh
# Env: HTSGD_BENCH_PROFILE (default quick), HTSGD_BENCH_PARTS (default table2), HTSGD_BENCH_ARGS (more reproduce
#   options, e.g. "--methods sb,our2" for a subset), HTSGD_BENCH_DIR (work dir, default a fresh /tmp dir),
#   HTSGD_BENCH_TIMEOUT (seconds per run, default 14400).
# What to expect: each worker has one core and runs one training run at a time (one intra-op thread, in its own
# JVM). The quick Table 2 has 5 runs, 3 of them (LB, Our 1, Our 2) about 10x the cost of the other two (a
# large-batch gradient every step), so two slots cannot halve it: the best split is about 2 large runs per worker,
# a speed-up near (3L + 2S) / (2L + S) ~ 1.4-1.7 (measured 1.73x, BENCHMARKS.md). On a 2-core machine the two workers also share the memory bandwidth
# and the driver, so expect less; on a busy machine the numbers mean little.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$here/htsgd-spark/target/htsgd-spark.jar"
lib="$here/htsgd-spark/target/lib"
timeout_s="${HTSGD_BENCH_TIMEOUT:-14400}"
profile="${HTSGD_BENCH_PROFILE:-quick}"
parts="${HTSGD_BENCH_PARTS:-table2}"
read -r -a extra <<< "${HTSGD_BENCH_ARGS:-}"

if [ ! -f "$jar" ] || [ ! -d "$lib" ]; then
  echo "bench: building htsgd-spark (mvn -B -q -o -DskipTests package -pl htsgd-spark -am) ..." >&2
  (cd "$here" && mvn -B -q -o -DskipTests package -pl htsgd-spark -am) >&2
fi
cp_="$jar:$lib/*"
# as the launcher: oneDNN's instruction set (yours, else the self-checked one) and glibc malloc settings
export DNNL_MAX_CPU_ISA="${DNNL_MAX_CPU_ISA:-$(java -cp "$cp_" org.htsgd.train.model.EngineIsa || echo SSE41)}"
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-33554432}" MALLOC_TOP_PAD_="${MALLOC_TOP_PAD_:-268435456}"

work="${HTSGD_BENCH_DIR:-$(mktemp -d /tmp/htsgd-reproduce-cluster.XXXXXX)}"
mkdir -p "$work"
opens=()
for p in java.lang java.lang.invoke java.nio sun.nio.ch java.util java.util.concurrent sun.util.calendar java.net \
         java.io sun.nio.cs sun.security.action; do
  opens+=("--add-opens=java.base/$p=ALL-UNNAMED")
done
# A SPARK_HOME the workers accept: an empty jars/ and a RELEASE file; the executors get htsgd's class path from the
# driver (spark.executor.extraClassPath, set by reproduce --master for a non-local master).
export SPARK_HOME="$work/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_HOSTNAME=localhost
mkdir -p "$SPARK_HOME/jars" && touch "$SPARK_HOME/RELEASE"

load0="$(cut -d' ' -f1-3 /proc/loadavg)"
. "$(dirname "$0")/loopback_spark.sh"
start_master
run_reproduce() { # label
  local out="$work/out-$1" t0 t1
  rm -rf "$out"
  t0=$(date +%s.%N)
  timeout "$timeout_s" java -Xmx2g "${opens[@]}" -Djava.awt.headless=true -Doffline=true -Dai.djl.offline=true \
    -Dspark.executor.memory=3g -cp "$cp_" org.htsgd.cli.Main reproduce --profile "$profile" --parts "$parts" \
    --threads 1 ${extra[@]+"${extra[@]}"} --master "$master_url" --out "$out" > "$work/reproduce-$1.log" 2>&1 \
    || { echo "bench: reproduce with $1 failed:" >&2; tail -20 "$work/reproduce-$1.log" >&2; return 1; }
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc
}
start_worker 1 4g
wall1="$(run_reproduce 1worker)"
echo "bench: 1 worker: ${wall1} s" >&2
start_worker 2 4g
wall2="$(run_reproduce 2workers)"
echo "bench: 2 workers: ${wall2} s" >&2

units="$(grep -o '[0-9]* unit(s) of work to run' "$work/reproduce-1worker.log" | head -1)"
echo "reproduce --profile $profile --parts $parts ${extra[*]:-} ($units); load average before/after: $load0 / $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %12s\n' "" "end to end" "1 worker" "$(printf '%.1f s' "$wall1")" "2 workers" "$(printf '%.1f s' "$wall2")"
printf '%-10s %11.2fx\n' "speed-up" "$(echo "scale=4; $wall1 / $wall2" | bc)"
# the same numbers: runs.csv without its timing columns (train_seconds, sharpness_seconds)
strip() { [ -f "$1" ] && cut -d, -f1-14,17- "$1"; }
if [ -f "$work/out-1worker/table2/runs.csv" ]; then
  echo "Table 2 runs.csv identical but for timings: $(diff <(strip "$work/out-1worker/table2/runs.csv") \
    <(strip "$work/out-2workers/table2/runs.csv") >/dev/null && echo yes || echo no)"
fi
echo "logs and results: $work"
