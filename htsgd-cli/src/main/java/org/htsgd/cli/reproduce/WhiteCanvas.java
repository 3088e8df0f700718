package org.htsgd.cli.reproduce;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * How every hand-drawn figure of the report starts ({@link PlanePainter}, {@link GraphPainter}): an RGB image filled
 * white and a pen with antialiased shapes and text. The caller disposes of the pen.
 */
final class WhiteCanvas {
    private WhiteCanvas() {
    }

    /**
     * @param img the image to draw on (filled white here)
     * @return its antialiased pen
     */
    static Graphics2D pen(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        return g;
    }
}
