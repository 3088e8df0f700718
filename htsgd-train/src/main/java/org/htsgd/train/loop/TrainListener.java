package org.htsgd.train.loop;

import java.nio.file.Path;
import org.htsgd.train.method.StepRecord;

/** Hooks into {@link Trainer#run}; every method is a no-op by default. */
public interface TrainListener {
    /** A listener that does nothing. */
    TrainListener NONE = new TrainListener() {
    };

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
