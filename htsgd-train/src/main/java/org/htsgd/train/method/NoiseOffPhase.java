package org.htsgd.train.method;

/**
 * What a noise-injecting method runs in its last K iterations, once the heavy-tailed noise is switched off
 * (the truncation and the weight clip, where used, still apply).
 */
public enum NoiseOffPhase {
    /** Large-batch steps \(-\eta g_{LB}\): Table 2 runs (S1 §4, "run LB instead"). The default. */
    LB,
    /** Small-batch steps \(-\eta g_{SB}\): the augmentation runs of Table 3 (S1 App. A.4, "plain SB updates"). */
    SB
}
