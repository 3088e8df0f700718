package org.htsgd.cli.options;

import org.htsgd.core.noise.NoiseLaw;
import org.htsgd.core.noise.NoiseLaws;
import org.htsgd.core.noise.VectorNoiseLaw;
import picocli.CommandLine.Option;

/**
 * {@code --noise LAW}: the law of the gradient noise \(Z\), parsed by {@link NoiseLaws#parse(String)}. Without it,
 * the paper's: \(0.1\,U\,\mathrm{Lomax}(1.2)\) in 1-D ({@link NoiseLaws#paper1d()}), the isotropic
 * \(0.75\cdot\mathrm{Pareto}(1.2)\) radius in 2-D ({@link NoiseLaws#paper2d()}).
 */
public final class NoiseOption {
    /** The law's spec, or {@code null} for the paper's. */
    @Option(names = "--noise", paramLabel = "LAW",
            description = "noise law: lomax:alpha=1.2,scale=0.1 | pareto:alpha=..,scale=.. | stable:alpha=..,"
                    + "scale=.. | student:df=..,scale=.. | gaussian:sigma=.. (default: the paper's, "
                    + "lomax:alpha=1.2,scale=0.1 in 1-D; isotropic 0.75*Pareto(1.2) radius in 2-D)")
    private String spec;

    /**
     * @return the scalar (1-D) law
     * @throws IllegalArgumentException if the spec is not one
     */
    public NoiseLaw scalar() {
        return spec == null ? NoiseLaws.paper1d() : NoiseLaws.parse(spec);
    }

    /**
     * @param dimension d
     * @return the isotropic d-D law
     * @throws IllegalArgumentException if the spec is not one
     */
    public VectorNoiseLaw vector(int dimension) {
        if (spec == null) {
            return dimension == 2 ? NoiseLaws.paper2d() : NoiseLaws.isotropic(dimension, "pareto:alpha=1.2,scale=1");
        }
        return NoiseLaws.isotropic(dimension, spec);
    }
}
