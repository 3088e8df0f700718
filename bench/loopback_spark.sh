# Sourced by bench/spark_cluster.sh and bench/reproduce_cluster.sh: a Spark standalone cluster on loopback.
# Needs: $work (a directory), $cp_ (the class path holding spark-core), opens (the --add-opens array).
# Gives: cleanup on exit (every daemon started, and their executors, stopped), wait_for FILE PATTERN SECONDS,
# start_master [JAVA_OPTION...] (sets master_url), start_worker N MEMORY (one core).

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done # a worker stops its executors
  for p in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$p" 2>/dev/null || true
  done
}
trap cleanup EXIT INT TERM

wait_for() { # file pattern seconds
  for _ in $(seq $((${3} * 5))); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "bench: timed out waiting for '$2' in $1" >&2; tail -20 "$1" >&2; return 1
}

# The daemons log at INFO through Log4j (their start-up lines tell the ports); htsgd-spark.jar's own
# log4j2.properties says WARN.
cat > "$work/log4j2-daemon.properties" <<'PROPS'
rootLogger.level = info
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n%ex
PROPS
daemon_opts=(-Xmx512m "${opens[@]}" -Dlog4j2.configurationFile="$work/log4j2-daemon.properties"
  -Dslf4j.provider=org.apache.logging.slf4j.SLF4JServiceProvider)

start_master() { # [java option...]
  java "${daemon_opts[@]}" "$@" -cp "$cp_" org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port 0 --webui-port 0 > "$work/master.log" 2>&1 &
  pids+=($!)
  wait_for "$work/master.log" "Starting Spark master at spark://" 60
  master_url="$(grep -o 'spark://127.0.0.1:[0-9]*' "$work/master.log" | head -1)"
  echo "bench: master $master_url" >&2
}

start_worker() { # n memory
  mkdir -p "$work/worker$1"
  java "${daemon_opts[@]}" -cp "$cp_" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port 0 \
    --webui-port 0 --cores 1 --memory "$2" --work-dir "$work/worker$1" "$master_url" > "$work/worker$1.log" 2>&1 &
  pids+=($!)
  wait_for "$work/worker$1.log" "Successfully registered with master" 60
  echo "bench: worker $1 registered (1 core)" >&2
}
