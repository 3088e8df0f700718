package org.htsgd.core.simulation;

/**
 * Test helper: weighted least-squares slope of \(\log \bar\sigma\) against \(\log(1/\eta)\), with the standard error
 * of each \(\log \bar\sigma\) from the delta method, \(s/(\bar\sigma\sqrt{N})\) (s = sample standard deviation).
 */
final class SlopeFit {
    /** Fitted slope. */
    final double slope;
    /** Its standard error. */
    final double standardError;

    private SlopeFit(double slope, double standardError) {
        this.slope = slope;
        this.standardError = standardError;
    }

    static SlopeFit of(double[] etas, long[][] exitSteps) {
        int k = etas.length;
        double[] x = new double[k];
        double[] y = new double[k];
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            long[] t = exitSteps[i];
            double mean = 0;
            for (long v : t) {
                mean += v;
            }
            mean /= t.length;
            double ss = 0;
            for (long v : t) {
                ss += (v - mean) * (v - mean);
            }
            double sd = Math.sqrt(ss / (t.length - 1));
            double se = sd / (mean * Math.sqrt(t.length));
            x[i] = Math.log(1 / etas[i]);
            y[i] = Math.log(mean);
            w[i] = 1 / (se * se);
        }
        double sw = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < k; i++) {
            sw += w[i];
            sx += w[i] * x[i];
            sy += w[i] * y[i];
        }
        double mx = sx / sw;
        double my = sy / sw;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < k; i++) {
            sxx += w[i] * (x[i] - mx) * (x[i] - mx);
            sxy += w[i] * (x[i] - mx) * (y[i] - my);
        }
        return new SlopeFit(sxy / sxx, Math.sqrt(1 / sxx));
    }

    @Override
    public String toString() {
        return "slope " + slope + " +- " + standardError;
    }
}
