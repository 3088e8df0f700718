#!/usr/bin/env bash
# Spark standalone cluster benchmark for `htsgd sweep`, all on this machine and on loopback only:
#   starts a master and two workers (1 core each) with `java -cp` from htsgd-spark's jars, submits the same sweep
#   with spark-submit (org.apache.spark.deploy.SparkSubmit) first with one worker, then with two, prints the wall
#   times and the speed-up, and stops everything it started (also on error or Ctrl-C).
# Usage: bench/spark_cluster.sh [GRID.yaml]
#   Without a grid: 8 exit-time cells (seeds 1..8) if this htsgd has `exit-time`, else 8 cells of a CPU-bound stand-in
#   (BusyRunner, compiled here: a seeded random walk of HTSGD_BENCH_BUSY_STEPS steps, default 1e9, about 8 s on an
#   idle core). Env: HTSGD_BENCH_DIR (work dir, default a fresh /tmp dir), HTSGD_BENCH_TIMEOUT (seconds per sweep,
#   default 900).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$here/htsgd-spark/target/htsgd-spark.jar"
lib="$here/htsgd-spark/target/lib"
timeout_s="${HTSGD_BENCH_TIMEOUT:-900}"
busy_steps="${HTSGD_BENCH_BUSY_STEPS:-1e9}"

if [ ! -f "$jar" ] || [ ! -d "$lib" ]; then
  echo "bench: building htsgd-spark (mvn -B -q -o -DskipTests package -pl htsgd-spark -am) ..." >&2
  (cd "$here" && mvn -B -q -o -DskipTests package -pl htsgd-spark -am) >&2
fi
# oneDNN's instruction set as the launcher chooses it (README, "Known engine problem"): yours, else the self-checked one
export DNNL_MAX_CPU_ISA="${DNNL_MAX_CPU_ISA:-$(java -cp "$jar:$lib/*" org.htsgd.train.model.EngineIsa || echo SSE41)}"

work="${HTSGD_BENCH_DIR:-$(mktemp -d /tmp/htsgd-spark-bench.XXXXXX)}"
mkdir -p "$work"
opens=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED)

# A SPARK_HOME the workers accept: the jars in jars/ and an empty RELEASE file (marks a binary distribution).
export SPARK_HOME="$work/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_HOSTNAME=localhost
rm -rf "$SPARK_HOME" && mkdir -p "$SPARK_HOME/jars" && touch "$SPARK_HOME/RELEASE"
ln -s "$lib"/*.jar "$SPARK_HOME/jars/" && ln -s "$jar" "$SPARK_HOME/jars/"
cp_="$jar:$lib/*"

# The workload.
grid="${1:-}"
runner_args=()
if [ -z "$grid" ]; then
  grid="$work/grid.yaml"
  if java -cp "$cp_" org.htsgd.cli.Main exit-time --help 2>&1 | grep -q 'Usage: htsgd exit-time'; then
    cat > "$grid" <<'YAML'
# 8 replications of one exit-time run (about 1e8 SGD steps each; ~10 s of one idle core)
command: exit-time
fixed: {landscape: paper1d, start: -0.7, noise: "lomax:alpha=1.2,scale=0.1", b: 0.5, eta: 0.002, paths: 300}
axes: {seed: [1, 2, 3, 4, 5, 6, 7, 8]}
retries: 1
YAML
  else
    echo "bench: this htsgd has no exit-time yet: using BusyRunner (${busy_steps} random-walk steps per cell)" >&2
    mkdir -p "$work/busy/src"
    cat > "$work/busy/src/BusyRunner.java" <<'JAVA'
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/** A CPU-bound stand-in for an htsgd command: a seeded random walk of a fixed number of steps, one thread. */
public final class BusyRunner implements org.htsgd.spark.CellRunner {
    @Override
    public int run(String command, List<String> args, Path out) {
        SplittableRandom rng = new SplittableRandom(String.join(" ", args).hashCode());
        long steps = (long) Double.parseDouble(System.getProperty("busy.steps", "3e8"));
        double x = 0;
        for (long i = 0; i < steps; i++) {
            x += rng.nextGaussian() * 1e-3 - 1e-4 * x;
        }
        try {
            Files.writeString(out.resolve("busy.json"), "{\"steps\": " + steps + ", \"x\": " + x + "}\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return 0;
    }
}
JAVA
    javac -nowarn -d "$work/busy/classes" -cp "$cp_" "$work/busy/src/BusyRunner.java"
    (cd "$work/busy/classes" && jar cf "$work/busy/busy.jar" .)
    ln -s "$work/busy/busy.jar" "$SPARK_HOME/jars/"
    cp_="$cp_:$work/busy/busy.jar"
    runner_args=(--cell-runner BusyRunner)
    cat > "$grid" <<'YAML'
command: busy
axes: {seed: [1, 2, 3, 4, 5, 6, 7, 8]}
YAML
  fi
fi

load0="$(cut -d' ' -f1-3 /proc/loadavg)"
. "$(dirname "$0")/loopback_spark.sh"
start_master -Dspark.ui.enabled=false

run_sweep() { # label
  local out="$work/out-$1" t0 t1
  rm -rf "$out"
  t0=$(date +%s.%N)
  timeout "$timeout_s" java -Xmx1g "${opens[@]}" -cp "$cp_" -Dbusy.steps="$busy_steps" \
    org.apache.spark.deploy.SparkSubmit --master "$master_url" --deploy-mode client \
    --class org.htsgd.spark.SweepMain --name "htsgd sweep ($1)" \
    --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 --conf spark.ui.enabled=false \
    --conf spark.executor.memory=1g --conf spark.executor.cores=1 \
    --conf "spark.executor.extraJavaOptions=-Dbusy.steps=$busy_steps -Doffline=true -Dai.djl.offline=true" \
    "$jar" sweep "$grid" --out "$out" "${runner_args[@]}" > "$work/sweep-$1.log" 2>&1 \
    || { echo "bench: sweep with $1 failed:" >&2; tail -20 "$work/sweep-$1.log" >&2; return 1; }
  t1=$(date +%s.%N)
  grep -o '[0-9]*/[0-9]* cells ok.*s);' "$work/sweep-$1.log" | sed "s/^/bench: $1: /" >&2
  # end-to-end wall (JVM + SparkContext + executors + cells), and the cells phase (first cell start to end)
  local line sweep_s first_s
  line="$(grep -o 'failed, [0-9.]* s (first cell started after [0-9.]* s)' "$work/sweep-$1.log")"
  sweep_s="$(echo "$line" | awk '{print $2}')"
  first_s="$(echo "$line" | awk '{print $8}')"
  echo "$(echo "$t1 - $t0" | bc) $(echo "$sweep_s - $first_s" | bc)"
}

start_worker 1 2g
read -r wall1 cells1 <<< "$(run_sweep 1worker)"
[ -n "${cells1:-}" ] || exit 1
echo "bench: 1 worker: ${wall1} s end to end, cells phase ${cells1} s" >&2
start_worker 2 2g
read -r wall2 cells2 <<< "$(run_sweep 2workers)"
[ -n "${cells2:-}" ] || exit 1
echo "bench: 2 workers: ${wall2} s end to end, cells phase ${cells2} s" >&2

cells=$(($(wc -l < "$work/out-1worker/results.csv") - 1))
echo "grid: $grid ($cells cells); load average before/after: $load0 / $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %12s %14s\n' "" "end to end" "cells phase"
printf '%-10s %10.1f s %12.1f s\n' "1 worker" "$wall1" "$cells1" "2 workers" "$wall2" "$cells2"
printf '%-10s %11.2fx %13.2fx\n' "speed-up" "$(echo "scale=4; $wall1 / $wall2" | bc)" "$(echo "scale=4; $cells1 / $cells2" | bc)"
# mean number of cells running at once = sum of per-cell wall times (cell.json) / cells phase
busy() { cat "$(dirname "$1")"/cells/*/cell.json | grep -o '"wallSeconds" : [0-9.]*' | awk '{ s += $3 } END { print s }'; }
printf '%-10s %12s %14s\n' "" "cell-seconds" "cells at once"
printf '%-10s %10.1f s %14.2f\n' "1 worker" "$(busy "$work/out-1worker/results.csv")" \
  "$(echo "scale=4; $(busy "$work/out-1worker/results.csv") / $cells1" | bc)" \
  "2 workers" "$(busy "$work/out-2workers/results.csv")" "$(echo "scale=4; $(busy "$work/out-2workers/results.csv") / $cells2" | bc)"
echo "per-cell JSON identical between the two runs: $(diff -rq -x 'cell.json' -x 'htsgd.log' "$work/out-1worker/cells" "$work/out-2workers/cells" >/dev/null && echo yes || echo no)"
echo "logs and results: $work"
