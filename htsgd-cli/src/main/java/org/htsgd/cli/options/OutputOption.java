package org.htsgd.cli.options;

import java.nio.file.Path;
import org.htsgd.cli.io.OutputDir;
import picocli.CommandLine.Option;

/**
 * {@code --out DIR}: the directory a command writes its results into, created if missing. An empty value and an
 * existing file are refused while parsing ({@link DirectoryConverter}), so a refused command writes nothing.
 *
 * <p>Required by every command except {@code htsgd reproduce}, whose command supplies {@code reproduce-out} through a
 * picocli default-value provider (picocli then treats the option as optional): {@code reproduce} is the one command
 * meant to be run bare ({@code ./htsgd reproduce}, as the README's first example), while for every other command the
 * place of a run's results is the user's choice.
 */
public final class OutputOption {
    /** The output directory. */
    @Option(names = "--out", required = true, paramLabel = "DIR", converter = DirectoryConverter.class,
            description = "output directory, created if missing (not empty, not a file)")
    private Path dir;

    /** @return the directory as given */
    public Path path() {
        return dir;
    }

    /**
     * @return the output directory, created if missing
     * @throws org.htsgd.cli.UserInputException if it cannot be created or written
     */
    public OutputDir open() {
        return OutputDir.of(dir);
    }
}
