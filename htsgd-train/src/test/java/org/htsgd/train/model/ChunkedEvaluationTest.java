package org.htsgd.train.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.htsgd.train.data.ImageDataset;
import org.htsgd.train.model.DifferentiableModel.Evaluation;
import org.junit.jupiter.api.Test;

/** The one evaluation loop against the mean cross-entropy and accuracy computed in Java from one forward pass. */
class ChunkedEvaluationTest {
    @Test
    void chunkedLossAndAccuracyEqualTheDirectComputation() {
        int n = 10;
        ImageDataset data = TestData.synthetic(n, 1, 4, 4, 3, 8);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            Block block = NetworkTest.tiny().blockFactory().get();
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 4, 4));
            ParameterStore store = new ParameterStore(manager, false);
            NDArray x = manager.create(data.pixels(), new Shape(n, 1, 4, 4));
            long[] labels = new long[n];
            for (int i = 0; i < n; i++) {
                labels[i] = data.labels()[i];
            }
            NDArray y = manager.create(labels);
            // direct: one forward over all n, then -log softmax and argmax in double
            float[] logits = block.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
            double lossSum = 0;
            int correct = 0;
            for (int i = 0; i < n; i++) {
                double max = Double.NEGATIVE_INFINITY;
                int argmax = -1;
                for (int k = 0; k < 3; k++) {
                    if (logits[3 * i + k] > max) {
                        max = logits[3 * i + k];
                        argmax = k;
                    }
                }
                double sum = 0;
                for (int k = 0; k < 3; k++) {
                    sum += Math.exp(logits[3 * i + k] - max);
                }
                lossSum += max + Math.log(sum) - logits[3 * i + data.labels()[i]];
                correct += argmax == data.labels()[i] ? 1 : 0;
            }
            // chunks of 3 (3 + 3 + 3 + 1) and a single chunk
            for (int chunk : new int[] {3, 100}) {
                Evaluation e = new ChunkedEvaluation(manager, block, store, chunk).run(n, (sub, from, to) -> {
                    NDIndex range = new NDIndex(from + ":" + to);
                    return new NDList(x.get(range), y.get(range));
                });
                // float32 logits and log-softmax: relative rounding ~1e-7 per example
                assertEquals(lossSum / n, e.loss(), 1e-6, "chunk " + chunk);
                assertEquals((double) correct / n, e.accuracy(), 0.0, "chunk " + chunk);
            }
            assertTrue(lossSum > 0);
        }
    }
}
