package org.htsgd.train.loop;

import java.nio.file.Path;
import org.htsgd.train.method.StepRecord;

/** Hooks into {@link Trainer#run}; every method is a no-op by default. */
public interface TrainListener {
    /** A listener that does nothing. */
    TrainListener NONE = new TrainListener() {
    };

    /**
     * Called once the run is known to start, before the trainer writes any file: the data are loaded, the rule
     * created and, when resuming, the checkpoint accepted. A caller writes its own files about the run here, so that
     * a refused run (missing data, another run's checkpoint) leaves an existing run directory untouched. An exception
     * thrown here stops the run before anything is written.
     *
     * @param config the run
     * @param resumedFrom iterations already done (0 for a fresh run)
     * @throws java.io.UncheckedIOException if the caller's file cannot be written
     */
    default void onStart(TrainConfig config, long resumedFrom) {
    }

    /** @param iteration the iteration just done (0-based) @param step what the rule did */
    default void onStep(long iteration, StepRecord step) {
    }

    /** @param row an evaluation just written to metrics.csv */
    default void onEvaluation(MetricsRow row) {
    }

    /** @param iterationsDone iterations completed @param file the checkpoint just written */
    default void onCheckpoint(long iterationsDone, Path file) {
    }
}
