package org.htsgd.spark;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Routes {@code System.out} and {@code System.err} per cell: while a cell runs, what its thread (and threads it
 * starts, such as a progress bar's) prints goes to the cell's log; everything else goes to the JVM's console as
 * before. Several cells share one executor JVM, so swapping {@code System.out} per cell would mix their output.
 */
final class CellConsole {
    /** The current cell's log, inherited by threads a cell starts. */
    private static final InheritableThreadLocal<PrintStream> TARGET = new InheritableThreadLocal<>();
    private static boolean installed;

    private CellConsole() {
    }

    /** Installs the routing streams once per JVM. */
    static synchronized void install() {
        if (installed) {
            return;
        }
        System.setOut(route(System.out));
        System.setErr(route(System.err));
        installed = true;
    }

    /**
     * @param log where this thread's (and its new threads') console output goes, or {@code null} to stop routing
     */
    static void routeTo(PrintStream log) {
        if (log == null) {
            TARGET.remove();
        } else {
            TARGET.set(log);
        }
    }

    private static PrintStream route(PrintStream console) {
        OutputStream out = new OutputStream() {
            private OutputStream target() {
                PrintStream t = TARGET.get();
                return t != null ? t : console;
            }

            @Override
            public void write(int b) {
                try {
                    target().write(b);
                } catch (java.io.IOException e) {
                    // PrintStream targets do not throw
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                try {
                    target().write(b, off, len);
                } catch (java.io.IOException e) {
                    // PrintStream targets do not throw
                }
            }

            @Override
            public void flush() {
                try {
                    target().flush();
                } catch (java.io.IOException e) {
                    // PrintStream targets do not throw
                }
            }
        };
        return new PrintStream(out, true, Charset.defaultCharset());
    }
}
