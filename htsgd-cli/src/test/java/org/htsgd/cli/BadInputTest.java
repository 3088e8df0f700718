package org.htsgd.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.htsgd.train.data.DataSpec;
import org.htsgd.train.loop.Task;
import org.htsgd.train.loop.TrainConfig;
import org.htsgd.train.loop.TrainConfigJson;
import org.htsgd.train.method.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, through the command line's entry point ({@link Main#commandLine()}, in-process): each row is a command
 * line, the exit code it must end with (2 bad input, 3 a run that failed in a way the user can act on) and a
 * fragment of the message that must name the problem. For every row: stderr is exactly one line, "COMMAND: ...",
 * holding the fragment; no stack trace and no "internal error"; a refused command (exit 2) creates nothing on disk,
 * not even {@code --out}, and a failed run (exit 3) writes no file into it; the fixtures a row names (a user's file,
 * damaged run directories) are byte-identical afterwards. A failed run may have shown its progress bar before the
 * message; those renders are the only other output allowed.
 *
 * <p>Adding a case is one line in {@link #cases()}: {@code row(code, "fragment", "command", "--option", ...)}, with
 * {@link #OUT} where the output directory goes and the fixture placeholders ({@link #FILE}, {@link #MISSING},
 * {@code RUN_*}) where those go. {@code htsgd sweep} (the htsgd-spark jar) has its own table there,
 * {@code SweepBadInputTest}.
 */
class BadInputTest {
    /** Placeholder for the output directory (a fresh path per row). */
    static final String OUT = "<out>";
    /** Placeholder for a user's regular file (not a directory). */
    static final String FILE = "<file>";
    /** Placeholder for a path that does not exist. */
    static final String MISSING = "<missing>";
    /** Placeholder for a run directory whose weights.bin is random bytes. */
    static final String RUN_RANDOM_WEIGHTS = "<run:random-weights>";
    /** Placeholder for a run directory whose weights.bin is cut off after its header. */
    static final String RUN_TRUNCATED_WEIGHTS = "<run:truncated-weights>";
    /** Placeholder for a run directory whose config.json is cut off half-way. */
    static final String RUN_TRUNCATED_CONFIG = "<run:truncated-config>";
    /** Placeholder for a run directory with config.json but neither weights.bin nor checkpoint.bin. */
    static final String RUN_NO_WEIGHTS = "<run:no-weights>";
    /** Placeholder for a finished 2-iteration sb run with checkpoints (trained on first use: about 10 s). */
    static final String RUN_TRAINED = "<run:trained>";
    /** A render of the progress bar ("name  40% [====  ]") or, off a terminal, a progress line ("name:  40% (4/10"). */
    private static final Pattern PROGRESS = Pattern.compile("^\\S+:? +\\d+% [\\[(]");
    /** 20,000 nested brackets: overflowed the parser's stack before the nesting limit. */
    private static final String DEEP = "expr:" + "(".repeat(20_000) + "x" + ")".repeat(20_000);

    @TempDir
    Path tmp;

    /** The fixtures, shared by the rows (each row checks that it left them as they were). */
    @TempDir
    static Path fixtures;

    /** One bad command line and what it must produce. */
    record Row(int code, String fragment, List<String> args) {
        @Override
        public String toString() {
            String s = String.join(" ", args);
            return "exit " + code + ": " + (s.length() > 120 ? s.substring(0, 117) + "..." : s);
        }
    }

    static Row row(int code, String fragment, String... args) {
        return new Row(code, fragment, List.of(args));
    }

    static Stream<Row> cases() {
        return Stream.of(
            // formulas: parse depth, values/derivatives undefined or infinite in the domain, no minimum
            row(2, "nested deeper than 256 levels", "theory", "--landscape", DEEP, "--out", OUT),
            row(2, "expr:x^2/0: the value is not finite at x = -2 (inside [-2, 2])",
                "theory", "--landscape", "expr:x^2/0", "--out", OUT),
            row(2, "expr:sqrt(x): the value is not finite at x = -2", "theory", "--landscape", "expr:sqrt(x)",
                "--out", OUT),
            row(2, "expr:0: has no minimum in [-2, 2]", "theory", "--landscape", "expr:0", "--out", OUT),
            row(2, "expr:1/x: the value is not finite at x = 0", "theory", "--landscape", "expr:1/x;L=2",
                "--out", OUT),
            row(2, "expr:log(x): the value is not finite at x = -2", "theory", "--landscape", "expr:log(x);L=2",
                "--out", OUT),
            row(2, "expr:1/x: the value is not finite at x = 0", "exit-time", "--landscape", "expr:1/x;L=2",
                "--start", "1", "--eta", "0.1", "--out", OUT),
            row(2, "f' is < 0 at both x = 0 and 0.0002 but f increases between them", "theory", "--landscape",
                "expr:1/(x-0.00001)", "--out", OUT),
            row(2, "L is not finite and > 0: Infinity", "theory", "--landscape", "expr:x^2;L=Infinity", "--out", OUT),
            row(2, "radius is not finite and > 0: Infinity", "occupancy", "--landscape", "expr:x^2+y^2;R=Infinity",
                "--start", "1,1", "--eta", "0.1", "--out", OUT),
            // field analysis that cannot find the fields
            row(2, "the domain [-1e+308, 1e+308] is too wide", "theory", "--landscape", "expr:x^4-x^2;L=1e308",
                "--out", OUT),
            row(2, "the value is not finite at x = -1e+100", "theory", "--landscape", "expr:x^4-x^2;L=1e100",
                "--out", OUT),
            row(2, "the grid cannot resolve the landscape", "theory", "--landscape", "expr:x^4-x^2;L=1e10",
                "--out", OUT),
            row(2, "the grid cannot resolve the landscape", "occupancy", "--landscape", "expr:x^4-x^2;L=1e10",
                "--start", "0.5", "--eta", "0.1", "--steps", "1000", "--out", OUT),
            // 2-D: a descent that cannot settle, a landscape that overflows in its disc, a divergence
            row(2, "expr:1/(x*x+y*y): the value is not finite at (0, 0) (inside the disc of radius 2)",
                "occupancy", "--landscape", "expr:1/(x*x+y*y);R=2", "--start", "1,1", "--eta", "0.1",
                "--steps", "1000", "--out", OUT),
            row(2, "the value is not finite at (-1e+100, 0)", "occupancy", "--landscape",
                "expr:x^4+y^4-x^2-y^2;R=1e100", "--b", "inf", "--eta", "1e10", "--start", "0.5,0.5", "--out", OUT),
            row(2, "is lost to rounding: the disc of radius 1e+50 is too large", "occupancy", "--landscape",
                "expr:x^4+y^4-x^2-y^2;R=1e50", "--eta", "0.1", "--start", "0.5,0.5", "--out", OUT),
            row(3, "path 0 diverged at step", "occupancy", "--landscape", "expr:x^2+y^2;R=3", "--b", "inf",
                "--eta", "1e308", "--start", "1,1", "--steps", "1000", "--paths", "1", "--out", OUT),
            // the 2-D theory and 2-D exit times: the same refusals as the 1-D commands and occupancy
            row(2, "expr:1/(x*x+y*y): the value is not finite at (0, 0) (inside the disc of radius 2)", "theory",
                "--landscape", "expr:1/(x*x+y*y);R=2", "--b", "1", "--out", OUT),
            row(2, "expr:1/(x*x+y*y): the value is not finite at (0, 0)", "exit-time", "--landscape",
                "expr:1/(x*x+y*y);R=2", "--start", "1,1", "--eta", "0.1", "--out", OUT),
            row(2, "b is not > the grid's cell diagonal", "theory", "--landscape", "expr:(x*x-1)^2+y*y;R=2",
                "--b", "0.01", "--out", OUT),
            row(2, "--grid-spacing is not finite and > 0: 0.0", "theory", "--landscape", "expr:x*x+y*y;R=2",
                "--grid-spacing", "0", "--out", OUT),
            row(2, "grid spacing h is too small for memory", "theory", "--landscape", "expr:x*x+y*y;R=2",
                "--grid-spacing", "1e-4", "--out", OUT),
            row(2, "alpha is not finite and > 1", "theory", "--landscape", "expr:x*x+y*y;R=2", "--noise",
                "gaussian:sigma=1", "--out", OUT),
            row(2, "start has 1 coordinates but expr:x*x+y*y is 2-D", "exit-time", "--landscape",
                "expr:x*x+y*y;R=2", "--start", "0.5", "--eta", "0.1", "--out", OUT),
            row(2, "start is not in the domain", "exit-time", "--landscape", "expr:x*x+y*y;R=2", "--start", "3,0",
                "--eta", "0.1", "--out", OUT),
            row(2, "start is not a point like 0.3 or 2.9,1.0", "exit-time", "--landscape", "expr:x*x+y*y;R=2",
                "--start", "1,x", "--eta", "0.1", "--out", OUT),
            row(2, "--paths is not >= 2: 1", "exit-time", "--landscape", "expr:x*x+y*y;R=2", "--start", "1,0",
                "--eta", "0.1", "--paths", "1", "--out", OUT),
            // sizes against memory and time
            row(2, "--paths 2147483647 needs", "exit-time", "--start", "-0.7", "--eta", "0.1", "--paths",
                "2147483647", "--out", OUT),
            row(2, "--paths 1500000000 needs", "exit-time", "--start", "-0.7", "--eta", "0.1", "--paths",
                "1500000000", "--out", OUT),
            row(2, "--paths 2147483647 needs", "occupancy", "--start", "-0.7", "--eta", "0.1", "--paths",
                "2147483647", "--out", OUT),
            row(2, "--paths 4 with --histogram-bins 2147483647 needs", "occupancy", "--start", "-0.7", "--eta",
                "0.1", "--histogram-bins", "2147483647", "--out", OUT),
            row(2, "--steps 9223372036854775807 x --paths 4 = 3.69e+19 steps is above the limit", "occupancy",
                "--start", "-0.7", "--eta", "0.1", "--steps", "9223372036854775807", "--out", OUT),
            row(2, "steps is above the limit of 1e+13 steps per run", "exit-time", "--start", "-0.7", "--eta",
                "0.1,0.05", "--max-steps", "9223372036854775807", "--out", OUT),
            // --out: empty (it would mean the current directory), a file, not creatable; a missing required option
            row(2, "a directory is needed, not an empty path", "theory", "--out", ""),
            row(2, "is a file, not a directory", "theory", "--out", FILE),
            row(2, "cannot create output directory", "theory", "--out", FILE + "/theory"),
            row(2, "Missing required option: '--out=DIR'", "theory"),
            row(2, "Unknown option: '--nosuch'", "theory", "--nosuch", "--out", OUT),
            // landscapes: unknown names, formulas that do not parse, bad options
            row(2, "unknown landscape 'nosuch'", "theory", "--landscape", "nosuch", "--out", OUT),
            row(2, "expression is empty", "theory", "--landscape", "expr:", "--out", OUT),
            row(2, "bad expression 'x^2+': unexpected end of expression", "theory", "--landscape", "expr:x^2+",
                "--out", OUT),
            row(2, "unknown name 'foo'", "theory", "--landscape", "expr:foo(x)", "--out", OUT),
            row(2, "L is not finite and > 0: -1.0", "theory", "--landscape", "expr:x^2;L=-1", "--out", OUT),
            row(2, "L is not finite and > 0: NaN", "theory", "--landscape", "expr:x^2;L=NaN", "--out", OUT),
            row(2, "option 'Q' is not valid for a 1-D expression", "theory", "--landscape", "expr:x^2;Q=1",
                "--out", OUT),
            // truncation and tail index: zero, negative, NaN
            row(2, "b is not > 0: 0", "theory", "--b", "0", "--out", OUT),
            row(2, "b is not > 0: -1", "theory", "--b", "-1", "--out", OUT),
            row(2, "b is not a number or 'inf': 'NaN'", "theory", "--b", "NaN", "--out", OUT),
            row(2, "alpha is not finite and > 1", "theory", "--alpha", "1", "--out", OUT),
            row(2, "alpha is not finite and > 1", "theory", "--alpha", "-1", "--out", OUT),
            row(2, "alpha is not finite and > 1", "theory", "--alpha", "NaN", "--out", OUT),
            // noise specs
            row(2, "Unknown noise law 'bogus'", "theory", "--noise", "bogus", "--out", OUT),
            row(2, "Bad noise spec 'lomax:alpha=0': alpha is not finite and > 1", "theory", "--noise",
                "lomax:alpha=0", "--out", OUT),
            row(2, "scale is not finite and > 0: -1.0", "theory", "--noise", "lomax:alpha=1.2,scale=-1",
                "--out", OUT),
            row(2, "scale is not finite and > 0: NaN", "theory", "--noise", "lomax:alpha=1.2,scale=NaN",
                "--out", OUT),
            row(2, "Unknown parameter 'foo' for noise law 'lomax'", "theory", "--noise",
                "lomax:alpha=1.2,scale=0.1,foo=2", "--out", OUT),
            row(2, "Noise parameter 'alpha' in 'lomax:alpha=x,scale=0.1' is not a number: 'x'", "theory",
                "--noise", "lomax:alpha=x,scale=0.1", "--out", OUT),
            row(2, "alpha is not in (1, 2]", "theory", "--noise", "stable:alpha=2.5,scale=1", "--out", OUT),
            row(2, "df (= alpha) is not finite and > 1", "theory", "--noise", "student:df=0,scale=1", "--out", OUT),
            row(2, "sigma is not finite and > 0: 0.0", "theory", "--noise", "gaussian:sigma=0", "--out", OUT),
            row(2, "alpha is not finite and > 1", "exit-time", "--start", "-0.7", "--eta", "0.1", "--noise",
                "lomax:alpha=-1,scale=0.1", "--out", OUT),
            // exit-time: repeated etas (refused before the simulation), starts on a field boundary or outside
            row(2, "eta repeats 0.1: give each learning rate once", "exit-time", "--start", "-0.7", "--eta", "0.1",
                "--eta", "0.1", "--out", OUT),
            row(2, "eta repeats 0.1: give each learning rate once", "exit-time", "--start", "-0.7", "--eta",
                "0.1,0.1", "--out", OUT),
            row(2, "start is not inside a field (on the boundary", "exit-time", "--start", "0.2", "--eta", "0.1",
                "--out", OUT),
            row(2, "start is not inside a field (on the boundary -1.3", "exit-time", "--start", "-1.3", "--eta",
                "0.1", "--out", OUT),
            row(2, "start is outside the domain [-1.6, 1.6]: 5.0", "exit-time", "--start", "5", "--eta", "0.1",
                "--out", OUT),
            row(2, "start is outside the domain [-1.6, 1.6]: NaN", "exit-time", "--start", "NaN", "--eta", "0.1",
                "--out", OUT),
            // exit-time: every numeric option zero, negative or NaN
            row(2, "eta is not > 0: 0.0", "exit-time", "--start", "-0.7", "--eta", "0", "--out", OUT),
            row(2, "eta is not > 0: -0.1", "exit-time", "--start", "-0.7", "--eta", "-0.1", "--out", OUT),
            row(2, "eta is not > 0: NaN", "exit-time", "--start", "-0.7", "--eta", "NaN", "--out", OUT),
            row(2, "--paths is not >= 2: 0", "exit-time", "--start", "-0.7", "--eta", "0.1", "--paths", "0",
                "--out", OUT),
            row(2, "--paths is not >= 2: -1", "exit-time", "--start", "-0.7", "--eta", "0.1", "--paths", "-1",
                "--out", OUT),
            row(2, "maxSteps is not >= 1: 0", "exit-time", "--start", "-0.7", "--eta", "0.1", "--max-steps", "0",
                "--out", OUT),
            row(2, "maxSteps is not >= 1: -5", "exit-time", "--start", "-0.7", "--eta", "0.1", "--max-steps", "-5",
                "--out", OUT),
            row(2, "--fit-points is not 0 or in [2, 2]: 5", "exit-time", "--start", "-0.7", "--eta", "0.1,0.05",
                "--fit-points", "5", "--out", OUT),
            row(2, "--threads': not >= 0", "exit-time", "--start", "-0.7", "--eta", "0.1", "--threads", "-1",
                "--out", OUT),
            row(2, "'abc' is not a long", "exit-time", "--start", "-0.7", "--eta", "0.1", "--seed", "abc",
                "--out", OUT),
            row(2, "Missing required option: '--eta=<etas>'", "exit-time", "--start", "-0.7", "--out", OUT),
            // occupancy: every numeric option zero, negative or NaN (refused before --out or the progress bar)
            row(2, "steps is not >= 1: 0", "occupancy", "--start", "-0.7", "--eta", "0.1", "--steps", "0",
                "--out", OUT),
            row(2, "steps is not >= 1: -1", "occupancy", "--start", "-0.7", "--eta", "0.1", "--steps", "-1",
                "--out", OUT),
            row(2, "not a whole number: '1.5'", "occupancy", "--start", "-0.7", "--eta", "0.1", "--steps", "1.5",
                "--out", OUT),
            row(2, "eta is not > 0: 0.0", "occupancy", "--start", "-0.7", "--eta", "0", "--out", OUT),
            row(2, "eta is not > 0: NaN", "occupancy", "--start", "-0.7", "--eta", "NaN", "--out", OUT),
            row(2, "paths is not >= 1: 0", "occupancy", "--start", "-0.7", "--eta", "0.1", "--paths", "0",
                "--out", OUT),
            row(2, "--histogram-bins is not >= 0: -1", "occupancy", "--start", "-0.7", "--eta", "0.1",
                "--histogram-bins", "-1", "--out", OUT),
            row(2, "--trajectory-every is not >= 0: -1", "occupancy", "--start", "-0.7", "--eta", "0.1",
                "--trajectory-every", "-1", "--out", OUT),
            row(2, "--trajectory-length is not >= 0: -3", "occupancy", "--start", "-0.7", "--eta", "0.1",
                "--trajectory-every", "10", "--trajectory-length", "-3", "--out", OUT),
            row(2, "radius is not finite and > 0: 0.0", "occupancy", "--landscape", "himmelblau", "--start", "1,1", "--eta",
                "0.1", "--visit-radius", "0", "--out", OUT),
            row(2, "radius is not finite and > 0: NaN", "occupancy", "--landscape", "himmelblau", "--start", "1,1", "--eta",
                "0.1", "--visit-radius", "NaN", "--out", OUT),
            // occupancy: starts of the wrong dimension, on a boundary, outside, not a number
            row(2, "start has 3 coordinates but himmelblau is 2-D", "occupancy", "--landscape", "himmelblau",
                "--start", "1,1,1", "--eta", "0.1", "--out", OUT),
            row(2, "start has 2 coordinates but paper1d is 1-D", "occupancy", "--start", "1,1", "--eta", "0.1",
                "--out", OUT),
            row(2, "start is not inside a field (on the boundary", "occupancy", "--start", "0.2", "--eta", "0.1",
                "--out", OUT),
            row(2, "start is not a point like 0.3 or 2.9,1.0: 'x'", "occupancy", "--start", "x", "--eta", "0.1",
                "--out", OUT),
            row(2, "start is outside the domain", "occupancy", "--landscape", "himmelblau", "--start", "100,100",
                "--eta", "0.1", "--out", OUT),
            // train: what is refused before --out is opened (the rest: trainRows below)
            row(2, "method is not one of lb, sb, sb-clip, sb-noise, our1, our2, sam: nope", "train", "--method",
                "nope", "--out", OUT),
            row(2, "task is not one of fmnist-lenet, svhn-vgg11, cifar10-vgg11, cifar100-vgg16: nope", "train",
                "--method", "sb", "--task", "nope", "--out", OUT),
            row(2, "Missing required option: '--method=<method>'", "train", "--out", OUT),
            row(2, "b is not > 0: 0", "train", "--method", "our1", "--b", "0", "--out", OUT),
            row(2, "--threads': not >= 0", "train", "--method", "sb", "--threads", "-2", "--out", OUT),
            row(2, "not a whole number: '1.5'", "train", "--method", "sb", "--iterations", "1.5", "--out", OUT),
            row(2, "--data': " + FILE + " is a file, not a directory", "train", "--method", "sb", "--data", FILE,
                "--out", OUT),
            row(2, "is a file, not a directory", "train", "--method", "sb", "--out", FILE),
            row(2, "a directory is needed, not an empty path", "train", "--method", "sb", "--out", ""),
            row(2, "cannot create output directory", "train", "--method", "sb", "--out", FILE + "/run"),
            // sharpness: run directories that are missing, damaged or incomplete (one line, the file named)
            row(2, MISSING + " is not a run directory of htsgd train: config.json not found", "sharpness", "--run",
                MISSING, "--out", OUT),
            row(2, "is not a run directory of htsgd train", "sharpness", "--run", FILE, "--out", OUT),
            row(2, RUN_TRUNCATED_CONFIG + "/config.json is not a valid training configuration: Unexpected "
                + "end-of-input", "sharpness", "--run", RUN_TRUNCATED_CONFIG, "--out", OUT),
            row(2, RUN_NO_WEIGHTS + " has neither weights.bin (finished run) nor checkpoint.bin", "sharpness",
                "--run", RUN_NO_WEIGHTS, "--out", OUT),
            row(2, RUN_RANDOM_WEIGHTS + "/weights.bin: not an htsgd weights file (bad magic)", "sharpness", "--run",
                RUN_RANDOM_WEIGHTS, "--measures", "expected", "--out", OUT),
            row(2, RUN_TRUNCATED_WEIGHTS + "/weights.bin: truncated after", "sharpness", "--run",
                RUN_TRUNCATED_WEIGHTS, "--measures", "expected", "--out", OUT),
            // sharpness: every option zero, negative, NaN or unknown
            row(2, "unknown measure 'bogus'", "sharpness", "--run", RUN_NO_WEIGHTS, "--measures", "bogus",
                "--out", OUT),
            row(2, "unknown measure ''", "sharpness", "--run", RUN_NO_WEIGHTS, "--measures", "", "--out", OUT),
            row(2, "delta is not finite and > 0: -1.0", "sharpness", "--run", RUN_RANDOM_WEIGHTS, "--delta", "-1",
                "--out", OUT),
            row(2, "delta is not finite and > 0: NaN", "sharpness", "--run", RUN_RANDOM_WEIGHTS, "--delta", "NaN",
                "--out", OUT),
            row(2, "samples is not > 0: 0", "sharpness", "--run", RUN_RANDOM_WEIGHTS, "--samples", "0",
                "--out", OUT),
            row(2, "maxIterations is not > 0: 0", "sharpness", "--run", RUN_RANDOM_WEIGHTS, "--hessian-iterations",
                "0", "--out", OUT),
            row(2, "probes is not > 0: -1", "sharpness", "--run", RUN_RANDOM_WEIGHTS, "--probes", "-1",
                "--out", OUT),
            row(2, "depth is not > 0: 0", "sharpness", "--run", RUN_RANDOM_WEIGHTS, "--search-depth", "0",
                "--out", OUT),
            row(2, "batches is not >= 4: 0", "sharpness", "--run", RUN_RANDOM_WEIGHTS, "--tail-batches", "0",
                "--out", OUT),
            row(2, "file not found in " + MISSING, "sharpness", "--run", RUN_RANDOM_WEIGHTS, "--data", MISSING,
                "--out", OUT),
            row(2, "--data': " + FILE + " is a file, not a directory", "sharpness", "--run", RUN_RANDOM_WEIGHTS,
                "--data", FILE, "--out", OUT),
            row(2, "is a file, not a directory", "sharpness", "--run", RUN_RANDOM_WEIGHTS, "--out", FILE),
            // reproduce: unknown profile or part, bad directories and numbers
            row(2, "profile is not one of [tiny, quick, paper]: nope", "reproduce", "--profile", "nope",
                "--out", OUT),
            row(2, "--parts: unknown part 'nope' (known: fig1-right", "reproduce", "--parts", "nope", "--out", OUT),
            row(2, "--parts: unknown part ''", "reproduce", "--parts", "", "--out", OUT),
            row(2, "is a file, not a directory", "reproduce", "--profile", "tiny", "--parts", "fig2", "--out", FILE),
            row(2, "a directory is needed, not an empty path", "reproduce", "--profile", "tiny", "--out", ""),
            row(2, "cannot create output directory", "reproduce", "--profile", "tiny", "--parts", "fig2", "--out",
                FILE + "/report"),
            row(2, "--data': " + FILE + " is a file, not a directory", "reproduce", "--profile", "tiny", "--parts",
                "fig2", "--data", FILE, "--out", OUT),
            row(2, "--threads': not >= 0", "reproduce", "--profile", "tiny", "--threads", "-1", "--out", OUT),
            row(2, "'x' is not a long", "reproduce", "--profile", "tiny", "--seed", "x", "--out", OUT),
            row(2, "--methods: method is not one of lb, sb, sb-clip", "reproduce", "--profile", "tiny",
                "--methods", "foo", "--out", OUT),
            row(2, "--methods: sb-noise is not trained in the 'tiny' profile (its methods: sb, our2)", "reproduce",
                "--profile", "tiny", "--methods", "sb-noise", "--out", OUT),
            row(2, "--replications is not at least 1: 0", "reproduce", "--profile", "tiny", "--replications", "0",
                "--out", OUT),
            row(2, "--b-on is not update or gradient: norm", "reproduce", "--profile", "tiny", "--b-on", "norm",
                "--out", OUT),
            row(2, "Unknown option: '--bogus'", "reproduce", "--bogus", "--out", OUT),
            // sweep, reached from this jar: says where sweeps run (its own table: htsgd-spark's SweepBadInputTest)
            row(2, "sweeps run from the htsgd-spark jar", "sweep", "grid.yaml", "--out", OUT));
    }

    /**
     * Train's refusals, which must come before {@code --out} is created or the run's config.json is written, and a
     * resume with another run's checkpoint (bad input, not an internal error): run by
     * {@link #trainRefusalsWriteNothing}.
     */
    static Stream<Row> trainRows() {
        return Stream.of(
            row(2, "iterations is not > 0: 0", "train", "--method", "sb", "--iterations", "0", "--out", OUT),
            row(2, "iterations is not > 0: -5", "train", "--method", "sb", "--iterations", "-5", "--out", OUT),
            row(2, "iterations 1099511627776 is above the limit of 10,000,000 per run: at 55 it/s, the fastest "
                + "training measured on one core, it would take 633 years", "train", "--method", "sb",
                "--iterations", "1099511627776", "--out", OUT),
            row(2, "iterations 9223372036854775807 is above the limit", "train", "--method", "sb", "--iterations",
                "9223372036854775807", "--out", OUT),
            row(2, "lr is not finite and > 0: 0.0", "train", "--method", "sb", "--lr", "0", "--out", OUT),
            row(2, "lr is not finite and > 0: NaN", "train", "--method", "sb", "--lr", "NaN", "--out", OUT),
            row(2, "batch is not > 0: 0", "train", "--method", "sb", "--batch", "0", "--out", OUT),
            row(2, "lbBatch is not > 0: -3", "train", "--method", "lb", "--lb-batch", "-3", "--out", OUT),
            row(2, "c is not finite and >= 0: NaN", "train", "--method", "our1", "--c", "NaN", "--out", OUT),
            row(2, "alpha is not finite and > 1", "train", "--method", "our1", "--alpha", "0.5", "--out", OUT),
            row(2, "noise law is not lomax or pareto: bogus", "train", "--method", "our1", "--noise-law", "bogus",
                "--out", OUT),
            row(2, "noiseOffLast is not in [0, 10000]: -1", "train", "--method", "our1", "--noise-off-last", "-1",
                "--out", OUT),
            row(2, "--b-on is not update or gradient: norm", "train", "--method", "our1", "--b-on", "norm", "--out",
                OUT),
            // App. A.4's halving schedule: b on the gradient would need a bound that changes during the run
            row(2, "b on the gradient needs a constant learning rate", "train", "--method", "our1", "--task",
                "cifar100-vgg16", "--b-on", "gradient", "--out", OUT),
            row(2, "noise-off phase is not lb or sb: gd", "train", "--method", "our1", "--noise-off-phase", "gd",
                "--out", OUT),
            row(2, "momentum is not in [0, 1): 1.0", "train", "--method", "sb", "--momentum", "1", "--out", OUT),
            row(2, "weightDecay is not finite and >= 0: NaN", "train", "--method", "sb", "--weight-decay", "NaN",
                "--out", OUT),
            row(2, "--weight-clip is not > 0: -1.0", "train", "--method", "sb", "--weight-clip", "-1", "--out", OUT),
            row(2, "--weight-clip is not > 0: NaN", "train", "--method", "sb", "--weight-clip", "NaN", "--out", OUT),
            row(2, "--stop-at-train-accuracy is not in (0, 1]: 1.5", "train", "--method", "sb",
                "--stop-at-train-accuracy", "1.5", "--out", OUT),
            row(2, "--stop-at-train-accuracy is not in (0, 1]: NaN", "train", "--method", "sb",
                "--stop-at-train-accuracy", "NaN", "--out", OUT),
            row(2, "--stop-at-train-accuracy needs evaluations: --eval-every is 0", "train", "--method", "sb",
                "--stop-at-train-accuracy", "0.99", "--eval-every", "0", "--out", OUT),
            row(2, "samRho is not finite and > 0: -1.0", "train", "--method", "sam", "--sam-rho", "-1", "--out", OUT),
            row(2, "file not found in " + MISSING, "train", "--method", "sb", "--data", MISSING, "--out", OUT),
            row(2, "checkpoint belongs to another run", "train", "--method", "sb", "--iterations", "2", "--seed", "9",
                "--resume", "--out", RUN_TRAINED),
            row(2, "checkpoint belongs to another run", "train", "--method", "our1", "--iterations", "2", "--resume",
                "--out", RUN_TRAINED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(60)
    void refusedInOneLineWithTheExitCode(Row row) throws IOException {
        check(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trainRows")
    @Timeout(120)
    void trainRefusalsWriteNothing(Row row) throws IOException {
        check(row);
    }

    /**
     * A Table 2 task named with {@code --tasks} whose data is missing is refused before anything is written, with
     * where it was looked for and how to get it said once (a task of the profile's own list is left out of the report
     * instead). Skipped on a machine that has CIFAR-10 in its default directory.
     */
    @Test
    @Timeout(60)
    void aNamedTaskWithoutItsDataIsRefused() throws IOException {
        Path cifar = DataSpec.CIFAR10.defaultDirectory();
        assumeFalse(Files.exists(cifar), "this machine has CIFAR-10 in " + cifar);
        String line = check(row(2, "reproduce: --tasks cifar10-vgg11: data not found in " + cifar, "reproduce",
            "--profile", "paper", "--parts", "table2", "--tasks", "cifar10-vgg11", "--out", OUT));
        String url = "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz";
        assertEquals(line.indexOf(url), line.lastIndexOf(url), "how to get the data, once: " + line);
        assertTrue(line.contains(url), line);
    }

    /** @return the one line the command printed on stderr */
    private String check(Row row) throws IOException {
        Path out = tmp.resolve("out");
        List<String> resolved = new ArrayList<>();
        for (String a : row.args()) {
            resolved.add(a.equals(OUT) ? out.toString() : resolve(a));
        }
        String[] args = resolved.toArray(String[]::new);
        String fragment = resolve(row.fragment());
        Map<Path, byte[]> before = snapshot(fixtures);
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code;
        try {
            // everything a user's terminal would show on stderr: the command line's err writer (created on System.err
            // at first use) and anything printed to System.err directly (progress bars)
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            code = Main.commandLine().execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        String message = stderr.toString(StandardCharsets.UTF_8);
        assertEquals(row.code(), code, message);
        List<String> lines = message.lines().toList();
        if (row.code() == Main.EXIT_RUN_FAILED && lines.size() > 1) {
            // a run that started may have shown its progress bar (\r-separated renders) before it failed
            assertTrue(lines.subList(0, lines.size() - 1).stream()
                    .allMatch(l -> l.isBlank() || PROGRESS.matcher(l).find()),
                    "only progress before the message: " + message);
            lines = lines.subList(lines.size() - 1, lines.size());
        }
        assertEquals(1, lines.size(), "stderr is one line: " + message);
        String line = lines.get(0);
        assertTrue(line.startsWith(args[0] + ": "), line);
        assertTrue(line.contains(fragment), line);
        assertFalse(line.contains("internal error") || line.contains("Exception") || line.contains("\tat "), line);
        assertTrue(line.length() < 400, "a readable line: " + line.length() + " characters");
        if (row.code() == Main.EXIT_BAD_INPUT) {
            assertFalse(Files.exists(out), "a refused command creates nothing: " + out);
        } else {
            try (Stream<Path> written = Files.exists(out) ? Files.walk(out) : Stream.empty()) {
                List<Path> files = written.filter(Files::isRegularFile).toList();
                assertTrue(files.isEmpty(), "nothing written into --out: " + Arrays.toString(files.toArray()));
            }
        }
        Map<Path, byte[]> after = snapshot(fixtures);
        assertEquals(before.keySet(), after.keySet(), "the fixtures' files are the same files");
        before.forEach((f, bytes) -> assertArrayEquals(bytes, after.get(f), "unchanged: " + f));
        return line;
    }

    /** @param text an argument or fragment @return it with the fixture placeholders replaced by their paths */
    private static String resolve(String text) throws IOException {
        String r = text;
        for (String placeholder : List.of(FILE, MISSING, RUN_RANDOM_WEIGHTS, RUN_TRUNCATED_WEIGHTS,
                RUN_TRUNCATED_CONFIG, RUN_NO_WEIGHTS, RUN_TRAINED)) {
            if (r.contains(placeholder)) {
                r = r.replace(placeholder, fixture(placeholder).toString());
            }
        }
        return r;
    }

    /** @param placeholder a fixture's placeholder @return the fixture, made on first use */
    private static synchronized Path fixture(String placeholder) throws IOException {
        Path dir = fixtures.resolve(placeholder.replaceAll("[<>:]", ""));
        if (Files.exists(dir) || placeholder.equals(MISSING)) {
            return dir;
        }
        if (placeholder.equals(FILE)) {
            return Files.writeString(dir, "a user's file, not a directory\n");
        }
        if (placeholder.equals(RUN_TRAINED)) {
            PrintStream oldOut = System.out;
            PrintStream oldErr = System.err;
            try {
                System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
                assertEquals(0, Main.commandLine().execute("train", "--method", "sb", "--iterations", "2",
                        "--checkpoint-every", "1", "--eval-every", "0", "--threads", "1", "--out", dir.toString()));
            } finally {
                System.setOut(oldOut);
                System.setErr(oldErr);
            }
            return dir;
        }
        // a run directory as htsgd train starts it: the configuration, then the weights
        Files.createDirectories(dir);
        Task task = Task.FMNIST_LENET;
        String config = TrainConfigJson.write(TrainConfig.defaults(task, Method.SB, task.data().defaultDirectory(),
                dir));
        Files.writeString(dir.resolve("config.json"), placeholder.equals(RUN_TRUNCATED_CONFIG)
                ? config.substring(0, config.length() / 2) : config);
        if (placeholder.equals(RUN_RANDOM_WEIGHTS)) {
            byte[] noise = new byte[5000];
            new SplittableRandom(14).nextBytes(noise);
            Files.write(dir.resolve("weights.bin"), noise);
        } else if (placeholder.equals(RUN_TRUNCATED_WEIGHTS)) {
            // the weights file's header ("HTSD", version 1), then an architecture name cut off after 3 of 20 bytes
            Files.write(dir.resolve("weights.bin"), new byte[] {'H', 'T', 'S', 'D', 0, 0, 0, 1, 0, 20, 'L', 'e', 'N'});
        }
        return dir;
    }

    /** @param root a directory @return every regular file under it with its bytes */
    private static Map<Path, byte[]> snapshot(Path root) throws IOException {
        Map<Path, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                files.put(p, Files.readAllBytes(p));
            }
        }
        return files;
    }
}
