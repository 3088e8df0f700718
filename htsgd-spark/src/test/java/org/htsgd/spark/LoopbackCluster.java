package org.htsgd.spark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on 127.0.0.1 for tests: a master and workers of one core each, every one a child JVM
 * ({@code org.apache.spark.deploy.master.Master}, {@code org.apache.spark.deploy.worker.Worker}) with this JVM's
 * class path, on free ports (port 0, read back from the logs), stopped (with their executors) by {@link #close}.
 * The workers' {@code SPARK_HOME} is an empty stand-in (a {@code RELEASE} file and an empty {@code jars/}): the
 * executors get their class path from the driver ({@code spark.executor.extraClassPath}, {@link SparkUnits}).
 * Every process of the cluster, and a driver started with {@link #java}, keeps its temporary files (Spark's local
 * directories, the native libraries it unpacks) in the cluster's directory: a process killed with {@code kill -9}
 * leaves nothing in the machine's {@code /tmp}.
 */
final class LoopbackCluster implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("spark://127\\.0\\.0\\.1:[0-9]+");
    private final Path dir;
    private final List<Process> daemons = new ArrayList<>();
    private String masterUrl;

    private LoopbackCluster(Path dir) {
        this.dir = dir;
    }

    private void boot(int workers) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("spark-home/jars"));
        Files.createDirectories(tmp());
        Files.writeString(dir.resolve("spark-home/RELEASE"), "");
        Files.writeString(dir.resolve("log4j2.properties"), String.join("\n",
                "rootLogger.level = info", "rootLogger.appenderRef.stderr.ref = console",
                "appender.console.type = Console", "appender.console.name = console",
                "appender.console.target = SYSTEM_ERR", "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n%ex", ""));
        Path masterLog = dir.resolve("master.log");
        start(masterLog, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", "0",
                "--webui-port", "0");
        Matcher m = URL.matcher(waitFor(masterLog, "Starting Spark master at spark://"));
        if (!m.find()) {
            throw new IllegalStateException("no master URL in " + masterLog);
        }
        masterUrl = m.group();
        for (int w = 1; w <= workers; w++) {
            Path log = dir.resolve("worker" + w + ".log");
            Files.createDirectories(dir.resolve("worker" + w));
            start(log, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--port", "0",
                    "--webui-port", "0", "--cores", "1", "--memory", "2g", "--work-dir",
                    dir.resolve("worker" + w).toString(), masterUrl);
            waitFor(log, "Successfully registered with master");
        }
    }

    /**
     * @param dir a directory for the daemons' logs and work directories
     * @param workers number of workers (one core each)
     * @return the running cluster
     * @throws IOException if a daemon cannot start
     * @throws InterruptedException if interrupted while waiting for them
     */
    static LoopbackCluster start(Path dir, int workers) throws IOException, InterruptedException {
        LoopbackCluster c = new LoopbackCluster(dir);
        try {
            c.boot(workers);
            return c;
        } catch (IOException | InterruptedException | RuntimeException e) {
            c.close(); // a daemon did not come up: stop those that did
            throw e;
        }
    }

    /** @return the master's URL, {@code spark://127.0.0.1:PORT} */
    String masterUrl() {
        return masterUrl;
    }

    /**
     * @return the environment every process of the cluster (and a driver for it) runs with: loopback only, the
     *     stand-in {@code SPARK_HOME}, Spark's local directories in {@link #tmp}
     */
    Map<String, String> environment() {
        return Map.of("SPARK_HOME", dir.resolve("spark-home").toString(), "SPARK_SCALA_VERSION", "2.13",
                "SPARK_LOCAL_IP", "127.0.0.1", "SPARK_LOCAL_HOSTNAME", "localhost",
                "SPARK_LOCAL_DIRS", tmp().toString());
    }

    /** @return the temporary directory of the cluster's processes and its drivers, inside the cluster's directory */
    private Path tmp() {
        return dir.resolve("tmp");
    }

    /** @return whether a worker still has an executor (or an executor's child) running */
    boolean executorsRunning() {
        return daemons.stream().anyMatch(d -> d.descendants().findAny().isPresent());
    }

    /**
     * @param main a main class
     * @param args its arguments
     * @return a command running it in a JVM like this one (its options and class path), its temporary files in
     *     the cluster's directory
     */
    List<String> java(String main, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g"));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-D")) {
                cmd.add(a);
            }
        }
        cmd.add("-Djava.io.tmpdir=" + tmp()); // after this JVM's own -D options: the last one counts
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private void start(Path log, String main, String... args) throws IOException {
        List<String> cmd = java(main, args);
        cmd.add(1, "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"));
        // the daemons' log lines are how their ports are read back: make SLF4J use Log4j even where the class
        // path also holds slf4j-nop (the full reactor build's test class path does, and SLF4J then picks nop)
        cmd.add(1, "-Dslf4j.provider=org.apache.logging.slf4j.SLF4JServiceProvider");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(environment());
        daemons.add(pb.start());
    }

    private String waitFor(Path log, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300); // a busy 2-core machine is slow
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(log)) {
                for (String line : Files.readAllLines(log)) {
                    if (line.contains(text)) {
                        return line;
                    }
                }
            }
            if (daemons.stream().anyMatch(p -> !p.isAlive())) {
                throw new IllegalStateException("a Spark daemon ended: " + Files.readString(log));
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("timed out waiting for '" + text + "' in " + log + ": "
                + (Files.isRegularFile(log) ? Files.readString(log) : "(no log)"));
    }

    /** Stops the workers (and their executors), then the master. */
    @Override
    public void close() {
        for (int i = daemons.size() - 1; i >= 0; i--) {
            stop(daemons.get(i).toHandle());
        }
    }

    private static void stop(ProcessHandle p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroy();
        try {
            p.onExit().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
        }
    }
}
