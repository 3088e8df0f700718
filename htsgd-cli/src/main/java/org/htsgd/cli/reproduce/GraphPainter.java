package org.htsgd.cli.reproduce;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.htsgd.core.theory.LimitingChain;
import org.htsgd.core.theory.TheoryReport;

/**
 * Draws a typical transition graph (paper Def. 1, Figure 2) as a PNG with {@code java.awt}: the minima in order on a
 * line, edges \(m_i \to m_j\) as arcs (rightward above, leftward below), nodes coloured by communication class
 * (absorbing classes with a solid border, transient ones dashed), widest minima with a double ring.
 */
final class GraphPainter {
    private static final Color[] CLASS_COLOURS = {new Color(0x9ecae1), new Color(0xfdae6b), new Color(0xa1d99b),
        new Color(0xbcbddc), new Color(0xfc9272)};

    private GraphPainter() {
    }

    static byte[] png(TheoryReport r, String title) {
        int n = r.minima().size();
        int width = Math.max(520, 170 * n);
        int height = 330;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = WhiteCanvas.pen(img);
        try {
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString(title, 12, 22);
            int cy = height / 2 + 5;
            int radius = 26;
            double[] cx = new double[n];
            for (int i = 0; i < n; i++) {
                cx[i] = (i + 0.5) * width / (double) n;
            }
            int[] classOf = new int[n];
            boolean[] absorbing = new boolean[n];
            List<LimitingChain.ClassChain> classes = r.classes();
            for (int c = 0; c < classes.size(); c++) {
                for (int m : classes.get(c).members()) {
                    classOf[m] = c;
                    absorbing[m] = classes.get(c).absorbing();
                }
            }
            boolean[] widest = new boolean[n];
            for (int w : r.widestMinima()) {
                widest[w] = true;
            }
            g.setStroke(new BasicStroke(1.8f));
            for (TheoryReport.EdgeReport e : r.edges()) {
                drawEdge(g, cx[e.from()], cx[e.to()], cy, radius, e.to() > e.from(), e.jumps());
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            for (int i = 0; i < n; i++) {
                TheoryReport.MinimumReport m = r.minima().get(i);
                Ellipse2D node = new Ellipse2D.Double(cx[i] - radius, cy - radius, 2 * radius, 2 * radius);
                g.setColor(CLASS_COLOURS[classOf[i] % CLASS_COLOURS.length]);
                g.fill(node);
                g.setColor(Color.BLACK);
                g.setStroke(absorbing[i] ? new BasicStroke(2f)
                    : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
                g.draw(node);
                if (widest[i]) {
                    g.setStroke(new BasicStroke(1.5f));
                    g.draw(new Ellipse2D.Double(cx[i] - radius - 5, cy - radius - 5, 2 * radius + 10,
                        2 * radius + 10));
                }
                centred(g, "m" + (i + 1), cx[i], cy + 5);
                String lStar = m.lStar() == Integer.MAX_VALUE ? "l* = none" : "l* = " + m.lStar();
                centred(g, lStar, cx[i], cy + radius + 50);
                centred(g, "r = " + Fmt.f(m.width(), 2), cx[i], cy + radius + 66);
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString("colour = communication class; solid border = absorbing, dashed = transient;", 12,
                height - 26);
            g.drawString("double ring = widest minima; arcs above go right, below go left", 12, height - 10);
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drawEdge(Graphics2D g, double x0, double x1, double cy, int radius, boolean above,
                                 int jumps) {
        double sign = above ? -1 : 1;
        double span = Math.abs(x1 - x0);
        double lift = Math.min(110, 30 + 0.35 * span);
        double ya = cy + sign * radius * 0.7;
        double dir = Math.signum(x1 - x0);
        double xa = x0 + dir * radius * 0.7;
        double xb = x1 - dir * radius * 0.7;
        CubicCurve2D curve = new CubicCurve2D.Double(xa, ya, xa + dir * span * 0.2, ya + sign * lift,
            xb - dir * span * 0.2, ya + sign * lift, xb, ya);
        g.setColor(above ? new Color(0x08519c) : new Color(0xa63603));
        g.draw(curve);
        // arrow head at (xb, ya), pointing along the curve's end tangent
        double tx = xb - (xb - dir * span * 0.2);
        double ty = ya - (ya + sign * lift);
        double len = Math.hypot(tx, ty);
        tx /= len;
        ty /= len;
        double size = 11;
        Path2D head = new Path2D.Double();
        head.moveTo(xb, ya);
        head.lineTo(xb - size * tx - size * 0.5 * ty, ya - size * ty + size * 0.5 * tx);
        head.lineTo(xb - size * tx + size * 0.5 * ty, ya - size * ty - size * 0.5 * tx);
        head.closePath();
        g.fill(head);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        centred(g, jumps + (jumps == 1 ? " jump" : " jumps"), 0.5 * (xa + xb), ya + sign * (0.75 * lift + 4)
            + (above ? 0 : 8));
    }

    private static void centred(Graphics2D g, String s, double x, double y) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(s, (float) (x - fm.stringWidth(s) / 2.0), (float) y);
    }
}
