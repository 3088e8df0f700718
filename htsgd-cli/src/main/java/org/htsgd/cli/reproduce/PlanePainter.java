package org.htsgd.cli.reproduce;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Draws a 2-D landscape's attraction fields (a label per grid cell) with circles of radius b around the minimisers
 * and, optionally, a trajectory on top, as a PNG with {@code java.awt} (paper Figure 3 (b) and (d)).
 */
final class PlanePainter {
    private static final Color[] FIELD_COLOURS = {new Color(0xc6dbef), new Color(0xfdd0a2), new Color(0xc7e9c0),
        new Color(0xdadaeb), new Color(0xfcbba1), new Color(0xd9d9d9)};
    private static final int SIZE = 560;
    private static final int MARGIN = 40;

    private PlanePainter() {
    }

    /**
     * @param title title
     * @param lo lower end of both axes
     * @param hi upper end of both axes
     * @param labels labels[i][j] of the cell at (x_i, y_j) on an equally spaced grid; -1 outside the domain
     * @param minimisers per field, its minimiser (x, y)
     * @param circleRadius radius of the circles around the minimisers (b), or NaN for none
     * @param trajectory x,y pairs (flattened), or {@code null}
     * @return the PNG bytes
     */
    static byte[] png(String title, double lo, double hi, int[][] labels, double[][] minimisers,
                      double circleRadius, double[] trajectory) {
        int w = SIZE + 2 * MARGIN;
        BufferedImage img = new BufferedImage(w, w, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = WhiteCanvas.pen(img);
        try {
            int n = labels.length;
            // grid point i sits at lo + i (hi - lo) / (n - 1): its cell is centred there
            double cell = SIZE / (double) (n - 1);
            g.setClip(MARGIN, MARGIN, SIZE + 1, SIZE + 1);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < labels[i].length; j++) {
                    int l = labels[i][j];
                    if (l < 0) {
                        continue;
                    }
                    g.setColor(FIELD_COLOURS[l % FIELD_COLOURS.length]);
                    int px = (int) Math.floor(MARGIN + (i - 0.5) * cell);
                    int py = (int) Math.floor(MARGIN + SIZE - (j + 0.5) * cell);
                    g.fillRect(px, py, (int) Math.ceil(cell) + 1, (int) Math.ceil(cell) + 1);
                }
            }
            g.setClip(null);
            axes(g, lo, hi);
            if (trajectory != null && trajectory.length >= 4) {
                Path2D path = new Path2D.Double();
                path.moveTo(px(trajectory[0], lo, hi), py(trajectory[1], lo, hi));
                for (int k = 2; k + 1 < trajectory.length; k += 2) {
                    path.lineTo(px(trajectory[k], lo, hi), py(trajectory[k + 1], lo, hi));
                }
                g.setColor(new Color(0, 0, 0, 140));
                g.setStroke(new BasicStroke(0.8f));
                g.draw(path);
                g.setColor(Color.RED);
                g.fill(new Ellipse2D.Double(px(trajectory[0], lo, hi) - 4, py(trajectory[1], lo, hi) - 4, 8, 8));
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            for (int k = 0; k < minimisers.length; k++) {
                double mx = minimisers[k][0];
                double my = minimisers[k][1];
                g.setColor(Color.BLACK);
                g.fill(new Ellipse2D.Double(px(mx, lo, hi) - 3, py(my, lo, hi) - 3, 6, 6));
                g.drawString("\u03a9" + (k + 1), (float) px(mx, lo, hi) + 5, (float) py(my, lo, hi) - 5);
                if (!Double.isNaN(circleRadius)) {
                    double r = circleRadius * SIZE / (hi - lo);
                    g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {6f, 4f}, 0f));
                    g.draw(new Ellipse2D.Double(px(mx, lo, hi) - r, py(my, lo, hi) - r, 2 * r, 2 * r));
                }
            }
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(title, MARGIN, 24);
        } finally {
            g.dispose();
        }
        return encode(img);
    }

    /**
     * A heat map of a function on the grid (NaN cells, outside the domain, are left white) with a colour bar.
     *
     * @param title title
     * @param lo lower end of both axes
     * @param hi upper end of both axes
     * @param values values[i][j] at (x_i, y_j) on an equally spaced grid
     * @param minimisers per field, its minimiser (x, y)
     * @param valueLabel label of the colour bar
     * @return the PNG bytes
     */
    static byte[] heat(String title, double lo, double hi, double[][] values, double[][] minimisers,
                       String valueLabel) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double v : row) {
                if (!Double.isNaN(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        int w = SIZE + 2 * MARGIN;
        BufferedImage img = new BufferedImage(w + 90, w, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = WhiteCanvas.pen(img);
        try {
            int n = values.length;
            double cell = SIZE / (double) (n - 1);
            g.setClip(MARGIN, MARGIN, SIZE + 1, SIZE + 1);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < values[i].length; j++) {
                    double v = values[i][j];
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    g.setColor(colour((v - min) / (max - min)));
                    int px = (int) Math.floor(MARGIN + (i - 0.5) * cell);
                    int py = (int) Math.floor(MARGIN + SIZE - (j + 0.5) * cell);
                    g.fillRect(px, py, (int) Math.ceil(cell) + 1, (int) Math.ceil(cell) + 1);
                }
            }
            g.setClip(null);
            axes(g, lo, hi);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            for (int k = 0; k < minimisers.length; k++) {
                g.setColor(Color.WHITE);
                g.fill(new Ellipse2D.Double(px(minimisers[k][0], lo, hi) - 3, py(minimisers[k][1], lo, hi) - 3, 6,
                    6));
                g.drawString("\u03a9" + (k + 1), (float) px(minimisers[k][0], lo, hi) + 5,
                    (float) py(minimisers[k][1], lo, hi) - 5);
            }
            int bx = w + 10;
            for (int y = 0; y < SIZE; y++) {
                g.setColor(colour(1 - y / (double) (SIZE - 1)));
                g.fillRect(bx, MARGIN + y, 20, 1);
            }
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.drawString(Fmt.g3(max), bx + 24, MARGIN + 10);
            g.drawString(Fmt.g3(min), bx + 24, MARGIN + SIZE);
            g.drawString(valueLabel, bx - 10, MARGIN - 8);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(title, MARGIN, 24);
        } finally {
            g.dispose();
        }
        return encode(img);
    }

    /** A perceptually ordered dark-blue to yellow colour map (viridis-like, 5 anchors, linear in between). */
    private static Color colour(double t) {
        double[][] anchors = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
        double x = Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t)) * (anchors.length - 1);
        int k = Math.min(anchors.length - 2, (int) Math.floor(x));
        double f = x - k;
        return new Color((int) Math.round(anchors[k][0] + f * (anchors[k + 1][0] - anchors[k][0])),
            (int) Math.round(anchors[k][1] + f * (anchors[k + 1][1] - anchors[k][1])),
            (int) Math.round(anchors[k][2] + f * (anchors[k + 1][2] - anchors[k][2])));
    }

    private static void axes(Graphics2D g, double lo, double hi) {
        g.setColor(Color.GRAY);
        g.drawRect(MARGIN, MARGIN, SIZE, SIZE);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int t = (int) Math.ceil(lo); t <= Math.floor(hi); t++) {
            int px = (int) px(t, lo, hi);
            int py = (int) py(t, lo, hi);
            g.drawLine(px, MARGIN + SIZE, px, MARGIN + SIZE + 4);
            g.drawString(Integer.toString(t), px - 4, MARGIN + SIZE + 16);
            g.drawLine(MARGIN - 4, py, MARGIN, py);
            g.drawString(Integer.toString(t), MARGIN - 22, py + 4);
        }
    }

    private static byte[] encode(BufferedImage img) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double px(double x, double lo, double hi) {
        return MARGIN + (x - lo) / (hi - lo) * SIZE;
    }

    private static double py(double y, double lo, double hi) {
        return MARGIN + SIZE - (y - lo) / (hi - lo) * SIZE;
    }
}
