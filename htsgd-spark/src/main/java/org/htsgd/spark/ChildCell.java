package org.htsgd.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.htsgd.cli.ChildJvm;
import org.htsgd.cli.Main;

/**
 * A sweep cell in its own JVM: {@code htsgd COMMAND ARGS --out DIR} run by {@link Main} in a child process started
 * as {@code reproduce} starts its Table 2 runs ({@link ChildJvm}: this JVM's java, options and class path), its
 * standard output and error in the cell's log. Cells that use the tensor engine run this way, so that several run at
 * once on one executor: PyTorch's CPU runtime (thread pool, thread count) is process-global, and two trainings in one
 * process were seen to fail now and then, but each child has its own.
 *
 * <p>A child never outlives its executor: it exits when the JVM that started it ends, however it ends (even by
 * {@code kill -9}, which runs no shutdown hook), and an interrupted cell (a cancelled sweep) destroys it.
 */
public final class ChildCell {
    /** Exit code of a child whose parent died. */
    static final int ORPHANED = 143;

    private ChildCell() {
    }

    /**
     * Runs a cell in a child JVM and waits for it.
     *
     * @param line the cell's argument vector ({@code command args... --out DIR})
     * @param log file receiving what the child prints
     * @return the child's exit code
     * @throws CancellationException if this thread is interrupted (the child is then destroyed)
     * @throws UncheckedIOException if the child cannot be started
     */
    static int run(String[] line, Path log) {
        Process p;
        try {
            p = new ProcessBuilder(ChildJvm.command(ChildCell.class.getName(), List.of(line)))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a JVM for the cell: " + e.getMessage(), e);
        }
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException again) {
                // already stopping: the child was killed
            }
            Thread.currentThread().interrupt();
            throw new CancellationException("cell interrupted: its JVM was stopped");
        }
    }

    /**
     * The child: runs the htsgd command line, exiting with its code, or with {@value #ORPHANED} as soon as the
     * parent JVM is gone.
     *
     * @param args {@code command args... --out DIR}
     */
    public static void main(String[] args) {
        // the parent's handle, taken now: once it dies this process is re-parented, and parent() names the new one
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit()
                .thenRun(() -> Runtime.getRuntime().halt(ORPHANED)));
        System.exit(Main.run(args));
    }
}
