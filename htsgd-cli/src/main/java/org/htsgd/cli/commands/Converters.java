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
}
