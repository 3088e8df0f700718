package org.htsgd.train.loop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.htsgd.core.truncation.Truncation;
import org.htsgd.core.validation.Require;
import org.htsgd.train.method.Hyperparameters;
import org.htsgd.train.method.Method;
import org.htsgd.train.method.ParetoVariant;

/**
 * A {@link TrainConfig} as JSON ({@code config.json}, and inside {@code summary.json}): the record's components,
 * with the {@link Hyperparameters} nested and infinities and NaN written as strings ({@code "Infinity"}); a file
 * without {@code stopAtTrainAccuracy} (written before it existed) reads as NaN, none.
 *
 * <p>{@link #read} also accepts the flat format written before the task catalogue (htsgd 0.1 before issue 11):
 * the hyperparameters as top-level fields {@code lr, batch, lbBatch, b, c, alpha, noiseLaw, noiseOffLast, momentum,
 * weightDecay, weightClip, samRho} next to {@code iterations}, the noise law as {@code lomax}/{@code pareto} and
 * "no weight clip" as 0. It is converted exactly as that version built its update rule: the task's paper
 * hyperparameters scaled to {@code iterations} for the learning-rate schedule and the noise-off phase, every other
 * value from the file.
 */
public final class TrainConfigJson {
    /** The mapper: pretty, NaN and infinities as strings. */
    public static final ObjectMapper JSON = JsonMapper.builder()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
        .build();

    /** The field a configuration written before {@link TrainConfig#stopAtTrainAccuracy()} existed lacks. */
    private static final String STOP = "stopAtTrainAccuracy";

    private TrainConfigJson() {
    }

    /**
     * @param config a configuration
     * @return it as JSON text
     */
    public static String write(TrainConfig config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a TrainConfig as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a configuration in the current or the pre-catalogue format.
     *
     * @param file a {@code config.json} written by {@code htsgd train}
     * @return the configuration
     * @throws IOException if the file cannot be read or is not a training configuration; the message is one line
     *     naming the file and what is wrong
     */
    public static TrainConfig read(Path file) throws IOException {
        try {
            return parse(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not a valid training configuration: " + firstLine(e), e);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not a valid training configuration: " + e.getMessage(), e);
        }
    }

    /**
     * @param json a configuration in the current or the pre-catalogue format
     * @return the configuration
     * @throws JsonProcessingException if the text is not such a configuration
     * @throws IllegalArgumentException if a value is out of range
     */
    public static TrainConfig parse(String json) throws JsonProcessingException {
        JsonNode tree = JSON.readTree(json);
        if (tree != null && tree.has("hyperparameters")) {
            if (tree instanceof ObjectNode o && !o.has(STOP)) { // written before the stop existed: none
                o.put(STOP, Double.NaN);
            }
            return JSON.treeToValue(tree, TrainConfig.class);
        }
        if (tree != null && tree.has("lr") && tree.has("noiseLaw")) {
            return JSON.treeToValue(tree, Flat.class).toConfig();
        }
        throw new JsonProcessingException("neither a \"hyperparameters\" object nor the flat fields (lr, noiseLaw, "
            + "...) of an older htsgd") { };
    }

    private static String firstLine(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        int nl = m == null ? -1 : m.indexOf('\n');
        return nl < 0 ? String.valueOf(m) : m.substring(0, nl);
    }

    /** The pre-catalogue format, field for field. */
    private record Flat(Task task, Method method, long iterations, long seed, double lr, int batch, int lbBatch,
                        double b, double c, double alpha, String noiseLaw, long noiseOffLast, double momentum,
                        double weightDecay, double weightClip, double samRho, long evalEvery,
                        long checkpointEvery, int threads, Path dataDir, Path outDir, boolean resume) {
        TrainConfig toConfig() {
            Require.nonNull(task, "task");
            Require.nonNull(method, "method");
            Require.nonNull(noiseLaw, "noiseLaw");
            Hyperparameters paper = task.hyperparameters(method).scaledTo(iterations);
            Hyperparameters h = new Hyperparameters(lr, batch, lbBatch, Truncation.of(b), c, alpha,
                ParetoVariant.fromCliName(noiseLaw), noiseOffLast, iterations,
                weightClip == 0 ? Double.POSITIVE_INFINITY : weightClip, momentum, weightDecay, samRho,
                paper.schedule(), paper.noiseOffPhase());
            return new TrainConfig(task, method, seed, h, evalEvery, checkpointEvery, threads, dataDir, outDir,
                resume);
        }
    }
}
