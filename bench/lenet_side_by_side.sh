#!/usr/bin/env bash
# Issue 12's side-by-side, in one run: the paper's LeNet SGD step at each batch size and a full Fashion-MNIST Our 2
# iteration, for
#   (a) htsgd as shipped before the engine self-check: DNNL_MAX_CPU_ISA=SSE41, glibc malloc left at its defaults,
#       LeNet's activations in NCHW (-Dhtsgd.layout=nchw; channels last since 2026-12-04), every batch as one
#       (-Dhtsgd.chunked-gradient=off; large batches in chunks on the intra-op threads since 2026-12-04),
#   (b) htsgd as the launcher runs it now: the ISA the engine self-check picks (org.htsgd.train.model.EngineIsa,
#       or your DNNL_MAX_CPU_ISA) plus the launcher's MALLOC_MMAP_THRESHOLD_ / MALLOC_TOP_PAD_, LeNet in channels
#       last (org.htsgd.train.model.MemoryLayout), large batches in chunks on the threads (ChunkedGradient),
#   (c) Debian's PyTorch 1.13 (/usr/bin/python3, bench/lenet_step_pytorch.py) as a user runs it: no ISA limit, no
#       malloc settings, at THREADS intra-op threads and at PyTorch's default thread count;
# extra rows (levers, variations of (b)): nomalloc = (b) without the malloc settings, passive = (b) with
# OMP_WAIT_POLICY=PASSIVE (OpenMP workers sleep instead of spinning), jemalloc = (b)'s ISA with jemalloc instead of
# the malloc settings (LD_PRELOAD; skipped when libjemalloc2 is not installed), t1 = (b) with 1 intra-op thread,
# nchw = (b) with LeNet in NCHW (-Dhtsgd.layout=nchw; it adds c-nhwc, PyTorch 1.13 with --channels-last),
# nochunk = (b) with every batch as one (-Dhtsgd.chunked-gradient=off);
# and `htsgd train --method our2` iterations/s against the raw Our 2 iteration rate of the same configuration;
# loop = the same run through Trainer.run (FashionMnistRun) with the time per iteration outside rule.step, after
# WARMUP iterations (the loop's own overhead, measured in one process, so insensitive to load changes between runs).
#
# Threads: every htsgd row sets its intra-op pool with the API (TorchRuntime.setThreads, -Dai.djl.pytorch.num_threads;
# no OMP_NUM_THREADS, as the launcher), inter-op 1 (eager training uses none); PyTorch's rows use
# torch.set_num_threads(THREADS) and no call at all ("default").
# `htsgd train` rows: java -jar htsgd-cli.jar train --task fmnist-lenet --method our2 --iterations N
#   --noise-off-last 0 (every iteration an Our 2 iteration, as in the raw rate) --eval-every 0 --checkpoint-every 0
#   --threads THREADS, with the configuration's environment; its it/s is N / metrics.csv's "seconds" of the final row
#   (the loop's wall time up to the last step: no evaluation, no checkpoint; the first, warm-up iterations included).
#
# Needs: the jars (built here when missing or older than the sources), `apt-get install -y python3-torch`,
# Fashion-MNIST (dataset-fashion-mnist).
# Usage: bench/lenet_side_by_side.sh [threads=2] [batches=100,1200,our2] [steps=20] [repeats=3] [train_iterations=200]
#                                    [extras=nchw,nochunk,nomalloc,passive,jemalloc,t1,loop]   (extras "none": no extra rows;
#                                    train_iterations 0: no train rows; WARMUP=n untimed steps before each timing;
#                                    ROUNDS=n: (a) and (b) alternated n times and compared round by round, below;
#                                    with ROUNDS, SHIPPED=REV adds the row "shipped": an old commit's own bench jar, run
#                                    as this script ran it then, to check that (a) stands for what was shipped)
set -euo pipefail
cd "$(dirname "$0")/.."
T=${1:-2}; B=${2:-100,1200,our2}; S=${3:-20}; R=${4:-3}; N=${5:-200}; EXTRAS=${6:-nchw,nochunk,nomalloc,passive,jemalloc,t1,loop}
W=${WARMUP:-5}
if [ -n "${SHIPPED:-}" ] && [ -z "${ROUNDS:-}" ]; then
  echo "SHIPPED=$SHIPPED needs ROUNDS=n: the shipped row is compared round by round only" >&2; exit 2
fi
echo "command: ${ROUNDS:+ROUNDS=$ROUNDS }${SHIPPED:+SHIPPED=$SHIPPED }WARMUP=$W bench/lenet_side_by_side.sh $T $B $S $R $N $EXTRAS"
BENCH=htsgd-bench/target/htsgd-bench.jar CLI=htsgd-cli/target/htsgd-cli.jar
for m in htsgd-bench htsgd-cli; do
  jar=$m/target/$m.jar
  if [ ! -f "$jar" ] || [ -n "$(find htsgd-core/src/main htsgd-train/src/main "$m/src/main" -newer "$jar" -type f | head -1)" ]; then
    mvn -B -o -q -pl "$m" -am package -DskipTests
  fi
done
CP="$BENCH:htsgd-bench/target/lib/*"
# (b)'s instruction set as the launcher chooses it (README, "Known engine problem"): yours, else the self-checked one
ISA="${DNNL_MAX_CPU_ISA:-$(java -Doffline=true -Dai.djl.offline=true -cp "$CLI" org.htsgd.train.model.EngineIsa || echo SSE41)}"
MALLOC=(MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TOP_PAD_=268435456)
NOMALLOC=(-u MALLOC_MMAP_THRESHOLD_ -u MALLOC_TOP_PAD_ -u LD_PRELOAD -u OMP_NUM_THREADS -u MKL_NUM_THREADS)
JEMALLOC=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2
JAVA=(java -Xmx8g -Doffline=true -Dai.djl.offline=true -Dai.djl.pytorch.num_interop_threads=1)
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-), $(nproc) cores; (b): DNNL_MAX_CPU_ISA=$ISA ${MALLOC[*]}"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
OUT=$(mktemp)
TMP=$(mktemp -d)
trap 'rm -rf "$OUT" "$TMP"' EXIT

# env_of CONFIG: the environment of an htsgd configuration (as arguments of env)
env_of() {
  case "$1" in
    a) echo "${NOMALLOC[*]} DNNL_MAX_CPU_ISA=SSE41" ;;
    b|t1|nchw|nochunk) echo "${NOMALLOC[*]} DNNL_MAX_CPU_ISA=$ISA ${MALLOC[*]}" ;;
    nomalloc) echo "${NOMALLOC[*]} DNNL_MAX_CPU_ISA=$ISA" ;;
    passive) echo "${NOMALLOC[*]} DNNL_MAX_CPU_ISA=$ISA ${MALLOC[*]} OMP_WAIT_POLICY=PASSIVE" ;;
    jemalloc) echo "${NOMALLOC[*]} DNNL_MAX_CPU_ISA=$ISA LD_PRELOAD=$JEMALLOC" ;;
  esac
}
# opts_of CONFIG: its Java system properties (LeNet's layout, the chunked large-batch gradient)
opts_of() {
  case "$1" in
    a) echo "-Dhtsgd.layout=nchw -Dhtsgd.chunked-gradient=off" ;;
    nchw) echo "-Dhtsgd.layout=nchw" ;;
    nochunk) echo "-Dhtsgd.chunked-gradient=off" ;;
  esac
}
threads_of() { if [ "$1" = t1 ]; then echo 1; else echo "$T"; fi; }

# step CONFIG: the step timings of an htsgd configuration
step() {
  local t; t=$(threads_of "$1")
  echo "== $1: env $(env_of "$1") / $t thread(s) $(opts_of "$1")" >&2
  # shellcheck disable=SC2046
  env $(env_of "$1") "${JAVA[@]}" $(opts_of "$1") -Dai.djl.pytorch.num_threads="$t" -cp "$CP" \
    org.htsgd.bench.train.LeNetStepBenchmark "$t" "$B" "$S" "$R" "$W" 2>/dev/null | sed "s/^/$1 /" | tee -a "$OUT"
}

# train CONFIG: htsgd train --method our2 iterations/s, evaluation excluded
train() {
  local t dir; t=$(threads_of "$1"); dir="$TMP/train-$1"
  echo "== $1: htsgd train --method our2 --iterations $N --threads $t" >&2
  # shellcheck disable=SC2046
  env $(env_of "$1") "${JAVA[@]}" $(opts_of "$1") -jar "$CLI" train --task fmnist-lenet --method our2 --iterations "$N" \
    --noise-off-last 0 --eval-every 0 --checkpoint-every 0 --threads "$t" --seed 1 --out "$dir" >/dev/null 2>&1
  awk -F, -v c="$1" -v n="$N" 'END { printf "%s train its_per_s=%.3f (%d iterations in %.1f s)\n", c, n / $NF, n, $NF }' \
    "$dir/metrics.csv" | tee -a "$OUT"
}

# loop CONFIG: the same run through Trainer.run in FashionMnistRun, timing the loop around rule.step after warm-up
loop() {
  local t; t=$(threads_of "$1")
  echo "== $1: Trainer.run loop overhead (FashionMnistRun our2 $N, $t thread(s))" >&2
  # shellcheck disable=SC2046
  env $(env_of "$1") "${JAVA[@]}" $(opts_of "$1") -Dai.djl.pytorch.num_threads="$t" -cp "$CP" org.htsgd.bench.train.FashionMnistRun \
    our2 "$N" "$TMP/loop-$1" 1 "$t" 0 0 0 "$W" 2>/dev/null | grep '^loop' | sed "s/^/$1 /" | tee -a "$OUT"
}

# ROUNDS=n: instead of the table, n alternations of (a) and (b) (fresh JVMs, one right after the other), each round's
# gradient alone at each batch and the ratio (a)/(b) within the round, then per batch the median, range and how many
# rounds reached 3x: a ratio of two runs minutes apart moves with the host's speed, one within a round much less
# SHIPPED=REV (with ROUNDS): each round first runs "shipped", the LeNetStepBenchmark of commit REV itself (its sources
# exported with git archive and built offline once into htsgd-bench/target/shipped-REV), as this script ran it before
# the engine self-check (up to 2026-12-03): DNNL_MAX_CPU_ISA=SSE41, OMP_NUM_THREADS = MKL_NUM_THREADS = THREADS,
# malloc at its defaults, no -Xmx. Meant for a REV of that time: for issue 12, 64c88d5, the code as shipped when the
# issue was filed (its benchmark takes no warm-up argument and warms up max(10, steps / 10) steps).
shipped() {
  local dir="htsgd-bench/target/shipped-$SHIPPED" OLDJAVA=()
  for o in "${JAVA[@]}"; do [ "$o" = -Xmx8g ] || OLDJAVA+=("$o"); done
  if [ ! -f "$dir/htsgd-bench/target/htsgd-bench.jar" ]; then
    rm -rf "$dir"; mkdir -p "$dir"
    git archive "$SHIPPED" | tar -x -C "$dir"
    (cd "$dir" && mvn -B -o -q -pl htsgd-bench -am package -DskipTests) >&2
  fi
  echo "== shipped: $SHIPPED's bench jar, env DNNL_MAX_CPU_ISA=SSE41 OMP_NUM_THREADS=$T MKL_NUM_THREADS=$T" >&2
  env "${NOMALLOC[@]}" DNNL_MAX_CPU_ISA=SSE41 OMP_NUM_THREADS="$T" MKL_NUM_THREADS="$T" "${OLDJAVA[@]}" \
    -Dai.djl.pytorch.num_threads="$T" -cp "$dir/htsgd-bench/target/htsgd-bench.jar:$dir/htsgd-bench/target/lib/*" \
    org.htsgd.bench.train.LeNetStepBenchmark "$T" "$B" "$S" "$R" 2>/dev/null | sed "s/^/shipped /"
}
if [ -n "${ROUNDS:-}" ]; then
  if [ -n "${SHIPPED:-}" ] && ! git rev-parse -q --verify "$SHIPPED^{commit}" >/dev/null; then
    echo "SHIPPED=$SHIPPED is not a commit of this repository" >&2; exit 2
  fi
  for ((r = 1; r <= ROUNDS; r++)); do
    if [ -n "${SHIPPED:-}" ]; then shipped | sed "s/^/round$r /" | tee -a "$TMP/rounds"; fi
    for c in a b; do step "$c" | sed "s/^/round$r /" | tee -a "$TMP/rounds"; done
  done
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  awk '
    { for (i = 1; i <= NF; i++) { if ($i ~ /^batch=/) b = substr($i, 7); if ($i == "lossAndGradient") g = $(i + 1) }
      if (b == "our2") next
      grad[$1, $2, b] = g; cseen[$2] = 1; if (!(b in bseen)) { bseen[b] = 1; border[++nb] = b }
      if (!($1 in rseen)) { rseen[$1] = 1; rorder[++nr] = $1 } }
    END {
      sh = ("shipped" in cseen)
      print "| round | batch |" (sh ? " shipped gradient ms |" : "") " (a) gradient ms | (b) gradient ms | (b) x (a) |" \
        (sh ? " (b) x shipped | shipped / (a) |" : "")
      print "|---|---|---|---|---|---|" (sh ? "---|---|" : "")
      for (i = 1; i <= nb; i++) { b = border[i]; n = 0
        for (j = 1; j <= nr; j++) { r = rorder[j]; x = grad[r, "a", b] / grad[r, "b", b]; q[++n] = x
          if (sh) { y = grad[r, "shipped", b] / grad[r, "b", b]; qs[n] = y; z = grad[r, "shipped", b] / grad[r, "a", b]; qa[n] = z
            printf "| %s | %s | %.1f | %.1f | %.1f | %.2f | %.2f | %.2f |\n", substr(r, 6), b, grad[r, "shipped", b],
              grad[r, "a", b], grad[r, "b", b], x, y, z }
          else printf "| %s | %s | %.1f | %.1f | %.2f |\n", substr(r, 6), b, grad[r, "a", b], grad[r, "b", b], x }
        summary[i] = "batch " b ": (b) x (a) " stats(q, n)
        if (sh) summary[i] = summary[i] "; (b) x shipped " stats(qs, n) "; shipped / (a) " stats(qa, n, 1) }
      print ""; for (i = 1; i <= nb; i++) print summary[i] }
    # stats(q, n, plain): median, range and (unless plain) how many of the n ratios reach 3x (sorts q)
    function stats(q, n, plain,   u, v, t, k3, med) {
      for (u = 1; u <= n; u++) for (v = u + 1; v <= n; v++) if (q[v] < q[u]) { t = q[u]; q[u] = q[v]; q[v] = t }
      k3 = 0; for (u = 1; u <= n; u++) if (q[u] >= 3) k3++
      med = (n % 2) ? q[(n + 1) / 2] : (q[n / 2] + q[n / 2 + 1]) / 2
      return sprintf("median %.2f, range %.2f-%.2f", med, q[1], q[n]) (plain ? "" : sprintf(", %d of %d rounds >= 3x", k3, n)) }' "$TMP/rounds"
  exit 0
fi

configs=(a b)
loops=()
IFS=, read -r -a extra <<< "$EXTRAS"
for x in "${extra[@]}"; do
  case "$x" in
    none) ;;
    jemalloc) if [ -f "$JEMALLOC" ]; then configs+=(jemalloc); else echo "jemalloc: $JEMALLOC not installed, row skipped"; fi ;;
    nchw|nochunk|nomalloc|passive|t1) configs+=("$x") ;;
    loop) loops+=(b) ;;
    *) echo "unknown extra row: $x (nchw, nochunk, nomalloc, passive, jemalloc, t1, loop or none)" >&2; exit 2 ;;
  esac
done
for c in "${configs[@]}"; do step "$c"; done
echo "== c: Debian PyTorch, $T threads and default threads" >&2
pytorch=("c $T" "c-default 0")
[[ " ${configs[*]} " == *" passive "* ]] && pytorch+=("c-passive $T OMP_WAIT_POLICY=PASSIVE")
[[ " ${configs[*]} " == *" nchw "* ]] && pytorch+=("c-nhwc $T --channels-last")
for p in "${pytorch[@]}"; do
  read -r label pt penv <<< "$p"
  popt=""; if [ "$penv" = "--channels-last" ]; then popt=$penv; penv=""; fi
  # shellcheck disable=SC2086
  env "${NOMALLOC[@]}" -u DNNL_MAX_CPU_ISA $penv /usr/bin/python3 bench/lenet_step_pytorch.py --threads "$pt" \
    --batches "$B" --steps "$S" --repeats "$R" --warmup "$W" $popt | sed "s/^/$label /" | tee -a "$OUT"
done
if [ "$N" -gt 0 ]; then
  for c in a b; do train "$c"; done
  for c in ${loops[@]+"${loops[@]}"}; do loop "$c"; done
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "ms per step (median of $R repeats of $S steps after $W warm-up steps); \"/ PyTorch\": time over Debian PyTorch's at"
echo "the same thread count (row c; c-default, c-passive: over c; passive: over c-passive) (< 1: ours faster);"
echo "\"x (a)\": speed-up over (a) (> 1: faster than as shipped before)"
echo
awk '
  function r(x, y) { return (x > 0 && y > 0) ? sprintf("%.2f", x / y) : "-" }
  function f(x) { return x > 0 ? sprintf("%.1f", x) : "-" }
  $3 ~ /^batch=/ || $4 ~ /^batch=/ {
    c = $1; for (i = 2; i <= NF; i++) {
      if ($i ~ /^batch=/) b = substr($i, 7)
      if ($i ~ /^threads=/) th[c] = substr($i, 9)
      if ($i ~ /^ms_per_step=/) ms[c, b] = substr($i, 13)
      if ($i == "lossAndGradient") grad[c, b] = $(i + 1)
    }
    if (!(c in seen)) { seen[c] = 1; order[++k] = c }
    if (!(b in bseen)) { bseen[b] = 1; border[++nb] = b }
  }
  $2 == "train" { its[$1] = substr($3, 11) }
  END {
    for (j = 1; j <= k; j++) { c = order[j]; pt[c] = (th[c] == th["c"]) ? "c" : (th[c] == th["c-default"] ? "c-default" : "") }
    if ("c-passive" in seen) pt["passive"] = "c-passive"
    pt["c-default"] = "c"; pt["c-passive"] = "c"; pt["c-nhwc"] = "c"
    head = "| row | threads |"; sep = "|---|---|"
    for (i = 1; i <= nb; i++) {
      b = border[i]
      if (b == "our2") { head = head " Our 2 iteration | / PyTorch | x (a) |"; sep = sep "---|---|---|" }
      else { head = head " batch " b " step | / PyTorch | x (a) | gradient alone | x (a) |"; sep = sep "---|---|---|---|---|" }
    }
    print head " train it/s | raw it/s | train / raw |"; print sep "---|---|---|"
    for (j = 1; j <= k; j++) {
      c = order[j]; line = "| " c " | " th[c] " |"
      for (i = 1; i <= nb; i++) {
        b = border[i]; p = pt[c]
        line = line " " f(ms[c, b]) " | " r(ms[c, b], ms[p, b]) " | " (c ~ /^c/ ? "-" : r(ms["a", b], ms[c, b])) " |"
        if (b != "our2") line = line " " f(grad[c, b]) " | " r(grad["a", b], grad[c, b]) " |"
      }
      raw = ms[c, "our2"] > 0 ? 1000 / ms[c, "our2"] : 0
      line = line " " (c in its ? sprintf("%.2f", its[c]) : "-") " | " (c ~ /^c/ ? "-" : sprintf("%.2f", raw)) " | " ((c in its) && raw > 0 ? r(its[c], raw) : "-") " |"
      print line
    }
  }' "$OUT"
grep ' loop its_per_s=' "$OUT" || true
