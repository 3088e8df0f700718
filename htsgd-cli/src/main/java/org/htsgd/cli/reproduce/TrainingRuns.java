package org.htsgd.cli.reproduce;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.htsgd.train.data.TaskData;
import org.htsgd.train.loop.StepOutcome;
import org.htsgd.train.loop.Task;
import org.htsgd.train.loop.TrainConfig;
import org.htsgd.train.loop.TrainListener;
import org.htsgd.train.loop.TrainResult;
import org.htsgd.train.loop.Trainer;
import org.htsgd.train.method.Method;
import org.htsgd.train.model.Network;
import org.htsgd.train.sharpness.Sharpness;
import org.htsgd.train.sharpness.SharpnessResult;

/**
 * One Table 2 run: train with the library's loop, then measure the final weights' sharpness. Each run executes in a
 * child JVM ({@link #inChildProcess}) with a fresh tensor engine, so native state (threads, memory) of one run cannot
 * affect the next; a run whose loss becomes NaN is recorded as diverged, not hidden. (Observed 2026-11-27: LB and SB
 * runs at lr 0.05 sometimes hit a NaN loss at a random iteration while the same seed ran through in another process,
 * which points to a nondeterministic problem in the training stack, reported to the integrator.)
 */
final class TrainingRuns {
    /** Prefix of the child's progress lines. */
    private static final String PROGRESS = "htsgd-iteration ";

    private TrainingRuns() {
    }

    /**
     * What a child process runs.
     *
     * @param task task id
     * @param method method CLI name
     * @param replication replication
     * @param seed seed
     * @param iterations T
     * @param noiseOffLast K
     * @param scale training scale
     * @param dataDir data directory or null
     * @param dir run directory
     * @param threads threads
     */
    public record Request(String task, String method, int replication, long seed, long iterations, long noiseOffLast,
                          Profile.TrainingScale scale, String dataDir, String dir, int threads) {
    }

    /**
     * Runs {@link #trainAndMeasure} in a child JVM with this JVM's class path and options, reporting its iterations
     * to {@code iterationDone}; the child writes {@code result.json} (or a diverged run) into {@code dir}.
     *
     * @param request the run
     * @param iterationDone progress
     * @return the run's numbers
     * @throws IOException if the child fails
     * @throws InterruptedException if interrupted
     */
    static Table2Part.Run inChildProcess(Request request, LongConsumer iterationDone)
        throws IOException, InterruptedException {
        Path dir = Path.of(request.dir());
        java.nio.file.Files.createDirectories(dir);
        Path requestFile = dir.resolve("request.json");
        org.htsgd.cli.io.OutputDir.writeAtomically(requestFile,
            org.htsgd.cli.io.OutputDir.JSON.writeValueAsBytes(request));
        java.util.List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-agentlib") && !a.startsWith("-javaagent")) {
                cmd.add(a);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(TrainingRuns.class.getName());
        cmd.add(requestFile.toString());
        Path log = dir.resolve("child.log");
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectError(log.toFile());
        // oneDNN's instruction set when this JVM was not started by the launcher (README, "Known engine problem")
        builder.environment().putAll(org.htsgd.train.model.EngineIsa.childEnvironment());
        Process p = builder.start();
        try (java.io.BufferedReader in = new java.io.BufferedReader(
            new java.io.InputStreamReader(p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(PROGRESS)) {
                    iterationDone.accept(Long.parseLong(line.substring(PROGRESS.length()).trim()));
                }
            }
        }
        int code = p.waitFor();
        Path result = dir.resolve("result.json");
        if (code != 0 || !java.nio.file.Files.isRegularFile(result)) {
            java.util.List<String> lines = java.nio.file.Files.isRegularFile(log)
                ? java.nio.file.Files.readAllLines(log) : java.util.List.of();
            String tail = String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
            throw new IOException("training run " + request.task() + " " + request.method() + " rep "
                + (request.replication() + 1) + " failed (exit " + code + "): " + tail + " (log: " + log + ")");
        }
        return org.htsgd.cli.io.OutputDir.JSON.readValue(result.toFile(), Table2Part.Run.class);
    }

    /**
     * The child process: runs one request and writes {@code result.json}.
     *
     * @param args the request file
     * @throws Exception on failure (non-zero exit)
     */
    public static void main(String[] args) throws Exception {
        Request r = org.htsgd.cli.io.OutputDir.JSON.readValue(Path.of(args[0]).toFile(), Request.class);
        Path dir = Path.of(r.dir());
        Table2Part.Run run;
        try {
            run = trainAndMeasure(r.task(), Method.fromCliName(r.method()), r.replication(), r.seed(), r.iterations(),
                r.noiseOffLast(), r.scale(), r.dataDir() == null ? null : Path.of(r.dataDir()), dir, r.threads(),
                it -> {
                    if ((it + 1) % 10 == 0 || it + 1 == r.iterations()) {
                        System.out.println(PROGRESS + it);
                        System.out.flush();
                    }
                }, m -> { });
        } catch (org.htsgd.train.loop.TrainingDivergedException d) {
            // a result of the method (SB+Noise can explode, App. A.3): reported, not hidden
            run = Table2Part.Run.diverged(r.task(), r.method(), r.replication(), r.seed(), r.iterations(),
                r.noiseOffLast(), d.getMessage());
        }
        org.htsgd.cli.io.OutputDir.of(dir).writeJson("result.json", run);
        System.exit(0);
    }

    /**
     * @param task task id, e.g. {@code fmnist-lenet}
     * @param method the method
     * @param replication replication index
     * @param seed training seed (weights, batches, Z, and the label corruption of Fashion-MNIST)
     * @param iterations T
     * @param noiseOffLast K
     * @param s the profile's training scale (evaluation period and sharpness settings)
     * @param dataDir {@code --data}, or {@code null} for the task's default directory
     * @param dir the run's directory (checkpoint, metrics, weights, summary, sharpness)
     * @param threads PyTorch threads
     * @param iterationDone called with each finished iteration index
     * @param message status text for the progress bar
     * @return the run's numbers
     * @throws IOException if an output cannot be written
     */
    static Table2Part.Run trainAndMeasure(String task, Method method, int replication, long seed, long iterations,
                                          long noiseOffLast, Profile.TrainingScale s, Path dataDir, Path dir,
                                          int threads, LongConsumer iterationDone, Consumer<String> message)
        throws IOException {
        Task t = Task.parse(task);
        Path data = dataDir != null ? dataDir : t.data().defaultDirectory();
        TrainConfig config = TrainConfig.defaults(t, method, data, dir).withIterations(iterations)
            .withNoiseOffLast(noiseOffLast).withSeed(seed).withThreads(threads).withEvalEvery(s.evalEvery())
            .withCheckpointEvery(Math.max(1, iterations / 10)).withResume(true);
        TrainResult result = Trainer.run(config, new TrainListener() {
            @Override
            public void onStep(long iteration, StepOutcome outcome) {
                iterationDone.accept(iteration);
            }
        });
        message.accept(task + " " + method.cliName() + " rep " + (replication + 1) + ": sharpness");
        long t0 = System.nanoTime();
        TaskData taskData = t.data().load(data, seed);
        SharpnessResult sharpness;
        try (Network net = Network.create(t.architecture(), taskData.train(), seed)) {
            net.load(dir.resolve(result.weightsFile()));
            sharpness = Sharpness.measure(net, Table2Part.sharpnessConfig(s, seed));
        }
        double sharpnessSeconds = (System.nanoTime() - t0) * 1e-9;
        org.htsgd.cli.io.OutputDir.of(dir).writeJson("sharpness.json", sharpness);
        double[] n = Table2Part.numbers(sharpness);
        return new Table2Part.Run(task, method.cliName(), replication, seed, iterations, noiseOffLast,
            result.testAccuracy(), result.trainAccuracy(), result.testLoss(), result.trainLoss(),
            result.truncationRate(), result.wallSeconds(), n[0], n[1], n[2], n[3], n[4], n[5], sharpnessSeconds, "");
    }
}
