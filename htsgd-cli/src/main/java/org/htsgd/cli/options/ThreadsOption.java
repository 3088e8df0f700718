package org.htsgd.cli.options;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --threads N}: how many threads a command uses, the same convention everywhere: {@code 0} (the default)
 * means all available cores, any positive number that many; a negative number is refused while parsing.
 *
 * <p>The simulators (exit-time, occupancy, reproduce's figures) give bit-identical results for any thread count, and
 * so does training a network without batch norm or dropout (LeNet, VGG11: its gradients are computed in fixed
 * single-threaded chunks, {@code ChunkedGradient}). A network with them (VGG16's dropout, batch norm) is computed
 * on PyTorch's intra-op threads, whose count changes the last bits; {@code train} records the resolved count in its
 * {@code config.json}.
 */
public final class ThreadsOption {
    /** The thread count as given; 0 = all available cores. */
    @Option(names = "--threads", defaultValue = "0", paramLabel = "N", converter = NonNegative.class,
            description = "threads; 0 = all available cores (default: ${DEFAULT-VALUE}). The simulations and "
                    + "training without batch norm or dropout (LeNet, VGG11) give the same numbers for any count; "
                    + "with them (VGG16) the last bits depend on it (train records it in config.json).")
    private int threads;

    /** @return the thread count to use: the given one, or all available cores for 0 */
    public int count() {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /** Reads a thread count: a whole number &gt;= 0. */
    static final class NonNegative implements CommandLine.ITypeConverter<Integer> {
        /** {@inheritDoc} */
        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("not a whole number: '" + value + "'");
            }
            if (n < 0) {
                throw new CommandLine.TypeConversionException("not >= 0 (0 = all available cores): " + n);
            }
            return n;
        }
    }
}
