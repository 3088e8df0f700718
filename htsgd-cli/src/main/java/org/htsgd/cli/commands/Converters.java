package org.htsgd.cli.commands;

import picocli.CommandLine;

/** Option converters shared by the commands (the shared options have theirs in {@code org.htsgd.cli.options}). */
final class Converters {
    private Converters() {
    }

    /** Reads a long that may be written as {@code 1e7} or with underscores. */
    static final class Count implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            String v = value.trim().replace("_", "");
            try {
                if (v.contains("e") || v.contains("E") || v.contains(".")) {
                    double d = Double.parseDouble(v);
                    if (d != Math.rint(d) || d > Long.MAX_VALUE) {
                        throw new CommandLine.TypeConversionException("not a whole number: '" + value + "'");
                    }
                    return (long) d;
                }
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("not a whole number: '" + value + "'");
            }
        }
    }

    /**
     * @param value {@code x} or {@code x,y}
     * @return the point
     * @throws IllegalArgumentException if a coordinate is not a number
     */
    static double[] point(String value) {
        String[] parts = value.split(",");
        double[] p = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                p[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("start is not a point like 0.3 or 2.9,1.0: '" + value + "'");
            }
        }
        return p;
    }
}
