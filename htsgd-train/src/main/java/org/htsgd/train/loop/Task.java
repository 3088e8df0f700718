package org.htsgd.train.loop;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.htsgd.train.data.DataSpec;
import org.htsgd.train.method.Hyperparameters;
import org.htsgd.train.method.IterationSchedule;
import org.htsgd.train.method.LearningRateSchedule;
import org.htsgd.train.method.Method;
import org.htsgd.train.method.NoiseOffPhase;
import org.htsgd.train.model.Architecture;
import org.htsgd.train.model.Models;

/**
 * The catalogue of the paper's deep-learning tasks (paper.md §4.2–4.6): the one place that knows, per task, its
 * network, dataset, Table 1 hyperparameters per method, schedules, report label and the paper's published Table 2
 * numbers. Adding a task means adding a constant here.
 *
 * <ul>
 *   <li>fmnist-lenet (Table 1): η 0.05, batch 100, T 10,000, b 5, c 0.5, α 1.4, K 5,000. LB batch (not stated,
 *       paper.md §6 item 1): 1,200 = the whole corrupted training subset, i.e. S7's full-batch "GD".</li>
 *   <li>svhn-vgg11, cifar10-vgg11 (Table 1): η 0.05, batch 100, T 30,000, b 20, c 0.5, α 1.4, K 5,000; LB batch
 *       1,024 (not stated; App. A.4's value).</li>
 *   <li>cifar100-vgg16 (App. A.4, with augmentation, Table 3): 300 epochs of 391 iterations (50,000/128 rounded
 *       up) = 117,300 iterations; η 0.1 constant for 200 epochs then halved every 30 epochs; batch 128, LB batch
 *       1,024, b 0.5, c 0.5, α 1.4; noise only in the first 200 epochs (K = 100 epochs) then plain SB steps;
 *       momentum 0.9 and weight decay 5e-4 (S8's base script, paper.md §6 item 6). Not in Table 2.</li>
 *   <li>SB+Noise (App. A.3, every task): η 0.005, weights clipped to the L-infinity ball of radius 1, and a longer
 *       schedule: fmnist-lenet T 100,000 with K 50,000; svhn-vgg11 and cifar10-vgg11 T 150,000 with K 70,000.
 *       cifar100-vgg16 has no SB+Noise run in the paper; there only the weight clip is set.</li>
 * </ul>
 * Momentum and weight decay are 0 for the Table 1 tasks (paper.md §6 item 6); W is Lomax (§6 item 2); SAM ρ 0.05.
 */
public enum Task {
    /** LeNet on the 1,200-example Fashion-MNIST subset with 200 random labels; test set the full 10,000. */
    FMNIST_LENET("fmnist-lenet", "Fashion-MNIST, LeNet", Models::lenet, DataSpec.FMNIST_CORRUPTED,
        Hyperparameters.of(0.05, 100, 1200, 5, 0.5, 1.4, 5_000, 10_000), IterationSchedule.of(100_000, 50_000),
        Map.of(Method.LB, PaperResult.of(68.66, 0.032), Method.SB, PaperResult.of(69.20, 0.008),
            Method.SB_CLIP, PaperResult.of(68.77, 0.009), Method.SB_NOISE, PaperResult.of(64.43, 0.047),
            Method.OUR1, PaperResult.of(69.47, 0.003), Method.OUR2, PaperResult.of(70.06, 0.002))),
    /** VGG11 on a 25,000-example SVHN subset. */
    SVHN_VGG11("svhn-vgg11", "SVHN, VGG11", Models::vgg11, DataSpec.SVHN,
        Hyperparameters.of(0.05, 100, 1024, 20, 0.5, 1.4, 5_000, 30_000), IterationSchedule.of(150_000, 70_000),
        Map.of(Method.LB, PaperResult.of(82.87, 0.694), Method.SB, PaperResult.of(85.92, 0.037),
            Method.SB_CLIP, PaperResult.of(85.95, 0.041), Method.SB_NOISE, PaperResult.of(38.85, 0.012),
            Method.OUR1, PaperResult.of(88.42, 0.002), Method.OUR2, PaperResult.of(88.37, 0.005))),
    /** VGG11 on CIFAR-10 (50,000 training images). */
    CIFAR10_VGG11("cifar10-vgg11", "CIFAR-10, VGG11", Models::vgg11, DataSpec.CIFAR10,
        Hyperparameters.of(0.05, 100, 1024, 20, 0.5, 1.4, 5_000, 30_000), IterationSchedule.of(150_000, 70_000),
        Map.of(Method.LB, PaperResult.of(69.39, 2.043), Method.SB, PaperResult.of(74.42, 0.050),
            Method.SB_CLIP, PaperResult.of(74.38, 0.039), Method.SB_NOISE, PaperResult.of(40.50, 2.046),
            Method.OUR1, PaperResult.of(75.69, 0.024), Method.OUR2, PaperResult.of(75.87, 0.037))),
    /** VGG16 (dropout) on CIFAR-100, Table 3 set-up (App. A.4); no SB+Noise schedule and no Table 2 numbers. */
    CIFAR100_VGG16("cifar100-vgg16", "CIFAR-100, VGG16", Models::vgg16, DataSpec.CIFAR100, cifar100(), null,
        Map.of());

    /** SB+Noise's learning rate (App. A.3), a tenth of Table 1's. */
    public static final double SB_NOISE_LR = 0.005;
    /** SB+Noise's L-infinity weight clip radius (App. A.3). */
    public static final double SB_NOISE_WEIGHT_CLIP = 1.0;

    /** Command-line name. */
    private final String cliName;
    /** Report label, e.g. "Fashion-MNIST, LeNet". */
    private final String label;
    /** The network. */
    private final Supplier<Architecture> architecture;
    /** The dataset. */
    private final DataSpec data;
    /** Table 1's hyperparameters, shared by every method but SB+Noise. */
    private final Hyperparameters table1;
    /** SB+Noise's schedule (App. A.3), or null: Table 1's. */
    private final IterationSchedule sbNoiseSchedule;
    /** The paper's Table 2 numbers by method (empty: not in Table 2). */
    private final Map<Method, PaperResult> published;

    Task(String cliName, String label, Supplier<Architecture> architecture, DataSpec data, Hyperparameters table1,
         IterationSchedule sbNoiseSchedule, Map<Method, PaperResult> published) {
        this.cliName = cliName;
        this.label = label;
        this.architecture = architecture;
        this.data = data;
        this.table1 = table1;
        this.sbNoiseSchedule = sbNoiseSchedule;
        this.published = published.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(published));
    }

    private static Hyperparameters cifar100() {
        final long perEpoch = 391;
        return Hyperparameters.of(0.1, 128, 1024, 0.5, 0.5, 1.4, 100 * perEpoch, 300 * perEpoch)
            .withMomentum(0.9)
            .withWeightDecay(5e-4)
            .withSchedule(LearningRateSchedule.halveEvery(30 * perEpoch, 200 * perEpoch))
            .withNoiseOffPhase(NoiseOffPhase.SB);
    }

    /** @return the command-line name, e.g. {@code fmnist-lenet} */
    public String cliName() {
        return cliName;
    }

    /** @return the report label, e.g. {@code Fashion-MNIST, LeNet} */
    public String label() {
        return label;
    }

    /**
     * @param name a command-line name such as {@code fmnist-lenet}, or the constant's name (case-insensitive)
     * @return the task
     * @throws IllegalArgumentException naming the known tasks if there is no such task
     */
    public static Task parse(String name) {
        for (Task t : values()) {
            if (t.cliName.equalsIgnoreCase(name) || t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("task is not one of " + names() + ": " + name);
    }

    /** @return the command-line names of every task, comma-separated (for help texts and messages) */
    public static String names() {
        return Arrays.stream(values()).map(Task::cliName).collect(Collectors.joining(", "));
    }

    /** @return the network (a fresh description each call) */
    public Architecture architecture() {
        return architecture.get();
    }

    /** @return the dataset (train/test construction, default directory, how to get it) */
    public DataSpec data() {
        return data;
    }

    /** @return Table 1's hyperparameters (App. A.4 for cifar100-vgg16), shared by every method but SB+Noise */
    public Hyperparameters hyperparameters() {
        return table1;
    }

    /**
     * @param method the method
     * @return the paper's hyperparameters for the method: {@link #hyperparameters()}, with App. A.3's learning
     *     rate, weight clip and schedule for {@link Method#SB_NOISE}
     */
    public Hyperparameters hyperparameters(Method method) {
        if (Objects.requireNonNull(method, "method") != Method.SB_NOISE) {
            return table1;
        }
        Hyperparameters h = table1.withWeightLinfClip(SB_NOISE_WEIGHT_CLIP);
        return sbNoiseSchedule == null ? h : h.withLr(SB_NOISE_LR).withIterationSchedule(sbNoiseSchedule);
    }

    /** @return Table 1's schedule: T iterations, noise off in the last K (shared by the methods of Table 2) */
    public IterationSchedule schedule() {
        return table1.iterationSchedule();
    }

    /** @param method the method @return the paper's schedule for the method (App. A.3's for SB+Noise) */
    public IterationSchedule schedule(Method method) {
        return hyperparameters(method).iterationSchedule();
    }

    /** @return the paper's Table 2 numbers by method, in Table 2's column order; empty if not in Table 2 */
    public Map<Method, PaperResult> published() {
        return published;
    }

    /** @return whether the paper's Table 2 has a row for this task */
    public boolean inTable2() {
        return !published.isEmpty();
    }

    /** @return the tasks of Table 2, in its row order */
    public static List<Task> table2Tasks() {
        return Arrays.stream(values()).filter(Task::inTable2).toList();
    }

    /** @return the methods of Table 2 (those with a published number), in its column order */
    public static List<Method> table2Methods() {
        return Arrays.stream(Method.values())
            .filter(m -> Arrays.stream(values()).anyMatch(t -> t.published.containsKey(m))).toList();
    }
}
