package org.htsgd.cli;

/** Entry point of the {@code htsgd} command (placeholder until the picocli tree lands). */
public final class Main {
    private Main() {
    }

    /** Runs the command line. @param args the arguments */
    public static void main(String[] args) {
        System.out.println("htsgd: commands are being built");
    }
}
