package org.htsgd.cli.io;

import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on standard error for long work (a thin wrapper of the {@code progressbar} library). Library code
 * reports progress through callbacks; commands adapt those callbacks to this bar. Disabled by {@code HTSGD_QUIET}.
 */
public final class Progress implements AutoCloseable {
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /**
     * @param task what is being done
     * @param total total units of work
     * @param unit the unit shown (e.g. "steps")
     * @return a started bar (a no-op when quiet)
     */
    public static Progress start(String task, long total, String unit) {
        if (System.getenv("HTSGD_QUIET") != null) {
            return new Progress(null);
        }
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(Math.max(1, total))
                .setUnit(" " + unit, 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(System.console() == null ? 5000 : 500)
                .setMaxRenderedLength(100)
                .showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err, 100))
                .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS)
                .continuousUpdate()
                .build();
        return new Progress(bar);
    }

    /** @param done total units done so far (monotone); beyond the announced total the total grows with it */
    public synchronized void set(long done) {
        if (bar != null && done > bar.getCurrent()) {
            if (bar.getMax() >= 0 && done > bar.getMax()) {
                bar.maxHint(done);
            }
            bar.stepTo(done);
        }
    }

    /** @param n units just done */
    public synchronized void add(long n) {
        if (bar != null) {
            bar.stepBy(n);
        }
    }

    /** @param text extra text shown after the bar */
    public synchronized void message(String text) {
        if (bar != null) {
            bar.setExtraMessage(text);
        }
    }

    /** @return elapsed time since start */
    public Duration elapsed() {
        return bar == null ? Duration.ZERO : bar.getTotalElapsed();
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
