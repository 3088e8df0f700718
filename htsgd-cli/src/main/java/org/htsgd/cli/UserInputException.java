package org.htsgd.cli;

/** Bad input detected by the command layer (missing file, unreadable directory): printed as one line, exit 2. */
public final class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one clear sentence naming what is wrong */
    public UserInputException(String message) {
        super(message);
    }
}
