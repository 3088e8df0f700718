package org.htsgd.cli.options;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Reads a directory option ({@code --out}, {@code --data}) at parse time, so a bad one is refused before any work:
 * an empty value (it would silently mean the current directory) and an existing regular file are refused; a
 * directory that does not exist yet is accepted (outputs create it; data loaders say what they looked for).
 */
public final class DirectoryConverter implements CommandLine.ITypeConverter<Path> {
    /** {@inheritDoc} */
    @Override
    public Path convert(String value) {
        if (value == null || value.isBlank()) {
            throw new CommandLine.TypeConversionException("a directory is needed, not an empty path");
        }
        Path p;
        try {
            p = Path.of(value);
        } catch (InvalidPathException e) {
            throw new CommandLine.TypeConversionException("not a path: '" + value + "' (" + e.getReason() + ")");
        }
        if (Files.exists(p) && !Files.isDirectory(p)) {
            throw new CommandLine.TypeConversionException(value + " is a file, not a directory");
        }
        return p;
    }
}
