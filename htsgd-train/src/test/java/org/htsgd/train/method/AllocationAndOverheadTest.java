package org.htsgd.train.method;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.apache.commons.rng.simple.RandomSource;
import org.htsgd.train.model.DifferentiableModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The rules allocate nothing per iteration beyond the returned StepRecord (work buffers are sized at init). */
class AllocationAndOverheadTest {
    /** A model of LeNet's size (d = 11,330, n = 1,200) whose gradient is a fixed vector: no cost, no allocation. */
    static final class FixedGradientModel implements DifferentiableModel {
        final double[] w;
        final double[] g;

        FixedGradientModel(int d) {
            w = new double[d];
            g = new double[d];
            for (int i = 0; i < d; i++) {
                g[i] = Math.sin(i);
            }
        }

        @Override
        public int dimension() {
            return w.length;
        }

        @Override
        public int trainingSize() {
            return 1200;
        }

        @Override
        public void weights(double[] out) {
            System.arraycopy(w, 0, out, 0, w.length);
        }

        @Override
        public void setWeights(double[] x) {
            System.arraycopy(x, 0, w, 0, w.length);
        }

        @Override
        public double lossAndGradient(int[] examples, int count, double[] grad) {
            System.arraycopy(g, 0, grad, 0, g.length);
            return examples[count - 1];
        }

        @Override
        public Evaluation evaluate(int[] examples, int count) {
            return new Evaluation(0, 0);
        }
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void noAllocationPerStep(Method m) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Hyperparameters h = org.htsgd.train.loop.Task.FMNIST_LENET.hyperparameters().withMomentum(0.9).withWeightDecay(1e-4)
            .withWeightLinfClip(1).scaledTo(4000);
        UpdateRule rule = UpdateRules.create(m, h);
        rule.init(new FixedGradientModel(11_330), RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
        for (long t = 0; t < 500; t++) {
            rule.step(t);
        }
        long before = bean.getThreadAllocatedBytes(Thread.currentThread().getId());
        int steps = 1000;
        for (long t = 500; t < 500 + steps; t++) {
            rule.step(t);
        }
        long perStep = (bean.getThreadAllocatedBytes(Thread.currentThread().getId()) - before) / steps;
        // A StepRecord is about 48 bytes; a d-sized buffer would be 90 kB.
        assertTrue(perStep <= 128, m + " allocates " + perStep + " bytes per step");
    }
}
