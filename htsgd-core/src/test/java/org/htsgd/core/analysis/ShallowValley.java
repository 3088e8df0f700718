package org.htsgd.core.analysis;

import org.htsgd.core.landscape.Domain;
import org.htsgd.core.landscape.Landscape;

/**
 * A test landscape whose flow carries the iterate outward between jumps:
 * \(f(x, y) = a(x) + c(x)\,y^2/2\) on the disc of radius 2.6, with a floor \(a(x) = \varepsilon(x^2/2 - x^3/(3X))\)
 * (minimum at 0, saddle at \(X = 2.05\), \(\varepsilon = 10^{-4}\)) and valley walls that get shallower outward:
 * \(c(x) = 1\) for \(x \le 0\), \(e^{-x/\ell}\) on \((0, x_c)\) and \(e^{-x_c/\ell}\) for \(x \ge x_c\), with
 * \(\ell = 1/4\), \(x_c = 1.35\). On the band \((0, x_c)\) with \(\varepsilon = 0\) the flow conserves
 * \(x + y^2/(4\ell)\) (\(\dot x = c y^2/(2\ell)\), \(\dot{(y^2)} = -2cy^2\)): a point high on a wall slides outward
 * while it drops to the floor. For \(x \ge x_c\) the two coordinates decouple, so the line \(x = X\) is the field
 * boundary. The gradient is exact (piecewise; \(c\) is continuous, \(c'\) jumps at 0 and \(x_c\)).
 */
final class ShallowValley implements Landscape {
    /** Saddle abscissa X = r. */
    static final double X = 2.05;
    /** Wall decay length. */
    static final double ELL = 0.25;
    /** End of the band. */
    static final double XC = 1.35;
    /** Floor slope scale. */
    static final double EPS = 1e-4;
    /** The disc. */
    private static final Domain.Ball DOMAIN = new Domain.Ball(2, 2.6);

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public Domain domain() {
        return DOMAIN;
    }

    private static double c(double x) {
        return x <= 0 ? 1 : Math.exp(-Math.min(x, XC) / ELL);
    }

    @Override
    public double value(double[] p) {
        double x = p[0];
        return EPS * (x * x / 2 - x * x * x / (3 * X)) + c(x) * p[1] * p[1] / 2;
    }

    @Override
    public void gradient(double[] p, double[] g) {
        double x = p[0];
        double dc = x > 0 && x < XC ? -c(x) / ELL : 0;
        g[0] = EPS * x * (1 - x / X) + dc * p[1] * p[1] / 2;
        g[1] = c(x) * p[1];
    }

    @Override
    public String name() {
        return "shallow-valley";
    }
}
