package org.htsgd.cli.io;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of long work on standard error. Library code reports progress through callbacks; commands adapt those
 * callbacks to this. Three ways to show it ({@link Mode}): a bar rewritten in place on a terminal (a thin wrapper of
 * the {@code progressbar} library); plain lines where stderr is not a terminal (a log file, CI), one whole line per
 * tenth of the work and at least every {@value #LINE_INTERVAL_SECONDS} s, so concurrent tasks never write over each
 * other; or nothing. Chosen by {@code HTSGD_PROGRESS=bar|lines|off}, else {@code HTSGD_QUIET} (off), else bars when
 * the JVM has a console and lines when it has not.
 */
public final class Progress implements AutoCloseable {
    /** In {@link Mode#LINES}, the longest time between two lines while work goes on. */
    static final long LINE_INTERVAL_SECONDS = 30;

    /** How progress is shown. */
    public enum Mode {
        /** A bar rewritten in place with {@code \r} (terminals). */
        BAR,
        /** Whole lines, one per tenth of the work and at least every {@value #LINE_INTERVAL_SECONDS} s (logs). */
        LINES,
        /** Nothing. */
        OFF
    }

    private final ProgressBar bar;
    private final PrintStream lines;
    private final LongSupplier nanoClock;
    private final String task;
    private final String unit;
    private final long startNanos;
    private long total;
    private long done;
    private long lastLineNanos;
    private long lastLineDone = -1;
    private int lastTenth = -1;
    private String message;
    private boolean closed;

    private Progress(ProgressBar bar, PrintStream lines, LongSupplier nanoClock, String task, long total,
                     String unit) {
        this.bar = bar;
        this.lines = lines;
        this.nanoClock = nanoClock;
        this.task = task;
        this.total = Math.max(1, total);
        this.unit = unit;
        this.startNanos = nanoClock.getAsLong();
        if (lines != null) {
            line();
        }
    }

    /**
     * @param task what is being done
     * @param total total units of work
     * @param unit the unit shown (e.g. "steps")
     * @return a started progress display on standard error, in the {@link #mode()} of this process
     */
    public static Progress start(String task, long total, String unit) {
        return start(task, total, unit, mode(), System.err, System::nanoTime);
    }

    /** @return a progress that shows nothing, for work of which nothing is left to do */
    public static Progress silent() {
        return start("", 0, "", Mode.OFF, System.err, System::nanoTime);
    }

    /**
     * @param task what is being done
     * @param total total units of work
     * @param unit the unit shown
     * @param mode how to show it
     * @param err where
     * @param nanoClock the clock of {@link Mode#LINES} ({@link System#nanoTime()} but in tests)
     * @return a started progress display
     */
    static Progress start(String task, long total, String unit, Mode mode, PrintStream err, LongSupplier nanoClock) {
        return switch (mode) {
            case OFF -> new Progress(null, null, nanoClock, task, total, unit);
            case LINES -> new Progress(null, err, nanoClock, task, total, unit);
            case BAR -> new Progress(new ProgressBarBuilder()
                    .setTaskName(task)
                    .setInitialMax(Math.max(1, total))
                    .setUnit(" " + unit, 1)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(500)
                    .setMaxRenderedLength(100)
                    .showSpeed()
                    .setConsumer(new ConsoleProgressBarConsumer(err, 100))
                    .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS)
                    .continuousUpdate()
                    .build(), null, nanoClock, task, total, unit);
        };
    }

    /** @return how this process shows progress: {@code HTSGD_PROGRESS}, else {@code HTSGD_QUIET}, else the console */
    public static Mode mode() {
        String chosen = System.getenv("HTSGD_PROGRESS");
        if (chosen != null && !chosen.isBlank()) {
            return switch (chosen.trim().toLowerCase(Locale.ROOT)) {
                case "bar", "bars" -> Mode.BAR;
                case "off", "none", "quiet" -> Mode.OFF;
                default -> Mode.LINES;
            };
        }
        if (System.getenv("HTSGD_QUIET") != null) {
            return Mode.OFF;
        }
        return System.console() == null ? Mode.LINES : Mode.BAR;
    }

    /** @param units total units done so far (monotone); beyond the announced total the total grows with it */
    public synchronized void set(long units) {
        if (units > done) {
            advance(units);
        }
    }

    /** @param n units just done */
    public synchronized void add(long n) {
        if (n > 0) {
            advance(done + n);
        }
    }

    /** @param text extra text shown after the bar (or at the end of the next line) */
    public synchronized void message(String text) {
        message = text;
        if (bar != null) {
            bar.setExtraMessage(text);
        }
    }

    /** @return the units done so far */
    public synchronized long done() {
        return done;
    }

    /** @return elapsed time since start */
    public Duration elapsed() {
        return Duration.ofNanos(nanoClock.getAsLong() - startNanos);
    }

    /** Ends the display (a final line in {@link Mode#LINES}); closing again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (bar != null) {
            bar.close();
        }
        if (lines != null && lastLineDone != done) {
            line();
        }
    }

    private void advance(long units) {
        done = units;
        if (done > total) {
            total = done;
            if (bar != null) {
                bar.maxHint(done);
            }
        }
        if (bar != null) {
            bar.stepTo(done);
        }
        if (lines != null) {
            int tenth = (int) Math.min(10, done * 10 / total);
            if (tenth > lastTenth || nanoClock.getAsLong() - lastLineNanos >= LINE_INTERVAL_SECONDS * 1_000_000_000L) {
                line();
            }
        }
    }

    // one println per line: PrintStream writes it whole, so lines of concurrent tasks never interleave
    private void line() {
        long now = nanoClock.getAsLong();
        lines.println(String.format(Locale.ROOT, "%s: %3d%% (%d/%d %s, %.1f s)%s", task, (int) (100 * done / total),
                done, total, unit, (now - startNanos) * 1e-9, message == null ? "" : " " + message));
        lastLineNanos = now;
        lastLineDone = done;
        lastTenth = (int) Math.min(10, done * 10 / total);
    }
}
