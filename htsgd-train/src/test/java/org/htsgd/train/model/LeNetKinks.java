package org.htsgd.train.model;

/**
 * A plain-Java float64 forward pass of the paper's LeNet that tells whether an example lies at one of the network's
 * kinks: a max-pool window whose two largest inputs are within rounding of each other, or a ReLU (after a pool, or
 * after fc1) whose input is within rounding of 0. There the float32 gradient is discontinuous: two correct float32
 * computations that round differently (grouped vs plain convolution kernels) can route that example's gradient
 * differently, so no rounding tolerance can compare them. "Within rounding" is {@code rel} times the unit's scale
 * \(\sum |\text{terms}|\) (the bias and the products summed, the inputs' own scales propagated); a float32 sum of M
 * terms is off by at most about \(M u \sum|\text{terms}|\), \(u = 2^{-24}\), i.e. 1.5e-5 for conv2's M = 250.
 */
final class LeNetKinks {
    private LeNetKinks() {
    }

    /**
     * @param w LeNet weights in the flat layout of {@link Network}
     * @param pixels images, 784 floats each
     * @param example which image
     * @param rel the rounding band, relative to each unit's scale
     * @return whether the example lies within the band of a kink
     */
    static boolean atKink(double[] w, float[] pixels, int example, double rel) {
        double[][] x = new double[2][784];
        for (int j = 0; j < 784; j++) {
            x[0][j] = pixels[example * 784 + j];
            x[1][j] = Math.abs(x[0][j]);
        }
        double[][] c1 = conv(w, 0, 250, x, 1, 28, 10);
        double[][] h1 = new double[2][10 * 12 * 12];
        boolean kink = pool(c1, 10, 24, h1, rel);
        double[][] c2 = conv(w, 260, 2_760, h1, 10, 12, 10);
        double[][] h2 = new double[2][160];
        kink |= pool(c2, 10, 8, h2, rel);
        for (int o = 0; o < 50; o++) {
            double a = w[10_770 + o];
            double s = Math.abs(a);
            for (int i = 0; i < 160; i++) {
                a += w[2_770 + o * 160 + i] * h2[0][i];
                s += Math.abs(w[2_770 + o * 160 + i]) * h2[1][i];
            }
            kink |= Math.abs(a) <= rel * s;
        }
        return kink;
    }

    /** Valid 5x5 convolution of {@code in} (value, scale) with C channels of side n; returns (value, scale). */
    private static double[][] conv(double[] w, int weightAt, int biasAt, double[][] in, int channels, int n,
                                   int filters) {
        int m = n - 4;
        double[][] out = new double[2][filters * m * m];
        for (int o = 0; o < filters; o++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    double v = w[biasAt + o];
                    double s = Math.abs(v);
                    for (int c = 0; c < channels; c++) {
                        for (int r = 0; r < 5; r++) {
                            for (int q = 0; q < 5; q++) {
                                double k = w[weightAt + ((o * channels + c) * 5 + r) * 5 + q];
                                int at = (c * n + i + r) * n + j + q;
                                v += k * in[0][at];
                                s += Math.abs(k) * in[1][at];
                            }
                        }
                    }
                    out[0][(o * m + i) * m + j] = v;
                    out[1][(o * m + i) * m + j] = s;
                }
            }
        }
        return out;
    }

    /** 2x2 max pool then ReLU of (value, scale) maps of side n into {@code out}; returns whether a kink was met. */
    private static boolean pool(double[][] in, int channels, int n, double[][] out, double rel) {
        boolean kink = false;
        int m = n / 2;
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    int best = -1;
                    int second = -1;
                    for (int d = 0; d < 4; d++) {
                        int at = (c * n + 2 * i + d / 2) * n + 2 * j + d % 2;
                        if (best < 0 || in[0][at] > in[0][best]) {
                            second = best;
                            best = at;
                        } else if (second < 0 || in[0][at] > in[0][second]) {
                            second = at;
                        }
                    }
                    double v = in[0][best];
                    double gap = v - in[0][second];
                    // a near-tie matters where the ReLU passes the gradient; an exact tie (gap 0) is two copies of
                    // the bias over an all-zero input patch, whose weight-gradient share is 0 whichever wins
                    kink |= v > 0 && gap > 0 && gap <= rel * (in[1][best] + in[1][second]);
                    kink |= Math.abs(v) <= rel * in[1][best];
                    out[0][(c * m + i) * m + j] = Math.max(v, 0);
                    out[1][(c * m + i) * m + j] = v > 0 ? in[1][best] : 0; // a clear ReLU 0 is exact
                }
            }
        }
        return kink;
    }
}
