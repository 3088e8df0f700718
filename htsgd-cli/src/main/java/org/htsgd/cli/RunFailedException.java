package org.htsgd.cli;

/** A run that failed in a way the user can act on (divergence, missing data): one line, exit 3. */
public final class RunFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed and what was kept */
    public RunFailedException(String message) {
        super(message);
    }

    /** @param message what failed @param cause the cause */
    public RunFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
