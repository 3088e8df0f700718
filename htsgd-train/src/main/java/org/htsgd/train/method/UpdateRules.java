package org.htsgd.train.method;

import java.util.Objects;

/** Factory of the {@link UpdateRule}s. */
public final class UpdateRules {
    private UpdateRules() {
    }

    /**
     * @param method the method
     * @param hyperparameters its configuration (use {@link org.htsgd.train.loop.Task#hyperparameters(Method)} for the
     *        paper's values, which set the SB+Noise weight clip)
     * @return a fresh, uninitialised rule
     */
    public static UpdateRule create(Method method, Hyperparameters hyperparameters) {
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        switch (Objects.requireNonNull(method, "method")) {
            case LB:
                return new LbRule(hyperparameters);
            case SB:
            case SB_CLIP:
                return new SbRule(hyperparameters, method);
            case SB_NOISE:
                return new SbNoiseRule(hyperparameters);
            case OUR1:
                return new Our1Rule(hyperparameters);
            case OUR2:
                return new Our2Rule(hyperparameters);
            case SAM:
                return new SamRule(hyperparameters);
            default:
                throw new IllegalArgumentException("Unhandled method: " + method);
        }
    }
}
