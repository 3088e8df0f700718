package org.htsgd.bench.sim;

import java.util.concurrent.TimeUnit;
import org.htsgd.core.simulation.Execution;
import org.htsgd.core.simulation.Occupancy;
import org.htsgd.core.simulation.OccupancyConfig1D;
import org.htsgd.core.simulation.OccupancyResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Steps per second of the 1-D simulator on the paper's problem ({@link PaperProblem}: eq. 2 on paper1d, Lomax(1.2)
 * noise, b = 0.5, eta = 0.001, occupation in four fields). One operation = one step of one path; with
 * {@code threads = 1} the score is steps per second per core, with {@code threads = 2} the ratio of the two scores
 * is the 1 -> 2 core speed-up.
 *
 * <pre>
 * mvn -B -o -q -pl htsgd-bench -am package -DskipTests
 * java -cp 'htsgd-bench/target/htsgd-bench.jar:htsgd-bench/target/lib/*' org.openjdk.jmh.Main Paper1DSimulation
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class Paper1DSimulationBenchmark {
    /** Paths per invocation (a multiple of 2 threads x 4 lanes). */
    static final int PATHS = 16;
    /** Steps per path per invocation. */
    static final long STEPS = 250_000;

    /** Worker threads. */
    @Param({"1", "2"})
    public int threads;

    /** Truncation threshold. */
    @Param({"0.5"})
    public double b;

    /** The run. */
    private OccupancyConfig1D config;
    /** Execution on {@link #threads} threads. */
    private Execution execution;

    /** Builds the run. */
    @Setup
    public void setUp() {
        config = PaperProblem.config(0.001, b, STEPS, PATHS, 1);
        execution = Execution.threads(threads);
    }

    /** @return the occupation (consumed by JMH) */
    @Benchmark
    @OperationsPerInvocation((int) (PATHS * STEPS))
    public OccupancyResult occupancy() {
        return Occupancy.run(config, execution);
    }
}
