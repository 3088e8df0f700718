package org.htsgd.cli.reproduce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.cli.io.Progress;
import org.htsgd.cli.report.Charts;
import org.htsgd.cli.report.HtmlReport;
import org.htsgd.train.data.DataSpec;
import org.htsgd.train.method.Method;
import org.htsgd.train.sharpness.ExpectedSharpness;
import org.htsgd.train.sharpness.HessianSpectrum;
import org.htsgd.train.sharpness.MaximalSharpness;
import org.htsgd.train.sharpness.Measure;
import org.htsgd.train.sharpness.PacBayesSharpness;
import org.htsgd.train.sharpness.SearchSettings;
import org.htsgd.train.sharpness.SharpnessConfig;
import org.htsgd.train.sharpness.SharpnessResult;

/**
 * Table 2 of the paper: test accuracy and expected sharpness of LB, SB, SB+Clip, SB+Noise, Our 1 and Our 2 (paper.md
 * §4.1, §4.5) as mean ± sd over replications next to the paper's numbers, with PAC-Bayes and maximal sharpness
 * (Jiang et al. 2020, §4.6) and the Hessian's top eigenvalue as extra columns. Fashion-MNIST (Debian's package)
 * always; SVHN and CIFAR-10 only when their files are found and the profile trains them, otherwise the report says
 * why not and how to get the data.
 *
 * <p>Resumable: every training run and its measures are saved under {@code runs/<task>/<method>/rep<r>/}; a run
 * with a {@code result.json} is not repeated, and an interrupted training run continues from its checkpoint.
 */
final class Table2Part implements Part {
    /** The six methods of Table 2, in the paper's column order (the paper's numbers follow it). */
    static final List<Method> METHODS = Profile.TABLE2_METHODS.stream().map(Method::fromCliName).toList();

    /** The paper's column labels, in {@link #METHODS} order. */
    static final List<String> LABELS = List.of("LB", "SB", "SB+Clip", "SB+Noise", "Our 1", "Our 2");
    /** Test accuracy (%) of guessing: every Table 2 task has 10 classes. */
    static final double CHANCE_ACCURACY = 10.0;
    /** A mean test accuracy at most this many points above chance is reported as "has not learned". */
    static final double CHANCE_MARGIN = 2.0;

    /** A task of Table 2 with the paper's numbers (per method, in {@link #METHODS} order). */
    enum PaperTask {
        /** LeNet on corrupted Fashion-MNIST. */
        FMNIST("fmnist-lenet", "Fashion-MNIST, LeNet", DataSpec.FMNIST_CORRUPTED, "fashion-mnist",
            new double[] {68.66, 69.20, 68.77, 64.43, 69.47, 70.06},
            new double[] {0.032, 0.008, 0.009, 0.047, 0.003, 0.002}),
        /** VGG11 on SVHN. */
        SVHN("svhn-vgg11", "SVHN, VGG11", DataSpec.SVHN, "svhn",
            new double[] {82.87, 85.92, 85.95, 38.85, 88.42, 88.37},
            new double[] {0.694, 0.037, 0.041, 0.012, 0.002, 0.005}),
        /** VGG11 on CIFAR-10. */
        CIFAR10("cifar10-vgg11", "CIFAR-10, VGG11", DataSpec.CIFAR10, "cifar10",
            new double[] {69.39, 74.42, 74.38, 40.50, 75.69, 75.87},
            new double[] {2.043, 0.050, 0.039, 2.046, 0.024, 0.037});

        final String task;
        final String label;
        final DataSpec data;
        final String subdirectory;
        final double[] paperAccuracy;
        final double[] paperSharpness;

        PaperTask(String task, String label, DataSpec data, String subdirectory, double[] paperAccuracy,
                  double[] paperSharpness) {
            this.task = task;
            this.label = label;
            this.data = data;
            this.subdirectory = subdirectory;
            this.paperAccuracy = paperAccuracy;
            this.paperSharpness = paperSharpness;
        }
    }

    @Override
    public String id() {
        return "table2";
    }

    @Override
    public String title() {
        return "Table 2: test accuracy and sharpness of the six methods";
    }

    @Override
    public Object scale(Profile profile) {
        return profile.training();
    }

    @Override
    public boolean resumable() {
        return true;
    }

    @Override
    public List<DataSpec> datasets(Profile profile) {
        return Arrays.stream(PaperTask.values()).filter(t -> t == PaperTask.FMNIST || profile.training().otherTasks())
            .map(t -> t.data).toList();
    }

    /**
     * One training run with the measures at its final weights.
     *
     * @param task task id
     * @param method method CLI name
     * @param replication replication index (0-based)
     * @param seed training seed
     * @param iterations iterations
     * @param noiseOffLast final LB iterations without noise
     * @param testAccuracy final test accuracy
     * @param trainAccuracy final training accuracy
     * @param testLoss final test loss
     * @param trainLoss final training loss
     * @param truncationRate fraction of truncated steps
     * @param trainSeconds training wall time
     * @param expectedSharpness E|L(θ+ν) − L(θ)|, ν ~ N(0, 0.01² I)
     * @param expectedSharpnessSe its standard error
     * @param pacBayes 1/σ'²
     * @param maximal 1/α'²
     * @param hessianTop top eigenvalue of the Hessian of the training loss
     * @param hessianTrace Hutchinson estimate of its trace
     * @param sharpnessSeconds wall time of the measures
     * @param diverged empty, or the message of a run whose loss became NaN or infinite (its numbers are NaN)
     */
    public record Run(String task, String method, int replication, long seed, long iterations, long noiseOffLast,
                      double testAccuracy, double trainAccuracy, double testLoss, double trainLoss,
                      double truncationRate, double trainSeconds, double expectedSharpness,
                      double expectedSharpnessSe, double pacBayes, double maximal, double hessianTop,
                      double hessianTrace, double sharpnessSeconds, String diverged) {
        /**
         * @param task task id
         * @param method method
         * @param replication replication
         * @param seed seed
         * @param iterations T
         * @param noiseOffLast K
         * @param message the divergence message
         * @return a run that diverged: no accuracy, no measures
         */
        static Run diverged(String task, String method, int replication, long seed, long iterations,
                            long noiseOffLast, String message) {
            double nan = Double.NaN;
            return new Run(task, method, replication, seed, iterations, noiseOffLast, nan, nan, nan, nan, nan, nan,
                nan, nan, nan, nan, nan, nan, nan, message);
        }
    }

    /**
     * A task that was not trained.
     *
     * @param task task id
     * @param label label
     * @param reason why
     */
    public record NotRun(String task, String label, String reason) {
    }

    /**
     * The part's result.
     *
     * @param runs every run
     * @param notRun tasks not trained
     */
    public record Result(List<Run> runs, List<NotRun> notRun) {
    }

    @Override
    public void run(PartContext ctx) throws Exception {
        Profile.TrainingScale s = ctx.profile().training();
        List<Run> runs = new ArrayList<>();
        List<NotRun> notRun = new ArrayList<>();
        List<PaperTask> available = new ArrayList<>();
        java.util.Map<PaperTask, Path> dataDirs = new java.util.EnumMap<>(PaperTask.class);
        for (PaperTask t : PaperTask.values()) {
            if (t != PaperTask.FMNIST && !s.otherTasks()) {
                String where = ctx.dataDir() != null ? ctx.dataDir().toString() : t.data.defaultDirectory().toString();
                notRun.add(new NotRun(t.task, t.label, "not run in the '" + ctx.profile().name() + "' profile (VGG11 "
                    + "training at the paper's scale takes many hours on a CPU; run --profile paper with the data in "
                    + where + "). How to get the data: " + t.data.howToGet()));
                continue;
            }
            // a copy in --data DIR (the files, or DIR/<dataset>) is used, damaged or not (Reproduction checked it
            // first); the dataset's default directory only when DIR holds none of its files
            Path userCopy = ctx.dataDir() == null ? null : t.data.locateIn(ctx.dataDir());
            Path dir = userCopy != null ? userCopy : t.data.defaultDirectory();
            try {
                // loads (and validates) the files once; each run loads them again with its own seed
                t.data.load(dir, ctx.seed());
                available.add(t);
                dataDirs.put(t, dir);
            } catch (IllegalArgumentException e) {
                if (t == PaperTask.FMNIST || userCopy != null) {
                    throw e;
                }
                notRun.add(new NotRun(t.task, t.label, "not run: data not found in " + dir + " ("
                    + e.getMessage() + "). How to get it: " + t.data.howToGet()));
            }
        }
        List<Method> methods = s.methods().stream().map(Method::fromCliName).toList();
        long total = 0;
        for (PaperTask t : available) {
            total += (long) iterations(t, s) * methods.size() * s.replications();
        }
        List<Job> jobs = new ArrayList<>();
        for (PaperTask t : available) {
            for (Method m : methods) {
                for (int r = 0; r < s.replications(); r++) {
                    jobs.add(new Job(t, m, r,
                        ctx.dir().resolve("runs").resolve(t.task).resolve(m.cliName()).resolve("rep" + r)));
                }
            }
        }
        try (Progress bar = ctx.progress("training", total, "it")) {
            runs.addAll(runAll(ctx, s, jobs, dataDirs, bar));
        }
        ctx.dir().writeJson("table2.json", new Result(runs, notRun));
        List<List<?>> rows = new ArrayList<>();
        for (Run r : runs) {
            rows.add(List.of(r.task(), r.method(), r.replication(), r.seed(), r.iterations(), r.testAccuracy(),
                r.trainAccuracy(), r.expectedSharpness(), r.expectedSharpnessSe(), r.pacBayes(), r.maximal(),
                r.hessianTop(), r.hessianTrace(), r.truncationRate(), r.trainSeconds(), r.sharpnessSeconds(),
                r.diverged()));
        }
        ctx.dir().writeCsv("runs.csv", List.of("task", "method", "replication", "seed", "iterations",
            "test_accuracy", "train_accuracy", "expected_sharpness", "expected_sharpness_se", "pac_bayes_sharpness",
            "maximal_sharpness", "hessian_top_eigenvalue", "hessian_trace", "truncation_rate", "train_seconds",
            "sharpness_seconds", "diverged"), rows);
    }

    /** One training run of the table: task, method, replication and its directory. */
    private record Job(PaperTask task, Method method, int replication, Path dir) {
        String label() {
            return task.task + " " + method.cliName() + " rep " + (replication + 1);
        }
    }

    /**
     * Runs the jobs, {@code ctx.threads()} at a time, each in its own child JVM with one intra-op thread: a run's
     * numbers then do not depend on {@code --threads}, and the cores stay busy (libtorch scales poorly within one
     * LeNet run: LB 3.4 it/s on 2 threads vs 2.7 on 1; BENCHMARKS.md, reproduce). Finished runs ({@code result.json} present) are read, not re-run. If
     * a run fails, the others still finish (their results are kept for a resumed run), then the first failure is
     * thrown.
     *
     * @return the runs in job order
     */
    private static List<Run> runAll(PartContext ctx, Profile.TrainingScale s, List<Job> jobs,
                                    Map<PaperTask, Path> dataDirs, Progress bar) throws Exception {
        long[] done = new long[jobs.size()];
        Set<String> running = new LinkedHashSet<>();
        Runnable report = () -> {
            synchronized (done) {
                bar.set(Arrays.stream(done).sum());
                bar.message(String.join(", ", running));
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(
            Math.max(1, Math.min(ctx.threads(), jobs.size())), r -> {
                Thread t = new Thread(r, "htsgd-table2-run");
                t.setDaemon(true);
                return t;
            });
        try {
            // longest first, so that no long run is left alone at the end: runs that take a large-batch gradient
            // every step (LB, and the noise phase of SB+Noise, Our 1, Our 2) cost ~10x an SB run
            List<Integer> order = new ArrayList<>();
            for (int k = 0; k < jobs.size(); k++) {
                order.add(k);
            }
            order.sort(Comparator.comparing(k -> !largeBatch(jobs.get(k).method())));
            List<Future<Run>> futures = new ArrayList<>(Collections.nCopies(
                jobs.size(), (Future<Run>) null));
            for (int i : order) {
                Job job = jobs.get(i);
                long iterations = iterations(job.task(), s);
                futures.set(i, pool.submit(() -> {
                    Path resultFile = job.dir().resolve("result.json");
                    Run run;
                    if (Files.isRegularFile(resultFile)) {
                        run = OutputDir.JSON.readValue(resultFile.toFile(), Run.class);
                    } else {
                        synchronized (done) {
                            running.add(job.label());
                        }
                        report.run();
                        Path data = dataDirs.get(job.task());
                        try {
                            run = TrainingRuns.inChildProcess(new TrainingRuns.Request(job.task().task,
                                job.method().cliName(), job.replication(), runSeed(ctx.seed(), job.replication()),
                                iterations, noiseOffLast(job.task(), s), s, data == null ? null : data.toString(),
                                job.dir().toString(), 1), it -> {
                                    synchronized (done) {
                                        done[i] = it + 1;
                                    }
                                    report.run();
                                });
                        } finally {
                            synchronized (done) {
                                running.remove(job.label());
                            }
                        }
                    }
                    synchronized (done) {
                        done[i] = iterations;
                    }
                    report.run();
                    return run;
                }));
            }
            List<Run> runs = new ArrayList<>();
            Exception first = null;
            for (Future<Run> f : futures) {
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
        } finally {
            pool.shutdownNow();
        }
    }

    /** @return whether the method takes a large-batch gradient at every step of its (noise) phase */
    private static boolean largeBatch(Method m) {
        return m == Method.LB || m.injectsNoise();
    }

    /**
     * @param partSeed the part's seed
     * @param replication replication index
     * @return the training seed of a replication: shared by all methods, so within a replication every method
     *     starts from the same weights and sees the same corrupted labels (the paper's fair comparison)
     */
    static long runSeed(long partSeed, int replication) {
        return Math.floorMod(partSeed + 1000L * replication, 1L << 40) + 1;
    }

    static long iterations(PaperTask t, Profile.TrainingScale s) {
        return t == PaperTask.FMNIST ? s.iterations() : s.otherTasksIterations();
    }

    static long noiseOffLast(PaperTask t, Profile.TrainingScale s) {
        return t == PaperTask.FMNIST ? s.noiseOffLast() : s.otherTasksNoiseOffLast();
    }

    /**
     * @param s the profile's training scale
     * @param seed the measures' seed
     * @return the sharpness configuration: expected (δ = 0.01), PAC-Bayes and maximal (Jiang et al.'s target and
     *     bracket with the profile's depth and sample counts), Hessian top eigenvalue and trace
     */
    static SharpnessConfig sharpnessConfig(Profile.TrainingScale s, long seed) {
        SharpnessConfig paper = SharpnessConfig.paper(seed);
        SearchSettings search = SearchSettings.jiang().withPrecision(s.searchDepth(),
            SearchSettings.jiang().tolerance());
        return paper.withMeasures(EnumSet.of(Measure.EXPECTED, Measure.PAC_BAYES, Measure.MAXIMAL, Measure.HESSIAN))
            .withExpected(new ExpectedSharpness.Config(0.01, s.expectedSharpnessSamples()))
            .withPacBayes(PacBayesSharpness.Config.jiang().withSearch(search).withSamples(s.pacBayesSamples()))
            .withMaximal(MaximalSharpness.Config.jiang().withSearch(search)
                .withAscent(s.maximalAscentSteps(), MaximalSharpness.Config.jiang().stepFraction()))
            .withHessian(HessianSpectrum.Config.defaults().withPowerIteration(s.hessianIterations(),
                HessianSpectrum.Config.defaults().tolerance()).withProbes(s.hessianProbes()));
    }

    /** @param r a sharpness result @return its numbers in a run record's order (NaN for a missing measure) */
    static double[] numbers(SharpnessResult r) {
        return new double[] {
            r.expected() == null ? Double.NaN : r.expected().sharpness().mean(),
            r.expected() == null ? Double.NaN : r.expected().sharpness().standardError(),
            r.pacBayes() == null ? Double.NaN : r.pacBayes().sharpness(),
            r.maximal() == null ? Double.NaN : r.maximal().sharpness(),
            r.hessian() == null ? Double.NaN : r.hessian().topEigenvalue(),
            r.hessian() == null ? Double.NaN : r.hessian().trace().mean()};
    }

    @Override
    public void render(PartContext ctx, HtmlReport report) throws Exception {
        Result r = ctx.readJson("table2.json", Result.class);
        report.shows("Section 4: heavy-tailed noise injected into SGD (g_SB + Z (g_SB* - g_LB), Z = 0.5 x Pareto(1.4)) "
            + "and truncated at b finds flatter minima (smaller expected sharpness) and better test accuracy than "
            + "LB, SB, SB+Clip, and untruncated SB+Noise. The paper's numbers are averages of 5 replications of "
            + "10,000 iterations on a GPU; this profile's schedule and replications are in the table's caption. "
            + "Short schedules are not expected to reach the paper's accuracies; the comparison between methods "
            + "within one run is the point.");
        Profile.TrainingScale s = ctx.profile().training();
        for (PaperTask t : PaperTask.values()) {
            List<Run> taskRuns = r.runs().stream().filter(x -> x.task().equals(t.task)).toList();
            if (taskRuns.isEmpty()) {
                continue;
            }
            List<List<String>> rows = new ArrayList<>();
            double[][] acc = new double[2][METHODS.size()];
            double[][] sharp = new double[2][METHODS.size()];
            for (int k = 0; k < METHODS.size(); k++) {
                Method m = METHODS.get(k);
                List<Run> all = taskRuns.stream().filter(x -> x.method().equals(m.cliName())).toList();
                // diverged runs have no numbers: they are listed below the table and counted in the last column
                List<Run> mr = all.stream().filter(x -> x.diverged().isEmpty()).toList();
                int divergedCount = all.size() - mr.size();
                if (all.isEmpty()) {
                    acc[0][k] = Double.NaN;
                    acc[1][k] = t.paperAccuracy[k];
                    sharp[0][k] = Double.NaN;
                    sharp[1][k] = t.paperSharpness[k];
                    rows.add(List.of(LABELS.get(k), "not run in this profile", Fmt.f(t.paperAccuracy[k], 2) + "%", "",
                        Fmt.f(t.paperSharpness[k], 3), "", "", "", "", "", "", "0"));
                    continue;
                }
                double[] a = mr.stream().mapToDouble(x -> 100 * x.testAccuracy()).toArray();
                double[] es = mr.stream().mapToDouble(Run::expectedSharpness).toArray();
                acc[0][k] = mean(a);
                acc[1][k] = t.paperAccuracy[k];
                sharp[0][k] = mean(es);
                sharp[1][k] = t.paperSharpness[k];
                rows.add(List.of(LABELS.get(k), pm(a, 2) + "%", Fmt.f(t.paperAccuracy[k], 2) + "%", pm(es, 4),
                    Fmt.f(t.paperSharpness[k], 3),
                    pmG(mr.stream().mapToDouble(Run::pacBayes).toArray()),
                    pmG(mr.stream().mapToDouble(Run::maximal).toArray()),
                    pmG(mr.stream().mapToDouble(Run::hessianTop).toArray()),
                    pm(mr.stream().mapToDouble(x -> 100 * x.trainAccuracy()).toArray(), 1) + "%",
                    Fmt.f(mean(mr.stream().mapToDouble(Run::truncationRate).toArray()), 3),
                    Fmt.f(mean(mr.stream().mapToDouble(x -> x.trainSeconds() + x.sharpnessSeconds()).toArray()), 0),
                    mr.size() + (divergedCount > 0 ? " (+" + divergedCount + " diverged)" : "")));
            }
            for (Run d : taskRuns) {
                if (!d.diverged().isEmpty()) {
                    report.note(t.label + ", " + d.method() + ", replication " + (d.replication() + 1) + ": "
                        + d.diverged());
                }
            }
            Run any = taskRuns.get(0);
            report.paragraph(t.label + ": " + any.iterations() + " iterations (noise off in the last "
                + any.noiseOffLast() + "), " + s.replications() + " replication(s) per method; mean ± sd over "
                + "replications (sd shown when there are at least 2).");
            report.table(List.of("method", "test accuracy", "paper", "expected sharpness", "paper",
                "PAC-Bayes 1/sigma'^2", "maximal 1/alpha'^2", "Hessian top eigenvalue", "train accuracy",
                "truncated steps", "wall s", "runs"), rows);
            for (int k = 0; k < METHODS.size(); k++) {
                if (acc[0][k] <= CHANCE_ACCURACY + CHANCE_MARGIN) {
                    report.note(t.label + ", " + LABELS.get(k) + ": test accuracy " + Fmt.f(acc[0][k], 2)
                        + "% is chance level (10 classes): the network has not left its initial plateau in this "
                        + "schedule" + (METHODS.get(k) == Method.SB_NOISE ? " (SB+Noise runs at lr 0.005, a tenth of "
                        + "the others', and the paper gave it 10x the iterations)" : "")
                        + ", so its sharpness numbers describe the initial weights, not a trained minimum.");
                }
            }
            List<String> names = LABELS;
            String af = t.task + "-accuracy.png";
            Charts.savePng(ctx.dir(), af, Charts.bars(t.label + ": test accuracy (%)", "method", "test accuracy (%)",
                names, List.of("this run", "paper"), acc));
            String sf = t.task + "-sharpness.png";
            Charts.savePng(ctx.dir(), sf, Charts.bars(t.label + ": expected sharpness", "method",
                "E|L(theta+nu) - L(theta)|", names, List.of("this run", "paper"), sharp));
            List<String> files = new ArrayList<>(List.of(ctx.href(af), ctx.href(sf)));
            List<String> captions = new ArrayList<>(List.of("Test accuracy, this run vs the paper",
                "Expected sharpness (delta = 0.01), this run vs the paper"));
            String curves = learningCurves(ctx, t);
            if (curves != null) {
                files.add(ctx.href(curves));
                captions.add("Test accuracy during training (replication 1)");
            }
            report.figureGrid(files, captions, 2);
        }
        for (NotRun n : r.notRun()) {
            report.note(n.label() + ": " + n.reason());
        }
        report.paragraph("Settings: Table 1 (lr 0.05, batch 100, LB batch = the whole 1,200-image subset, b = 5, "
            + "Z = 0.5 W with W Lomax(1.4)); every method of a replication shares its seed (initial weights, corrupted "
            + "labels). SB+Noise uses App. A.3's lr 0.005 and L-infinity weight clip 1 on the shared schedule (the "
            + "paper ran it for 100,000 iterations, which this profile does not).");
        report.paragraph("PAC-Bayes and maximal sharpness follow Jiang et al. (2020) as documented in the sharpness "
            + "package (error target 0.1 on the training set; bisection depth " + s.searchDepth() + ", "
            + s.pacBayesSamples() + " samples per PAC-Bayes step, " + s.maximalAscentSteps() + " ascent steps); "
            + "expected sharpness uses " + s.expectedSharpnessSamples() + " samples (paper: 100); the Hessian's top "
            + "eigenvalue uses at most " + s.hessianIterations() + " power iterations on finite-difference "
            + "Hessian-vector products of the full training loss.");
        report.link(ctx.href("table2.json"), "table2.json");
        report.link(ctx.href("runs.csv"), "runs.csv");
    }

    /** Draws test accuracy vs iteration of replication 1 of every method from its metrics.csv, if present. */
    private static String learningCurves(PartContext ctx, PaperTask t) throws IOException {
        List<Charts.Series> series = new ArrayList<>();
        for (int k = 0; k < METHODS.size(); k++) {
            Method m = METHODS.get(k);
            Path csv = ctx.dir().resolve("runs").resolve(t.task).resolve(m.cliName()).resolve("rep0")
                .resolve("metrics.csv");
            if (!Files.isRegularFile(csv)) {
                continue;
            }
            List<String> lines = Files.readAllLines(csv);
            if (lines.size() < 2) {
                continue;
            }
            List<String> header = List.of(lines.get(0).split(","));
            int it = header.indexOf("iteration");
            int acc = header.indexOf("test_accuracy");
            if (it < 0 || acc < 0) {
                continue;
            }
            double[] x = new double[lines.size() - 1];
            double[] y = new double[lines.size() - 1];
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",");
                x[i - 1] = Double.parseDouble(f[it]);
                y[i - 1] = 100 * Double.parseDouble(f[acc]);
            }
            series.add(new Charts.Series(LABELS.get(k), x, y, Charts.Style.LINE_MARKERS));
        }
        if (series.isEmpty()) {
            return null;
        }
        String file = t.task + "-curves.png";
        Charts.savePng(ctx.dir(), file, Charts.xy(t.label + ": test accuracy during training", "iteration",
            "test accuracy (%)", false, false, series));
        return file;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }

    static double sd(double[] v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    private static String pm(double[] v, int digits) {
        return v.length < 2 ? Fmt.f(mean(v), digits) : Fmt.f(mean(v), digits) + " ± " + Fmt.f(sd(v), digits);
    }

    private static String pmG(double[] v) {
        return v.length < 2 ? Fmt.g3(mean(v)) : Fmt.g3(mean(v)) + " ± " + Fmt.g3(sd(v));
    }
}
