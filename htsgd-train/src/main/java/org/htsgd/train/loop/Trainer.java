package org.htsgd.train.loop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.simple.RandomSource;
import org.htsgd.train.data.ImageDataset;
import org.htsgd.train.data.TaskData;
import org.htsgd.train.io.AtomicFiles;
import org.htsgd.train.method.StepRecord;
import org.htsgd.train.method.UpdateRule;
import org.htsgd.train.method.UpdateRules;
import org.htsgd.train.model.Architecture;
import org.htsgd.train.model.DifferentiableModel.Evaluation;
import org.htsgd.train.model.Network;
import org.htsgd.train.model.TorchRuntime;

/**
 * The training loop: runs an update rule for {@code iterations} steps on a {@link Network}, seeded and
 * deterministic on CPU for a fixed thread count.
 *
 * <ul>
 *   <li>Randomness: initial weights from {@code seed} ({@link Network#create}); batches and Z from
 *       {@code XO_RO_SHI_RO_128_PP(seed)} jumped 2^64 ahead, so they never overlap the init stream.</li>
 *   <li>Every {@code evalEvery} iterations and at the end: train and test loss/accuracy, plus the mean batch loss,
 *       pre-truncation step norm, truncation rate and |Z| of the steps since the previous row, appended and flushed
 *       to {@code outDir/metrics.csv}.</li>
 *   <li>Nothing is written before the run is known to start: the data are loaded, the rule created and, when
 *       resuming, the checkpoint read and accepted first; then {@link TrainListener#onStart} is called (the place
 *       for a caller's own files, e.g. the command line's {@code config.json}) and the directory is created. A
 *       refused run leaves an existing run directory byte-for-byte as it was.</li>
 *   <li>Every {@code checkpointEvery} iterations and at the end: {@code outDir/checkpoint.bin} (a {@link
 *       Checkpoint}: iterations done, generator state, rule state, running totals, the open metrics window,
 *       weights and network state), written atomically. {@code resume} continues from it; a resumed run, even one
 *       killed with {@code kill -9} during a step or inside a checkpoint write, ends with the same weights and
 *       the same {@code metrics.csv} (but for the wall-time column) as an uninterrupted one: metrics rows after the
 *       checkpoint are dropped and rewritten, and temporary files of an interrupted checkpoint write removed.</li>
 *   <li>With {@link TrainConfig#stopAtTrainAccuracy()} set, the run stops at the first evaluation in the
 *       noise-free phase whose training accuracy reaches it: the final checkpoint, weights and summary are written
 *       there and {@link TrainResult#iterations()} says where; resumed from that checkpoint, it stops again.</li>
 *   <li>A NaN or infinite batch loss throws {@link TrainingDivergedException} with a one-line message; a checkpoint
 *       is only written when the weights are finite, so the last good one is kept.</li>
 *   <li>At the end: {@code outDir/weights.bin} ({@link Network#load} reads it) and {@code outDir/summary.json} (the
 *       {@link TrainResult}).</li>
 * </ul>
 */
public final class Trainer {
    /** Checkpoint file name inside the output directory. */
    public static final String CHECKPOINT = "checkpoint.bin";
    /** Metrics file name. */
    public static final String METRICS = "metrics.csv";
    /** Final weights file name. */
    public static final String WEIGHTS = "weights.bin";
    /** Summary file name. */
    public static final String SUMMARY = "summary.json";

    private Trainer() {
    }

    /**
     * Trains the task's network with the configured method on the task's data: loads the dataset from
     * {@code config.dataDir()} ({@link org.htsgd.train.data.DataSpec#load}, label corruption seeded with
     * {@code config.seed()}), creates the rule with {@link UpdateRules#create} from
     * {@link TrainConfig#hyperparameters()}, and runs {@link #run(TrainConfig, ImageDataset, ImageDataset,
     * UpdateRule, TrainListener)}.
     *
     * @param config the run
     * @param listener hooks (may be {@link TrainListener#NONE})
     * @return the result, also written to {@code summary.json}
     * @throws IOException if an output cannot be written
     * @throws IllegalArgumentException if {@code config.resume()} and the checkpoint cannot be resumed: it belongs
     *     to another run (another method, seed, hyperparameter or architecture), or is damaged or truncated (one
     *     line naming the file); nothing has been written then
     * @throws IllegalArgumentException also if the dataset is missing (the message says where it was looked for
     *     and how to get it) or malformed
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public static TrainResult run(TrainConfig config, TrainListener listener) throws IOException {
        TaskData data = config.task().data().load(config.dataDir(), config.seed());
        UpdateRule rule = UpdateRules.create(config.method(), config.hyperparameters());
        return run(config, data.train(), data.test(), rule, listener);
    }

    /**
     * Trains on the given data with the given rule.
     *
     * @param config the run (task architecture, schedule, seed, output directory, resume flag)
     * @param train training set (the rule's example indices refer to it)
     * @param test test set
     * @param rule the update rule (initialised here, on the network and the run's generator)
     * @param listener hooks (may be {@link TrainListener#NONE})
     * @return the result, also written to {@code summary.json}
     * @throws IOException if an output cannot be written
     * @throws IllegalArgumentException if {@code config.resume()} and the checkpoint cannot be resumed: it belongs
     *     to another run (another method, seed, hyperparameter or architecture), or is damaged or truncated (one
     *     line naming the file); nothing has been written then
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public static TrainResult run(TrainConfig config, ImageDataset train, ImageDataset test, UpdateRule rule,
                                  TrainListener listener) throws IOException {
        return run(config, config.task().architecture(), train, test, rule, listener);
    }

    /**
     * Trains another architecture than the task's (e.g. a small test network) on the given data.
     *
     * @param config the run
     * @param architecture the network to train
     * @param train training set
     * @param test test set
     * @param rule the update rule
     * @param listener hooks
     * @return the result, also written to {@code summary.json}
     * @throws IOException if an output cannot be written
     * @throws IllegalArgumentException if {@code config.resume()} and the checkpoint cannot be resumed: it belongs
     *     to another run (another method, seed, hyperparameter or architecture), or is damaged or truncated (one
     *     line naming the file); nothing has been written then
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public static TrainResult run(TrainConfig config, Architecture architecture, ImageDataset train,
                                  ImageDataset test, UpdateRule rule, TrainListener listener) throws IOException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(listener, "listener");
        TorchRuntime.setThreads(config.threads());
        Path out = config.outDir();
        Path checkpoint = out.resolve(CHECKPOINT);
        Path metrics = out.resolve(METRICS);
        try (Network net = Network.create(architecture, train, config.seed())) {
            RestorableUniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(config.seed());
            ((JumpableUniformRandomProvider) rng).jump();
            rule.init(net, rng);
            Totals totals = new Totals();
            long start = 0;
            MetricsWindow window = MetricsWindow.EMPTY;
            boolean resuming = config.resume() && Files.exists(checkpoint);
            if (resuming) { // read before anything is written: a refused checkpoint leaves the directory as it was
                Checkpoint c = resume(checkpoint, config, net, rng, rule, totals);
                start = c.iterationsDone();
                window = c.window();
            }
            // the run is accepted (data, rule, checkpoint): from here on it writes into its directory
            listener.onStart(config, start);
            Files.createDirectories(out);
            if (resuming) {
                AtomicFiles.deleteLeftovers(checkpoint);
                keepMetricsUpTo(metrics, start);
            } else {
                Files.writeString(metrics, MetricsRow.HEADER + "\n", StandardCharsets.UTF_8);
            }
            long lastCheckpoint = start;
            MetricsRow last = null;
            // a run resumed from the checkpoint where it stopped (stopAtTrainAccuracy) stops again: the weights, and
            // so the evaluation that stopped it, are the same
            long done = start;
            boolean stopped = config.mayStopAt(start) && start % config.evalEvery() == 0
                && config.stopsAt(start, net.evaluateTraining().accuracy());
            long t0 = System.nanoTime();
            double priorSeconds = totals.seconds;
            try (BufferedWriter csv = Files.newBufferedWriter(metrics, StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND)) {
                for (long it = start; it < config.iterations() && !stopped; it++) {
                    StepRecord step = rule.step(it);
                    if (!Double.isFinite(step.loss())) {
                        throw diverged(config, it, step.loss(), checkpoint, lastCheckpoint);
                    }
                    window = window.plus(step);
                    totals.steps++;
                    totals.truncated += step.truncated() ? 1 : 0;
                    listener.onStep(it, step);
                    done = it + 1;
                    totals.seconds = priorSeconds + (System.nanoTime() - t0) / 1e9;
                    if (done == config.iterations() || config.evalEvery() > 0 && done % config.evalEvery() == 0) {
                        MetricsRow row = evaluate(net, test, done, window, totals.seconds);
                        csv.write(row.toCsv());
                        csv.newLine();
                        csv.flush();
                        window = MetricsWindow.EMPTY;
                        last = row;
                        listener.onEvaluation(row);
                        stopped = config.stopsAt(done, row.trainAccuracy());
                    }
                    if (done == config.iterations() || stopped
                            || config.checkpointEvery() > 0 && done % config.checkpointEvery() == 0) {
                        if (writeCheckpoint(checkpoint, config, done, net, rng, rule, totals, window)) {
                            lastCheckpoint = done;
                            listener.onCheckpoint(done, checkpoint);
                        }
                    }
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            Path weights = out.resolve(WEIGHTS);
            net.save(weights);
            if (last == null) { // resumed from the final checkpoint: nothing was evaluated in this process
                Evaluation tr = net.evaluateTraining();
                Evaluation te = net.evaluate(test);
                last = new MetricsRow(done, tr.loss(), tr.accuracy(), te.loss(), te.accuracy(),
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, totals.seconds);
            }
            TrainResult result = new TrainResult(config, done, last.trainLoss(), last.trainAccuracy(),
                    last.testLoss(), last.testAccuracy(), totals.seconds, (done - start) / Math.max(seconds, 1e-9),
                    totals.steps == 0 ? 0 : (double) totals.truncated / totals.steps, start, WEIGHTS,
                    METRICS, "PyTorch " + TorchRuntime.version() + " (DJL, CPU, "
                    + TorchRuntime.threads() + " threads)");
            writeSummary(out.resolve(SUMMARY), result);
            return result;
        }
    }

    /**
     * Writes a result as pretty JSON.
     *
     * @param file target (written atomically)
     * @param result the result
     * @throws IOException if writing fails
     */
    public static void writeSummary(Path file, TrainResult result) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        byte[] bytes = json.writeValueAsBytes(result);
        AtomicFiles.write(file, bytes);
    }

    private static TrainingDivergedException diverged(TrainConfig config, long it, double loss, Path checkpoint,
                                                      long lastCheckpoint) {
        String kept = lastCheckpoint > 0 && Files.exists(checkpoint)
                ? "last good checkpoint: " + checkpoint + " (iteration " + lastCheckpoint + ")"
                : "no checkpoint was written yet";
        return new TrainingDivergedException(it, "training diverged at iteration " + it + ": loss is " + loss
                + " (" + config.method() + ", lr " + config.hyperparameters().lr() + "); " + kept);
    }

    private static MetricsRow evaluate(Network net, ImageDataset test, long done, MetricsWindow w,
                                       double seconds) {
        Evaluation tr = net.evaluateTraining();
        Evaluation te = net.evaluate(test);
        return w.row(done, tr, te, seconds);
    }

    /** Running totals kept across resumes. */
    private static final class Totals {
        private long steps;
        private long truncated;
        private double seconds;
    }

    private static String identity(TrainConfig c, String arch) {
        return c.task() + "|" + arch + "|" + c.method() + "|seed=" + c.seed() + "|" + c.hyperparameters();
    }

    private static boolean writeCheckpoint(Path file, TrainConfig config, long done, Network net,
                                           RestorableUniformRandomProvider rng, UpdateRule rule, Totals totals,
                                           MetricsWindow window) throws IOException {
        double[] w = new double[net.dimension()];
        net.weights(w);
        for (double v : w) {
            if (!Double.isFinite(v)) {
                return false; // keep the last good checkpoint
            }
        }
        new Checkpoint(identity(config, net.architecture().name()), done, totals.steps, totals.truncated,
                totals.seconds, window, ((RandomProviderDefaultState) rng.saveState()).getState(), rule.saveState())
                .write(file, net);
        return true;
    }

    private static Checkpoint resume(Path file, TrainConfig config, Network net,
                                     RestorableUniformRandomProvider rng, UpdateRule rule, Totals totals)
            throws IOException {
        Checkpoint c;
        try {
            c = Checkpoint.read(file, net, identity(config, net.architecture().name()));
        } catch (IOException e) { // another run's, damaged or truncated: the caller's input, named in one line
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        totals.steps = c.steps();
        totals.truncated = c.truncated();
        totals.seconds = c.seconds();
        rng.restoreState(new RandomProviderDefaultState(c.generatorState()));
        rule.restoreState(c.ruleState());
        return c;
    }

    /**
     * Loads only the weights of a checkpoint (for measuring a run that has not finished).
     *
     * @param file a checkpoint written by {@link #run}
     * @param net a network of the run's architecture
     * @return the number of iterations the checkpoint had completed
     * @throws IOException if the file is not a checkpoint of this architecture or cannot be read (one line naming
     *     the file)
     */
    public static long loadCheckpointWeights(Path file, Network net) throws IOException {
        return Checkpoint.read(file, net, null).iterationsDone();
    }

    /**
     * @param outDir a run's output directory
     * @return the iterations its checkpoint had completed, where a resumed run continues; 0 if it has no readable
     *     checkpoint (a run that starts afresh)
     */
    public static long resumesAt(Path outDir) {
        Path file = outDir.resolve(CHECKPOINT);
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try {
            return Checkpoint.iterationsDone(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void keepMetricsUpTo(Path metrics, long done) throws IOException {
        List<String> kept = new ArrayList<>();
        kept.add(MetricsRow.HEADER);
        if (Files.exists(metrics)) {
            for (String line : Files.readAllLines(metrics, StandardCharsets.UTF_8)) {
                int comma = line.indexOf(',');
                if (comma > 0 && Character.isDigit(line.charAt(0))
                        && Long.parseLong(line.substring(0, comma)) <= done) {
                    kept.add(line);
                }
            }
        }
        AtomicFiles.write(metrics, (String.join("\n", kept) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
