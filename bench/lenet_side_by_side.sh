#!/bin/sh
# One LeNet SGD step, DJL/PyTorch-2.7 (htsgd Network) vs Debian PyTorch 1.13, same batch sizes, same thread count,
# one after the other in one run. Needs: `apt-get install -y python3-torch`; the bench jar:
#   mvn -B -o -q -pl htsgd-bench -am package -DskipTests
# Usage: bench/lenet_side_by_side.sh [threads=2] [batches=100,1200] [steps=200] [repeats=5]
set -eu
cd "$(dirname "$0")/.."
T=${1:-2}; B=${2:-100,1200}; S=${3:-200}; R=${4:-5}
CP="htsgd-bench/target/htsgd-bench.jar:htsgd-bench/target/lib/*"
# oneDNN's instruction set as the launcher chooses it (README, "Known engine problem"): yours, else the self-checked one
export DNNL_MAX_CPU_ISA="${DNNL_MAX_CPU_ISA:-$(java -cp "$CP" org.htsgd.train.model.EngineIsa || echo SSE41)}"
echo "DNNL_MAX_CPU_ISA=$DNNL_MAX_CPU_ISA"
# glibc malloc keeps freed tensor memory, as the launcher sets it (values you set win)
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-33554432}" MALLOC_TOP_PAD_="${MALLOC_TOP_PAD_:-268435456}"
OUT=$(mktemp)
# the pool size is fixed for both: OMP_NUM_THREADS for the OpenMP runtime of each libtorch, plus the API calls
export OMP_NUM_THREADS="$T" MKL_NUM_THREADS="$T"
java -Doffline=true -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$T" -Dai.djl.pytorch.num_interop_threads=1 \
  -cp "$CP" org.htsgd.bench.train.LeNetStepBenchmark "$T" "$B" "$S" "$R" 2>/dev/null | tee -a "$OUT"
/usr/bin/python3 bench/lenet_step_pytorch.py --threads "$T" --batches "$B" --steps "$S" --repeats "$R" | tee -a "$OUT"
echo "--- ratio DJL / PyTorch (ms per step; < 1 means ours is faster)"
awk '{ for (i = 1; i <= NF; i++) { if ($i ~ /^batch=/) b = substr($i, 7); if ($i ~ /^ms_per_step=/) m = substr($i, 13) }
       if ($1 == "djl") d[b] = m; else p[b] = m }
     END { for (b in d) if (b in p) printf "batch=%s djl=%.3f ms pytorch=%.3f ms ratio=%.2f\n", b, d[b], p[b], d[b] / p[b] }' "$OUT"
rm -f "$OUT"
