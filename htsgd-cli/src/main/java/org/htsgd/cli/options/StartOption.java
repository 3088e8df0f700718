package org.htsgd.cli.options;

import org.htsgd.core.landscape.Landscape;
import picocli.CommandLine.Option;

/**
 * {@code --start X[,Y]}: the start point \(X_0\) of a simulated path of eq. (2), {@code x} on a 1-D landscape or
 * {@code x,y} on a 2-D one. The simulations refuse a start on the boundary of two attraction fields (it belongs to
 * neither) and, each in its own words, a start outside the landscape's domain.
 */
public final class StartOption {
    /** The point as given. */
    @Option(names = "--start", required = true, paramLabel = "X[,Y]",
            description = "start point: x (1-D) or x,y (2-D), in the domain; in 1-D not on the boundary of two "
                    + "attraction fields")
    private String text;

    /**
     * @param f the landscape the paths run on
     * @return the start's coordinates
     * @throws IllegalArgumentException if a coordinate is not a number, or their number is not {@code f}'s
     *     dimension
     */
    public double[] point(Landscape f) {
        String[] parts = text.split(",");
        double[] p = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                p[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("start is not a point like 0.3 or 2.9,1.0: '" + text + "'");
            }
        }
        if (p.length != f.dimension()) {
            throw new IllegalArgumentException("start has " + p.length + " coordinates but " + f.name() + " is "
                    + f.dimension() + "-D");
        }
        return p;
    }
}
