#!/usr/bin/env bash
# Side-by-side speed of the 1-D simulation (paper1d, Lomax(1.2) noise, b, eta; occupation of the four fields):
# vectorised numpy (bench/sim_numpy.py, one core) vs the Java simulator (org.htsgd.bench.sim.SideBySide) on one
# core and on two. Same paths and steps for all three. Prints each run's key=value line, then the ratios.
#   PATHS=10000 STEPS=2000 ETA=0.001 B=0.5 bench/sim_side_by_side.sh
# steps_per_s is by wall clock; steps_per_cpu_s by process CPU time (less sensitive to a loaded machine).
set -euo pipefail
cd "$(dirname "$0")/.."
PATHS=${PATHS:-10000}
STEPS=${STEPS:-2000}
ETA=${ETA:-0.001}
B=${B:-0.5}
JAR=htsgd-bench/target/htsgd-bench.jar
if [ ! -f "$JAR" ] || [ -n "$(find htsgd-core/src htsgd-bench/src -newer "$JAR" -print -quit)" ]; then
  echo "building htsgd-bench ..." >&2
  mvn -B -o -q -pl htsgd-bench -am package -DskipTests >&2
fi
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
ONE=""; TWO=""
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then ONE="taskset -c 0"; TWO="taskset -c 0,1"; fi
ARGS=(--paths "$PATHS" --steps "$STEPS" --eta "$ETA" --b "$B")
NP=$($ONE python3 bench/sim_numpy.py "${ARGS[@]}")
J1=$($ONE java -cp "$JAR:htsgd-bench/target/lib/*" org.htsgd.bench.sim.SideBySide "${ARGS[@]}" --threads 1)
J2=$($TWO java -cp "$JAR:htsgd-bench/target/lib/*" org.htsgd.bench.sim.SideBySide "${ARGS[@]}" --threads 2)
printf '%s\n%s\n%s\n' "$NP" "$J1" "$J2"
python3 - "$NP" "$J1" "$J2" <<'PY'
import sys
def parse(line):
    return dict(kv.split("=", 1) for kv in line.split() if "=" in kv)
np_, j1, j2 = (parse(l) for l in sys.argv[1:])
for key in ("steps_per_s", "steps_per_cpu_s"):
    n, a, b = float(np_[key]), float(j1[key]), float(j2[key])
    print(f"{key}: java/numpy per core = {a / n:.2f}x, java 2 threads / 1 thread = {b / a:.2f}x")
PY
