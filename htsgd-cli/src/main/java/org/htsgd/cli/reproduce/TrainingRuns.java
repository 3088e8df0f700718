package org.htsgd.cli.reproduce;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.LongConsumer;
import org.htsgd.cli.ChildJvm;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.cli.io.Progress;
import org.htsgd.train.data.TaskData;
import org.htsgd.train.loop.MetricsFile;
import org.htsgd.train.loop.Task;
import org.htsgd.train.loop.TrainConfig;
import org.htsgd.train.loop.TrainListener;
import org.htsgd.train.loop.TrainResult;
import org.htsgd.train.loop.Trainer;
import org.htsgd.train.method.Hyperparameters;
import org.htsgd.train.method.Method;
import org.htsgd.train.method.StepRecord;
import org.htsgd.train.loop.TrainingDivergedException;
import org.htsgd.train.model.EngineIsa;
import org.htsgd.train.model.Network;
import org.htsgd.train.model.TorchRuntime;
import org.htsgd.train.sharpness.Sharpness;
import org.htsgd.train.sharpness.SharpnessResult;

/**
 * Runs Table 2's training runs: each trains with the library's loop, then measures the final weights' sharpness
 * ({@link Table2Sharpness}). Each run executes in a child JVM ({@link #inChildProcess}) with a fresh tensor engine,
 * so native state (threads, memory) of one run cannot affect the next; a run whose loss becomes NaN is recorded as
 * diverged, not hidden. (Observed 2026-11-27: LB and SB runs at lr 0.05 sometimes hit a NaN loss at a random
 * iteration while the same seed ran through in another process, which points to a nondeterministic problem in the
 * training stack, reported to the integrator.)
 */
final class TrainingRuns {
    /** Prefix of the child's progress lines. */
    private static final String PROGRESS = "htsgd-iteration ";
    /** What the parent writes on a child's standard input, followed by the intra-op threads it may use. */
    static final String THREADS = "htsgd-threads ";
    /** A finished run's file in its directory. */
    static final String RESULT = "result.json";
    /** Running child processes, ended when this JVM ends (a killed reproduce leaves no run training on). */
    private static final Set<Process> CHILDREN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> CHILDREN.forEach(Process::destroy),
            "htsgd-table2-children"));
    }

    private TrainingRuns() {
    }

    /**
     * What a child process runs.
     *
     * @param job the run
     * @param scale training scale (evaluation period, sharpness settings)
     * @param dataDir data directory, or null for the task's default
     * @param threads PyTorch intra-op threads
     */
    record Request(Table2Job job, TrainingScale scale, Path dataDir, int threads) {
    }

    /**
     * Runs per thread started at once when there are at least 2 threads: the operating system then shares the
     * cores among them, so a plan whose large-batch runs do not divide evenly among the cores does not end with
     * one run alone on one core while the others idle (the quick profile: three large-batch runs and two
     * small-batch ones on 2 cores end after about 1.5 large-batch runs instead of 2 by {@link Table2Estimate}'s
     * model, not timed side by side; BENCHMARKS.md, "Quick Table 2 to 99%"). Each child takes about 1.2 GB
     * (LeNet), so 2 per thread stays far below the memory of a machine with that many cores.
     */
    static final int RUNS_PER_THREAD = 2;

    /**
     * @param threads the cores Table 2 may use ({@code --threads})
     * @param runs runs to train
     * @return how many run at once: {@link #RUNS_PER_THREAD} per thread (but 1 on one thread, where sharing one
     *     core gains nothing), at most {@code runs}, at least 1
     */
    static int runsAtOnce(int threads, int runs) {
        return Math.max(1, Math.min(runs, threads == 1 ? 1 : RUNS_PER_THREAD * threads));
    }

    /**
     * @param job one of Table 2's runs
     * @return the iterations it has still to train: 0 once it has its result, else its schedule less what its
     *     checkpoint holds ({@link Trainer#resumesAt})
     */
    static long iterationsLeft(Table2Job job) {
        return Files.isRegularFile(job.dir().resolve(RESULT)) ? 0
            : job.schedule().iterations() - Trainer.resumesAt(job.dir());
    }

    /** @return the iterations {@link #runAll} will train: {@link #iterationsLeft} summed over the jobs */
    static long iterationsLeft(List<Table2Job> jobs) {
        return jobs.stream().mapToLong(TrainingRuns::iterationsLeft).sum();
    }

    /**
     * Runs the jobs, {@link #runsAtOnce} at a time, each in its own child JVM, starting with one intra-op thread
     * and given more when fewer runs than cores remain ({@link CoreShares}; a run's numbers do not depend on its
     * threads: {@link #trainAndMeasure}), so the cores stay busy to the end. Runs start in {@link
     * Table2Plan#startOrder}. Finished runs ({@code result.json} present) are read, not re-run. If a run fails, the
     * others still finish (their results are kept for a resumed run), then the first failure is thrown.
     *
     * @param jobs the runs, in plan order
     * @param dataDirs each task's data directory
     * @param scale the training scale
     * @param threads cores to use
     * @param bar progress: the iterations trained in this call, out of {@link #iterationsLeft(List)} (a finished
     *     run adds none, a resumed one those after its checkpoint, so the rate and time left are this call's); the
     *     running runs as its message
     * @return the runs in plan order
     * @throws Exception the first failure of a run
     */
    static List<Table2Run> runAll(List<Table2Job> jobs, Map<Task, Path> dataDirs, TrainingScale scale, int threads,
                                  Progress bar) throws Exception {
        long[] done = new long[jobs.size()];
        long[] before = new long[jobs.size()]; // iterations a job had trained before this call
        for (int i = 0; i < jobs.size(); i++) {
            before[i] = jobs.get(i).schedule().iterations() - iterationsLeft(jobs.get(i));
        }
        Set<String> running = new LinkedHashSet<>();
        Runnable report = () -> {
            synchronized (done) {
                bar.set(Arrays.stream(done).sum());
                bar.message(String.join(", ", running));
            }
        };
        CoreShares cores = new CoreShares(threads, jobs.size());
        ExecutorService pool = Executors.newFixedThreadPool(runsAtOnce(threads, jobs.size()), r -> {
            Thread t = new Thread(r, "htsgd-table2-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Table2Run>> futures = new ArrayList<>(Collections.nCopies(jobs.size(), null));
            for (int i : Table2Plan.startOrder(jobs)) {
                Table2Job job = jobs.get(i);
                futures.set(i, pool.submit(() -> {
                    Path resultFile = job.dir().resolve(RESULT);
                    Table2Run run;
                    if (Files.isRegularFile(resultFile)) {
                        cores.skipped();
                        run = OutputDir.JSON.readValue(resultFile.toFile(), Table2Run.class);
                    } else {
                        synchronized (done) {
                            running.add(job.label());
                        }
                        report.run();
                        try {
                            run = inChildProcess(new Request(job, scale, dataDirs.get(job.task()), 1), it -> {
                                synchronized (done) {
                                    done[i] = Math.max(0, it + 1 - before[i]);
                                }
                                report.run();
                            }, cores);
                        } finally {
                            synchronized (done) {
                                running.remove(job.label());
                            }
                        }
                    }
                    synchronized (done) {
                        done[i] = job.schedule().iterations() - before[i];
                    }
                    report.run();
                    return run;
                }));
            }
            return collect(futures);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs one of Table 2's runs as a unit of work apart ({@link Table2Part#runUnit}) as {@link #runAll} runs each:
     * in a child JVM ({@link #inChildProcess}), here with one intra-op thread throughout (a unit has one core).
     *
     * @param job the run
     * @param scale the training scale
     * @param dataDir its task's data directory
     * @param iterationDone progress
     * @return the run's numbers
     * @throws IOException if the child fails
     * @throws InterruptedException if interrupted
     */
    static Table2Run runOne(Table2Job job, TrainingScale scale, Path dataDir, LongConsumer iterationDone)
        throws IOException, InterruptedException {
        return inChildProcess(new Request(job, scale, dataDir, 1), iterationDone, new CoreShares(1, 1));
    }

    private static List<Table2Run> collect(List<Future<Table2Run>> futures) throws Exception {
        List<Table2Run> runs = new ArrayList<>();
        Exception first = null;
        for (Future<Table2Run> f : futures) {
            try {
                runs.add(f.get());
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof Exception ex ? ex : e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return runs;
    }

    /**
     * Runs {@link #trainAndMeasure} in a child JVM with this JVM's class path and options, reporting its iterations
     * to {@code iterationDone}; the child writes {@code result.json} (or a diverged run) into the job's directory.
     * It starts with {@code request.threads()} intra-op threads; {@code cores} tells it its share of the cores as
     * other children start and end, as a line {@value #THREADS}N on its standard input ({@link #main}).
     *
     * @param request the run
     * @param iterationDone progress
     * @param cores the cores it shares with the other children
     * @return the run's numbers
     * @throws IOException if the child fails
     * @throws InterruptedException if interrupted
     */
    static Table2Run inChildProcess(Request request, LongConsumer iterationDone, CoreShares cores)
        throws IOException, InterruptedException {
        Path dir = request.job().dir();
        Path log = dir.resolve("child.log");
        Process p;
        try {
            Files.createDirectories(dir);
            Path requestFile = dir.resolve("request.json");
            OutputDir.writeAtomically(requestFile, OutputDir.JSON.writeValueAsBytes(request));
            p = child(TrainingRuns.class, requestFile.toString()).redirectError(log.toFile()).start();
        } catch (IOException e) {
            cores.skipped(); // no child: the others need not wait for it
            throw e;
        }
        CHILDREN.add(p);
        cores.started(p, share -> tell(p, share));
        int code;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
            StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(PROGRESS)) {
                    iterationDone.accept(Long.parseLong(line.substring(PROGRESS.length()).trim()));
                }
            }
            code = p.waitFor();
        } finally {
            CHILDREN.remove(p);
            cores.ended(p);
        }
        Path result = dir.resolve(RESULT);
        if (code != 0 || !Files.isRegularFile(result)) {
            List<String> lines = Files.isRegularFile(log) ? Files.readAllLines(log) : List.of();
            String tail = String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
            throw new IOException("training run " + request.job().label() + " failed (exit " + code + "): " + tail
                + " (log: " + log + ")");
        }
        return OutputDir.JSON.readValue(result.toFile(), Table2Run.class);
    }

    /** Writes {@value #THREADS}{@code share} to a child's standard input; a child that has just ended is ignored. */
    private static void tell(Process child, int share) {
        try {
            OutputStream in = child.getOutputStream();
            in.write((THREADS + share + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException ended) {
            // its runner thread sees the exit and reports it
        }
    }

    /**
     * @param main the child's main class
     * @param args its arguments
     * @return a process builder running it in a JVM like this one ({@link ChildJvm}), with oneDNN's instruction set
     *     chosen for this machine when this JVM was not started by the launcher (README, "Known engine problem")
     */
    static ProcessBuilder child(Class<?> main, String... args) {
        ProcessBuilder builder = new ProcessBuilder(ChildJvm.command(main.getName(), List.of(args)));
        builder.environment().putAll(EngineIsa.childEnvironment());
        return builder;
    }

    /**
     * Measures a task's step costs in a child JVM ({@link StepCost#main}), as the runs train: alone, on one thread
     * and, if a run of the task can be given more ({@link #mostThreads}), on {@code threads}.
     *
     * @param task the task
     * @param dataDir its data directory
     * @param seed seed of the data and weights
     * @param dir where the child writes its result and log
     * @param threads {@code --threads}
     * @return the costs on one thread, then on {@link #mostThreads} if more
     * @throws IOException if the child fails
     * @throws InterruptedException if interrupted
     */
    static List<StepCost> stepCost(Task task, Path dataDir, long seed, Path dir, int threads)
        throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path out = dir.resolve("step-cost-" + task.cliName() + ".json");
        Path log = dir.resolve("step-cost-" + task.cliName() + ".log");
        Process p = child(StepCost.class, task.cliName(), dataDir.toString(), Long.toString(seed), out.toString(),
            Integer.toString(mostThreads(task, threads))).redirectErrorStream(true).redirectOutput(log.toFile())
            .start();
        int code = p.waitFor();
        if (code != 0 || !Files.isRegularFile(out)) {
            throw new IOException("measuring the step cost of " + task.cliName() + " failed (exit " + code
                + "; log: " + log + ")");
        }
        return List.of(OutputDir.JSON.readValue(out.toFile(), StepCost[].class));
    }

    /**
     * @param task a task
     * @return whether its runs follow their {@link CoreShares} share: its network gives the same numbers on any
     *     thread count ({@link Network#sameOnAnyThreadCount}), so more threads change when a run ends, not the run
     */
    static boolean followsShares(Task task) {
        return Network.sameOnAnyThreadCount(task.architecture());
    }

    /**
     * @param task a task
     * @param threads {@code --threads}
     * @return the most intra-op threads a run of the task is given: {@code threads} if it {@link #followsShares}
     *     ({@link CoreShares} gives a lone run every core), else 1
     */
    static int mostThreads(Task task, int threads) {
        return followsShares(task) ? threads : 1;
    }

    /**
     * The child process: runs one request and writes {@code result.json}.
     *
     * @param args the request file
     * @throws Exception on failure (non-zero exit)
     */
    public static void main(String[] args) throws Exception {
        Request r = OutputDir.JSON.readValue(Path.of(args[0]).toFile(), Request.class);
        Table2Job job = r.job();
        long iterations = job.schedule().iterations();
        AtomicInteger share = new AtomicInteger(r.threads());
        Thread listen = new Thread(() -> listen(new InputStreamReader(System.in, StandardCharsets.UTF_8), share),
            "htsgd-core-share");
        listen.setDaemon(true);
        listen.start();
        Table2Run run;
        try {
            run = trainAndMeasure(job, r.scale(), r.dataDir(), share::get, it -> {
                if ((it + 1) % 10 == 0 || it + 1 == iterations) {
                    System.out.println(PROGRESS + it);
                    System.out.flush();
                }
            });
        } catch (TrainingDivergedException d) {
            // a result of the method (SB+Noise can explode, App. A.3): reported, not hidden
            run = Table2Run.diverged(job, d.getMessage());
        }
        OutputDir.of(job.dir()).writeJson(RESULT, run);
        System.exit(0);
    }

    /**
     * The child's side of {@link CoreShares}: reads its share of the cores, lines {@value #THREADS}N, until the input
     * closes; other lines are ignored, and a share below 1 counts as 1.
     *
     * @param input the child's standard input
     * @param share receives each share read
     */
    static void listen(Reader input, AtomicInteger share) {
        try (BufferedReader in = new BufferedReader(input)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(THREADS)) {
                    try {
                        share.set(Math.max(1, Integer.parseInt(line.substring(THREADS.length()).trim())));
                    } catch (NumberFormatException nonsense) {
                        // not from our parent: keep the threads as they are
                    }
                }
            }
        } catch (IOException e) {
            // the parent is gone: keep the threads as they are
        }
    }

    /**
     * Trains the job's task and method with the paper's hyperparameters on the job's schedule, seed and directory
     * (resuming from its checkpoint; stopping early if the scale says so), then measures the final weights. A network
     * whose numbers do not depend on the thread count ({@link Network#sameOnAnyThreadCount}) takes its intra-op
     * threads from {@code threads} before every step and before the measures, so a run given more cores as others
     * end is the same run; another network keeps the threads it started with.
     *
     * @param job the run
     * @param s the profile's training scale (evaluation period and sharpness settings)
     * @param dataDir {@code --data}, or {@code null} for the task's default directory
     * @param threads PyTorch intra-op threads, read at the start and, as described, between steps
     * @param iterationDone called with each finished iteration index
     * @return the run's numbers
     * @throws IOException if an output cannot be written
     */
    static Table2Run trainAndMeasure(Table2Job job, TrainingScale s, Path dataDir, IntSupplier threads,
                                     LongConsumer iterationDone) throws IOException {
        Task t = job.task();
        boolean flexible = followsShares(t);
        int[] now = {threads.getAsInt()};
        System.err.println("htsgd: " + now[0] + " intra-op thread(s) from the start");
        LongConsumer follow = next -> { // next: the next step's iteration counted from 1, or 0 for the measures
            int share = threads.getAsInt();
            if (flexible && share != now[0]) {
                TorchRuntime.setThreads(share);
                now[0] = share;
                System.err.println("htsgd: " + share + " intra-op thread(s) from "
                    + (next == 0 ? "the measures" : "iteration " + next) + " on");
            }
        };
        Path data = dataDir != null ? dataDir : t.data().defaultDirectory();
        long iterations = job.schedule().iterations();
        TrainConfig scaled = TrainConfig.defaults(t, job.method(), data, job.dir()).withIterations(iterations);
        Hyperparameters h = scaled.hyperparameters().withNoiseOffLast(job.schedule().noiseOffLast());
        TrainConfig config = scaled.withHyperparameters(s.bOn(job.method()).apply(h, h.b().b()))
            .withSeed(job.seed()).withThreads(now[0]).withEvalEvery(s.evalEvery())
            .withCheckpointEvery(checkpointEvery(iterations)).withStopAtTrainAccuracy(s.stopAtTrainAccuracy())
            .withResume(true);
        TrainResult result = Trainer.run(config, new TrainListener() {
            @Override
            public void onStep(long iteration, StepRecord step) {
                follow.accept(iteration + 2);
                iterationDone.accept(iteration);
            }
        });
        follow.accept(0);
        long t0 = System.nanoTime();
        TaskData taskData = t.data().load(data, job.seed());
        SharpnessResult sharpness;
        try (Network net = Network.create(t.architecture(), taskData.train(), job.seed())) {
            net.load(job.dir().resolve(result.weightsFile()));
            sharpness = Sharpness.measure(net, Table2Sharpness.config(s, job.seed()));
        }
        double sharpnessSeconds = (System.nanoTime() - t0) * 1e-9;
        OutputDir.of(job.dir()).writeJson("sharpness.json", sharpness);
        Table2Course course = Table2Course.of(MetricsFile.read(job.dir().resolve(result.metricsFile())),
            job.schedule(), job.method());
        return Table2Run.finished(job, Table2Run.Training.of(result),
            Table2Run.Measures.of(sharpness, sharpnessSeconds), course);
    }

    /**
     * @param iterations a run's T
     * @return its checkpoint period: a tenth of the run, at most {@link TrainConfig#DEFAULT_CHECKPOINT_EVERY}
     *     (1,000), so a killed run of the paper's schedule loses at most 1,000 iterations
     */
    static long checkpointEvery(long iterations) {
        return Math.max(1, Math.min(TrainConfig.DEFAULT_CHECKPOINT_EVERY, iterations / 10));
    }
}
