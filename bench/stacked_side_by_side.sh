#!/bin/sh
# The gradients of K LeNets: K separate Network calls vs one StackedLeNet call (grouped convolutions, batched matrix
# products), at a shared batch (the 1,200-image large batch of LB / Our 1 / Our 2) and at own batches (small-batch
# steps), per intra-op thread count, in one run. Prints per-network ms (wall, median of the repeats), process CPU ms
# per network, and the ratio stacked / separate (< 1: stacking pays). Builds the bench jar if it is missing or older
# than the sources; also prints minor page faults per network. The engine runs as the launcher sets it: DNNL_MAX_CPU_ISA from org.htsgd.train.model.EngineIsa
# (yours wins) and the MALLOC_* settings of ./htsgd.
# Usage: bench/stacked_side_by_side.sh [ks=3,5] [batches=1200:shared,100:own] [steps=20] [repeats=3] [threads=2,1]
set -eu
cd "$(dirname "$0")/.."
KS=${1:-3,5}; B=${2:-1200:shared,100:own}; S=${3:-20}; R=${4:-3}; T=${5:-2,1}
JAR=htsgd-bench/target/htsgd-bench.jar
if [ ! -f "$JAR" ] || [ -n "$(find htsgd-core/src/main htsgd-train/src/main htsgd-bench/src/main -newer "$JAR" -type f | head -1)" ]; then
  mvn -B -o -q -pl htsgd-bench -am package -DskipTests
fi
CP="$JAR:htsgd-bench/target/lib/*"
# oneDNN's instruction set as the launcher chooses it (README, "Known engine problem"): yours, else the self-checked one
export DNNL_MAX_CPU_ISA="${DNNL_MAX_CPU_ISA:-$(java -cp "$CP" org.htsgd.train.model.EngineIsa || echo SSE41)}"
# glibc malloc keeps freed tensor memory, as the launcher sets it (values you set win)
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-33554432}" MALLOC_TOP_PAD_="${MALLOC_TOP_PAD_:-268435456}"
# the OpenMP pool is sized for the largest thread count asked; each row then sets the intra-op count
MAXT=$(echo "$T" | tr ',' '\n' | sort -n | tail -1)
export OMP_NUM_THREADS="$MAXT" MKL_NUM_THREADS="$MAXT"
echo "DNNL_MAX_CPU_ISA=$DNNL_MAX_CPU_ISA MALLOC_MMAP_THRESHOLD_=$MALLOC_MMAP_THRESHOLD_ MALLOC_TOP_PAD_=$MALLOC_TOP_PAD_"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores; load: $(uptime | sed 's/.*load/load/')"
java -Doffline=true -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$MAXT" -Dai.djl.pytorch.num_interop_threads=1 \
  -cp "$CP" org.htsgd.bench.train.StackedStep "$KS" "$B" "$S" "$R" "$T" 2>/dev/null
echo "load after: $(uptime | sed 's/.*load/load/')"
