package org.htsgd.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.htsgd.cli.io.OutputDir;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG plots for the report, drawn with XChart and written atomically. */
public final class Charts {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 480;

    private Charts() {
    }

    /** How a series is drawn. */
    public enum Style {
        /** markers joined by a solid line */
        LINE_MARKERS,
        /** markers only */
        MARKERS,
        /** a solid line */
        LINE,
        /** a dashed line (theory) */
        DASHED
    }

    /**
     * One data series.
     *
     * @param name legend name
     * @param x abscissae
     * @param y ordinates
     * @param style how it is drawn
     * @param color its colour, or {@code null} for the chart's next default colour
     */
    public record Series(String name, double[] x, double[] y, Style style, Color color) {
        /** Validates lengths. */
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series " + name + ": " + x.length + " x values but " + y.length
                        + " y values");
            }
        }

        /**
         * A series in the chart's next default colour.
         *
         * @param name legend name
         * @param x abscissae
         * @param y ordinates
         * @param style how it is drawn
         */
        public Series(String name, double[] x, double[] y, Style style) {
            this(name, x, y, style, null);
        }
    }

    /** Base colours of the families (Okabe and Ito's colour-blind-safe blue, vermillion, bluish green, purple). */
    private static final Color[] FAMILIES = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
        new Color(204, 121, 167)};

    /**
     * One colour family per group of series (e.g. a curve and its theory lines): the same hue in three shades.
     *
     * @param family the group's index (families repeat after four)
     * @param shade 0 the base colour (the data), 1 darker, 2 lighter (theory lines)
     * @return the colour
     */
    public static Color family(int family, int shade) {
        Color base = FAMILIES[Math.floorMod(family, FAMILIES.length)];
        return switch (shade) {
            case 0 -> base;
            case 1 -> base.darker();
            case 2 -> new Color((base.getRed() + 255) / 2, (base.getGreen() + 255) / 2, (base.getBlue() + 255) / 2);
            default -> throw new IllegalArgumentException("shade is not 0, 1 or 2: " + shade);
        };
    }

    /**
     * An XY chart (optionally log-log).
     *
     * @param title title
     * @param xLabel x axis
     * @param yLabel y axis
     * @param logX log x axis
     * @param logY log y axis
     * @param series the series
     * @return the chart
     */
    public static XYChart xy(String title, String xLabel, String yLabel, boolean logX, boolean logY,
                             List<Series> series) {
        return xy(title, xLabel, yLabel, logX, logY, series, false);
    }

    /**
     * An XY chart (optionally log-log) with the legend inside (top left) or to the right of the plot (for many
     * series; the chart is then wider).
     *
     * @param title title
     * @param xLabel x axis
     * @param yLabel y axis
     * @param logX log x axis
     * @param logY log y axis
     * @param series the series
     * @param legendOutside whether the legend goes to the right of the plot
     * @return the chart
     */
    public static XYChart xy(String title, String xLabel, String yLabel, boolean logX, boolean logY,
                             List<Series> series, boolean legendOutside) {
        XYChart chart = new XYChartBuilder().width(legendOutside ? WIDTH + 360 : WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setXAxisLogarithmic(logX).setYAxisLogarithmic(logY);
        chart.getStyler().setLegendPosition(legendOutside ? Styler.LegendPosition.OutsideE
                : Styler.LegendPosition.InsideNW);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        for (Series s : series) {
            if (s.x().length == 0) {
                continue;
            }
            XYSeries xs = chart.addSeries(s.name(), s.x(), s.y());
            if (s.color() != null) {
                xs.setLineColor(s.color());
                xs.setMarkerColor(s.color());
            }
            switch (s.style()) {
                case LINE_MARKERS -> xs.setMarker(SeriesMarkers.CIRCLE);
                case MARKERS -> {
                    xs.setMarker(SeriesMarkers.CIRCLE);
                    xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                }
                case LINE -> xs.setMarker(SeriesMarkers.NONE);
                case DASHED -> {
                    xs.setMarker(SeriesMarkers.NONE);
                    xs.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                            new float[] {6f, 4f}, 0f));
                }
                default -> throw new IllegalArgumentException("Unhandled style: " + s.style());
            }
        }
        return chart;
    }

    /**
     * A bar chart of one or more groups over the same categories.
     *
     * @param title title
     * @param xLabel category axis
     * @param yLabel value axis
     * @param categories category names
     * @param groups group names
     * @param values values[group][category]; NaN for a missing value (no bar)
     * @return the chart
     */
    public static CategoryChart bars(String title, String xLabel, String yLabel, List<String> categories,
                                     List<String> groups, double[][] values) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        for (int g = 0; g < groups.size(); g++) {
            // NaN marks a missing value: XChart leaves a null bar out
            java.util.List<Double> v = new java.util.ArrayList<>();
            for (double d : values[g]) {
                v.add(Double.isNaN(d) ? null : d);
            }
            chart.addSeries(groups.get(g), categories, v);
        }
        return chart;
    }

    /**
     * A heat map of a function on a grid (contours of a 2-D landscape).
     *
     * @param title title
     * @param xs grid abscissae
     * @param ys grid ordinates
     * @param z z[i][j] at (xs[i], ys[j])
     * @return the chart
     */
    public static HeatMapChart heatMap(String title, double[] xs, double[] ys, double[][] z) {
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(WIDTH).title(title).build();
        chart.getStyler().setShowValue(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisDecimalPattern("0.0");
        chart.getStyler().setYAxisDecimalPattern("0.0");
        java.util.List<Number[]> data = new java.util.ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < ys.length; j++) {
                data.add(new Number[] {i, j, z[i][j]});
            }
        }
        java.util.List<Double> xl = toList(xs);
        java.util.List<Double> yl = toList(ys);
        chart.addSeries("f", xl, yl, data);
        return chart;
    }

    private static java.util.List<Double> toList(double[] a) {
        java.util.List<Double> l = new java.util.ArrayList<>(a.length);
        for (double v : a) {
            l.add(v);
        }
        return l;
    }

    /**
     * Writes a chart as PNG into the output directory (atomically).
     *
     * @param out the directory
     * @param name file name ending in .png
     * @param chart the chart
     * @return the written path
     */
    public static Path savePng(OutputDir out, String name, Chart<?, ?> chart) {
        try {
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            return OutputDir.writeAtomically(out.resolve(name), png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + name + ": " + e.getMessage(), e);
        }
    }
}
