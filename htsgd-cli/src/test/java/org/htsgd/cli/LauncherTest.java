package org.htsgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code htsgd} launcher script at the project root, run by bash on a copy of it in a scratch project tree, with
 * fake {@code mvn}, {@code java}, {@code id} and {@code apt-get} first on the PATH that record how they were called.
 * It checks what the README promises of the launcher: it builds the jar when it is missing or older than a main
 * source or a POM (not a test), a failed build is one clear line with exit 2, the user's {@code DNNL_MAX_CPU_ISA} and
 * malloc settings win over its own, the engine self-check's verdict (SSE41 when it fails) reaches the JVM, Debian's
 * Fashion-MNIST is installed or its one install command printed, exit codes pass through, and the engine's own
 * warnings are hidden unless {@code --verbose}.
 */
class LauncherTest {
    /** The launcher, from this module's directory (Maven runs tests there). */
    static final Path LAUNCHER = Path.of("..", "htsgd").toAbsolutePath().normalize();

    /** Fake mvn: logs its arguments; fails on FAKE_MVN_FAIL with coloured output; leaves an existing jar alone. */
    static final String MVN = """
        #!/bin/bash
        echo "mvn $*" >> "$FAKE_LOG"
        if [ -n "${FAKE_MVN_FAIL:-}" ]; then printf '\\033[1;31m[ERROR]\\033[m compilation failed\\n'; exit 1; fi
        module=$(echo "$*" | sed 's/.*-pl \\([^ ]*\\).*/\\1/')
        mkdir -p "$module/target"
        [ -f "$module/target/$module.jar" ] || echo jar > "$module/target/$module.jar"
        """;

    /** Fake java: the engine self-check prints FAKE_ISA (fails without it); a command logs its settings and exits. */
    static final String JAVA = """
        #!/bin/bash
        case " $* " in
          *" org.htsgd.train.model.EngineIsa "*) [ -n "${FAKE_ISA:-}" ] || exit 1; echo "$FAKE_ISA"; exit 0 ;;
        esac
        echo "java isa=${DNNL_MAX_CPU_ISA:-} mmap=${MALLOC_MMAP_THRESHOLD_:-} pad=${MALLOC_TOP_PAD_:-} args=$*" \\
          >> "$FAKE_LOG"
        echo '[W1205 04:52:10.123456 1234 Engine.cpp:42] Warning: a libtorch warning'
        echo 'native crash report' >&2
        echo '[W1205 04:52:10.123456 1234 Engine.cpp:42] Warning: a libtorch warning' >&2
        exit "${FAKE_EXIT:-0}"
        """;

    @TempDir
    Path tmp;
    Path root;
    Path log;
    Map<String, String> env;

    @BeforeEach
    void tree() throws IOException {
        root = Files.createDirectories(tmp.resolve("project"));
        Files.copy(LAUNCHER, root.resolve("htsgd"), StandardCopyOption.COPY_ATTRIBUTES);
        for (String f : List.of("pom.xml", "htsgd-cli/pom.xml", "htsgd-cli/src/main/java/A.java",
            "htsgd-cli/src/test/java/ATest.java", "htsgd-spark/src/main/java/S.java")) {
            Files.createDirectories(root.resolve(f).getParent());
            Files.writeString(root.resolve(f), f);
        }
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        script(bin.resolve("mvn"), MVN);
        script(bin.resolve("java"), JAVA);
        script(bin.resolve("id"), "#!/bin/bash\necho \"${FAKE_UID:-1000}\"\n");
        script(bin.resolve("apt-get"), "#!/bin/bash\necho \"apt-get $*\" >> \"$FAKE_LOG\"\n");
        Path data = Files.createDirectories(tmp.resolve("fmnist"));
        Files.writeString(data.resolve("train-images-idx3-ubyte.gz"), "");
        log = tmp.resolve("calls.log");
        env = new HashMap<>();
        env.put("PATH", bin + ":/usr/bin:/bin");
        env.put("HOME", tmp.toString());
        env.put("TMPDIR", Files.createDirectories(tmp.resolve("scratch")).toString());
        env.put("FAKE_LOG", log.toString());
        env.put("FAKE_ISA", "AVX2");
        env.put("HTSGD_FMNIST", data.toString());
    }

    static void script(Path p, String text) throws IOException {
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    record Run(int code, String out, String err, List<String> calls) {
        long builds() {
            return calls.stream().filter(c -> c.startsWith("mvn ")).count();
        }

        String java() {
            List<String> j = calls.stream().filter(c -> c.startsWith("java ")).toList();
            assertEquals(1, j.size(), "one command JVM: " + calls);
            return j.get(0);
        }
    }

    Run run(String... args) throws IOException, InterruptedException {
        Files.deleteIfExists(log);
        List<String> cmd = new ArrayList<>(List.of("/bin/bash", root.resolve("htsgd").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile())
            .redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher finished");
        List<String> calls = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return new Run(p.exitValue(), Files.readString(tmp.resolve("out.txt")),
            Files.readString(tmp.resolve("err.txt")), calls);
    }

    /** Sets a file's modification time to {@code seconds} after the jar's (still in the past after upToDate). */
    void age(String file, long seconds) throws IOException {
        Instant jar = Files.getLastModifiedTime(root.resolve("htsgd-cli/target/htsgd-cli.jar")).toInstant();
        Files.setLastModifiedTime(root.resolve(file), FileTime.from(jar.plusSeconds(seconds)));
    }

    /** An up-to-date build: the jar made a minute ago, every other file of the tree two minutes ago. */
    void upToDate() throws IOException {
        Path jar = root.resolve("htsgd-cli/target/htsgd-cli.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "jar");
        Instant now = Instant.now();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(f, FileTime.from(now.minusSeconds(f.equals(jar) ? 60 : 120)));
            }
        }
    }

    @Test
    void buildsAMissingJarOnceAndRunsTheCommand() throws Exception {
        Run first = run("exit-time", "--help");
        assertEquals(0, first.code(), first.err());
        assertEquals(List.of("mvn -B -q -DskipTests package -pl htsgd-cli -am"),
            first.calls().stream().filter(c -> c.startsWith("mvn ")).toList());
        assertTrue(first.java().endsWith("-jar " + root.resolve("htsgd-cli/target/htsgd-cli.jar")
            + " exit-time --help"), first.java());
        assertTrue(first.err().contains("htsgd: building the command-line jar"), first.err());

        Run second = run("exit-time", "--help");
        assertEquals(0, second.builds(), "the built jar is up to date: " + second.calls());
    }

    @Test
    void rebuildsForAMainSourceOrAPomButNotForATest() throws Exception {
        upToDate();
        age("htsgd-cli/src/test/java/ATest.java", 5);
        assertEquals(0, run("exit-time").builds(), "a newer test does not go into the jar");

        age("htsgd-cli/src/main/java/A.java", 5);
        Run edited = run("exit-time");
        assertEquals(1, edited.builds(), edited.calls().toString());
        assertEquals(0, run("exit-time").builds(), "Maven left the jar alone; its time is the build's start");

        age("pom.xml", 5);
        assertEquals(1, run("exit-time").builds());
    }

    @Test
    void aSourceSavedDuringTheBuildStillCounts() throws Exception {
        upToDate();
        age("htsgd-cli/src/main/java/A.java", 5);
        // the fake build saves a main source while it runs, as an editor might (over a second later: coarse clocks)
        script(tmp.resolve("bin/mvn"), MVN + "sleep 1.1; echo edit >> htsgd-cli/src/main/java/A.java\n");
        assertEquals(1, run("exit-time").builds());
        script(tmp.resolve("bin/mvn"), MVN);
        assertEquals(1, run("exit-time").builds(), "the source saved during the build is newer than the jar");
        assertEquals(0, run("exit-time").builds());
    }

    @Test
    void aFailedBuildIsOneClearLineWithExitTwoAndRunsNothing() throws Exception {
        env.put("FAKE_MVN_FAIL", "1");
        Run r = run("reproduce");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().strip().endsWith("htsgd: build failed (see the Maven output above)"), r.err());
        assertTrue(r.err().contains("[ERROR] compilation failed"), r.err());
        assertFalse(r.err().contains("\u001b["), "colour codes stripped: " + r.err());
        assertTrue(r.calls().stream().noneMatch(c -> c.startsWith("java ")), r.calls().toString());
        try (Stream<Path> s = Files.list(tmp.resolve("scratch"))) {
            assertEquals(List.of(), s.toList(), "no build stamp left behind");
        }
    }

    @Test
    void theEngineSelfCheckSetsTheInstructionSetUnlessTheUserDid() throws Exception {
        upToDate();
        assertTrue(run("exit-time").java().startsWith("java isa=AVX2 "));
        env.remove("FAKE_ISA"); // the self-check fails: the safe setting
        assertTrue(run("exit-time").java().startsWith("java isa=SSE41 "));
        env.put("DNNL_MAX_CPU_ISA", "AVX");
        assertTrue(run("exit-time").java().startsWith("java isa=AVX "));
    }

    @Test
    void mallocSettingsDefaultButTheUsersWin() throws Exception {
        upToDate();
        assertTrue(run("exit-time").java().contains("mmap=33554432 pad=268435456 "));
        env.put("MALLOC_TOP_PAD_", "4096");
        assertTrue(run("exit-time").java().contains("mmap=33554432 pad=4096 "));
    }

    @Test
    void exitCodesPassThroughAndEngineWarningsAreHiddenUnlessVerbose() throws Exception {
        upToDate();
        env.put("FAKE_EXIT", "3");
        Run failed = run("train");
        assertEquals(3, failed.code());
        assertFalse(failed.err().contains("native crash report"), "htsgd said what it had to say: " + failed.err());

        env.put("FAKE_EXIT", "134");
        Run crashed = run("train");
        assertEquals(134, crashed.code());
        assertTrue(crashed.err().contains("native crash report"), crashed.err());
        assertFalse(crashed.err().contains("a libtorch warning"), crashed.err());
        assertTrue(crashed.out().contains("a libtorch warning"), "stdout is the command's own");

        Run verbose = run("train", "--verbose", "--iterations", "5");
        assertTrue(verbose.java().endsWith(" train --iterations 5"), verbose.java());
        assertTrue(verbose.err().contains("a libtorch warning"), verbose.err());
        assertFalse(verbose.java().contains("htsgd.stderr"), verbose.java());
    }

    @Test
    void sweepsAndReproduceOnSparkUseTheSparkModule() throws Exception {
        Run sweep = run("sweep", "--grid", "g.json");
        assertEquals(1, sweep.builds());
        assertTrue(sweep.calls().get(0).endsWith("-pl htsgd-spark -am"), sweep.calls().toString());
        assertTrue(sweep.java().endsWith("org.htsgd.spark.SweepMain sweep --grid g.json"), sweep.java());

        Run spark = run("reproduce", "--master", "local[2]");
        assertEquals(0, spark.builds());
        assertTrue(spark.java().endsWith("org.htsgd.cli.Main reproduce --master local[2]"), spark.java());
        assertTrue(spark.java().contains(root.resolve("htsgd-spark/target/lib/*").toString()), spark.java());
    }

    @Test
    void fashionMnistIsInstalledWhereAllowedOrItsCommandPrinted() throws Exception {
        upToDate();
        env.put("HTSGD_FMNIST", tmp.resolve("none").toString());
        Run user = run("reproduce");
        assertTrue(user.err().contains("to get it run: sudo apt-get install -y dataset-fashion-mnist"), user.err());
        assertTrue(user.calls().stream().noneMatch(c -> c.startsWith("apt-get")), user.calls().toString());

        env.put("FAKE_UID", "0");
        Run rootUser = run("train");
        assertTrue(rootUser.calls().contains("apt-get install -y -qq dataset-fashion-mnist"),
            rootUser.calls().toString());
        assertTrue(rootUser.err().contains("installing Debian's dataset-fashion-mnist"), rootUser.err());

        assertTrue(run("exit-time").calls().stream().noneMatch(c -> c.startsWith("apt-get")),
            "a command that reads no images installs nothing");
        env.put("HTSGD_NO_INSTALL", "1");
        Run refused = run("train");
        assertTrue(refused.calls().stream().noneMatch(c -> c.startsWith("apt-get")), refused.calls().toString());
        assertFalse(refused.err().contains("Fashion-MNIST"), refused.err());
    }

    @Test
    void noJavaIsOneClearLine() throws Exception {
        Path bare = Files.createDirectories(tmp.resolve("bare"));
        Files.createSymbolicLink(bare.resolve("dirname"), Path.of("/usr/bin/dirname"));
        env.put("PATH", bare.toString());
        Run r = run("reproduce");
        assertEquals(2, r.code());
        assertEquals("htsgd: java not found: install a Java 17 JDK (apt-get install -y openjdk-17-jdk)",
            r.err().strip());
    }
}
