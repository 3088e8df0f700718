#!/bin/sh
# Iterations per second of each update rule on fmnist-lenet (real corrupted Fashion-MNIST subset), and the share of a
# step spent outside the gradient evaluations and weight transfers (noise draw + combination + truncation + update).
# Builds the bench jar if it is missing or older than the sources. Needs the Fashion-MNIST IDX files
# (Debian package dataset-fashion-mnist, /usr/share/datasets/fashion-mnist).
# Usage: bench/train_methods.sh [steps=30] [rounds=3] [threads=1] [methods=lb,sb,sb-clip,sb-noise,our1,our2,sam]
#                               [warmup=5] [seed=1] [b=paper's 5; e.g. 1e-6 makes every truncating step truncate]
set -eu
cd "$(dirname "$0")/.."
S=${1:-30}; R=${2:-3}; T=${3:-1}; M=${4:-lb,sb,sb-clip,sb-noise,our1,our2,sam}; W=${5:-5}; SEED=${6:-1}; B=${7:-NaN}
JAR=htsgd-bench/target/htsgd-bench.jar
if [ ! -f "$JAR" ] || [ -n "$(find htsgd-core/src/main htsgd-train/src/main htsgd-bench/src/main -newer "$JAR" -type f | head -1)" ]; then
  mvn -B -o -q -pl htsgd-bench -am package -DskipTests
fi
# oneDNN's instruction set as the launcher chooses it (README, "Known engine problem"): yours, else the self-checked one
export DNNL_MAX_CPU_ISA="${DNNL_MAX_CPU_ISA:-$(java -cp "$JAR:htsgd-bench/target/lib/*" org.htsgd.train.model.EngineIsa || echo SSE41)}"
# glibc malloc keeps freed tensor memory, as the launcher sets it (values you set win)
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-33554432}" MALLOC_TOP_PAD_="${MALLOC_TOP_PAD_:-268435456}"
echo "load: $(uptime)"
# one intra-op thread by default: the engine then runs on the measuring thread, so its CPU time covers all the work
export OMP_NUM_THREADS="$T" MKL_NUM_THREADS="$T"
java -Doffline=true -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$T" -Dai.djl.pytorch.num_interop_threads=1 \
  -cp "$JAR:htsgd-bench/target/lib/*" org.htsgd.bench.train.MethodThroughput "$S" "$R" "$T" "$M" "$W" "$SEED" "$B" \
  2>/dev/null
echo "load: $(uptime)"
