package org.htsgd.cli.options;

import org.htsgd.core.landscape.Landscape;
import org.htsgd.core.landscape.Landscape1D;
import org.htsgd.core.landscape.Landscapes;
import picocli.CommandLine.Option;

/**
 * {@code --landscape SPEC}: the loss landscape \(f\) of a simulation or theory command, parsed by
 * {@link Landscapes#parse(String)}: a built-in name or a formula, differentiated exactly.
 */
public final class LandscapeOption {
    /** The landscape's spec. */
    @Option(names = "--landscape", defaultValue = "paper1d", paramLabel = "SPEC",
            description = "paper1d, himmelblau, doublewell, or 'expr:<f(x)>[;L=..]' (1-D) / 'expr:<f(x,y)>[;R=..]' "
                    + "(2-D) (default: ${DEFAULT-VALUE})")
    private String spec;

    /**
     * @return the parsed landscape
     * @throws IllegalArgumentException if the spec is not one
     */
    public Landscape parse() {
        return Landscapes.parse(spec);
    }

    /**
     * @param command the command's name, for the message
     * @return the parsed landscape, which must be 1-D
     * @throws IllegalArgumentException if it is not a landscape or not 1-D
     */
    public Landscape1D parse1D(String command) {
        Landscape f = parse();
        if (f instanceof Landscape1D l) {
            return l;
        }
        throw new IllegalArgumentException(command + " needs a 1-D landscape; " + f.name() + " is "
                + f.dimension() + "-D");
    }
}
