package org.htsgd.train.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.htsgd.core.validation.Require;
import org.htsgd.train.io.AtomicFiles;

/**
 * The oneDNN instruction-set limit ({@code DNNL_MAX_CPU_ISA}) that the engine runs with: the fastest setting whose
 * {@link EngineSelfCheck} passes on this machine, tried in the order {@link #CANDIDATES} ({@code ALL}, then
 * {@code AVX512_CORE}, then {@code AVX2}), else the safe {@value #SAFE} with one line on standard error saying so. A
 * value the user set in the environment wins and is not checked. The setting must be in the environment before
 * libtorch runs its first kernel, so each candidate is checked in a child JVM ({@link EngineSelfCheck#main}); the
 * verdicts are cached in {@code ${XDG_CACHE_HOME:-~/.cache}/htsgd/engine-check-<key>.json}, the key a hash of the
 * {@link CpuIdentity} and the libtorch and DJL versions, so the check runs once per machine and engine.
 *
 * <p>Used by the {@code htsgd} launcher and the test configuration ({@link #main} prints the setting), and by
 * programs that start engine JVMs ({@link #childEnvironment}).
 */
public final class EngineIsa {
    /** The environment variable oneDNN reads. */
    public static final String VARIABLE = "DNNL_MAX_CPU_ISA";
    /** The setting used when every candidate fails: oneDNN's SSE4.1 kernels (1.6-1.7x slower for LeNet). */
    public static final String SAFE = "SSE41";
    /** The settings tried, fastest first. */
    public static final List<String> CANDIDATES = List.of("ALL", "AVX512_CORE", "AVX2");
    /** How long one check child may take (it takes seconds; a busy machine is slower). */
    private static final long CHECK_TIMEOUT_SECONDS = 600;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The setting {@link #childEnvironment} chose in this JVM, or null before its first call. */
    private static String childSetting;

    private EngineIsa() {
    }

    /** Checks the engine under one setting. */
    @FunctionalInterface
    public interface Prober {
        /**
         * @param isa a {@code DNNL_MAX_CPU_ISA} value
         * @return the self-check's verdict with that setting
         */
        EngineSelfCheck.Verdict probe(String isa);
    }

    /**
     * The setting and how it was reached.
     *
     * @param isa the {@code DNNL_MAX_CPU_ISA} value to use
     * @param note the one line to tell the user (the self-check failed and a slower setting is used), or empty
     */
    public record Choice(String isa, String note) {
    }

    /**
     * The cache file's content.
     *
     * @param cpu CPU model name
     * @param cpuDetails the rest of the CPU identity
     * @param engine libtorch and DJL versions
     * @param isa the chosen setting
     * @param verdicts each checked setting's verdict line, in the order checked
     * @param checkedAt when
     */
    public record CacheEntry(String cpu, String cpuDetails, String engine, String isa, Map<String, String> verdicts,
                             String checkedAt) {
    }

    /**
     * Chooses the setting.
     *
     * @param userSetting the user's {@code DNNL_MAX_CPU_ISA}, or null / blank if unset
     * @param cpu this machine's CPU
     * @param engine the engine's identity ({@link #engineIdentity})
     * @param cacheDirectory where verdicts are cached (created if needed; if it cannot be written the check runs
     *                       again next time)
     * @param prober runs the self-check under a setting
     * @return the setting, and the note to print if it is a fallback
     */
    public static Choice choose(String userSetting, CpuIdentity cpu, String engine, Path cacheDirectory,
                                Prober prober) {
        if (userSetting != null && !userSetting.isBlank()) {
            return new Choice(userSetting, "");
        }
        Require.nonNull(cpu, "cpu");
        Require.nonNull(engine, "engine");
        Require.nonNull(prober, "prober");
        Path file = cacheDirectory.resolve("engine-check-" + cacheKey(cpu, engine) + ".json");
        CacheEntry entry = read(file, cpu, engine);
        if (entry == null) {
            Map<String, String> verdicts = new LinkedHashMap<>();
            String isa = SAFE;
            for (String candidate : CANDIDATES) {
                EngineSelfCheck.Verdict v = prober.probe(candidate);
                verdicts.put(candidate, v.line());
                if (v.passed()) {
                    isa = candidate;
                    break;
                }
            }
            entry = new CacheEntry(cpu.name(), cpu.details(), engine, isa, verdicts, Instant.now().toString());
            try {
                AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(entry));
            } catch (IOException e) {
                // not cached: the check runs again next time, the choice stands
            }
        }
        return new Choice(entry.isa(), note(entry));
    }

    private static CacheEntry read(Path file, CpuIdentity cpu, String engine) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            CacheEntry e = JSON.readValue(file.toFile(), CacheEntry.class);
            boolean valid = cpu.name().equals(e.cpu()) && cpu.details().equals(e.cpuDetails())
                    && engine.equals(e.engine()) && e.isa() != null && e.verdicts() != null
                    && (e.isa().equals(SAFE) || CANDIDATES.contains(e.isa()));
            return valid ? e : null;
        } catch (IOException | RuntimeException ex) {
            return null; // unreadable or from another version: check again
        }
    }

    private static String note(CacheEntry e) {
        if (e.isa().equals(CANDIDATES.get(0))) {
            return "";
        }
        String first = e.verdicts().getOrDefault(CANDIDATES.get(0), "");
        EngineSelfCheck.Verdict v = EngineSelfCheck.Verdict.parse(first);
        String reason = v == null ? "no verdict" : v.reason();
        return "htsgd: oneDNN self-check failed on " + e.cpu() + " (" + reason + "); using " + VARIABLE + "="
                + e.isa();
    }

    /**
     * @param cpu a CPU
     * @param engine an engine identity
     * @return the cache key: the first 16 hex digits of SHA-256 over both
     */
    public static String cacheKey(CpuIdentity cpu, String engine) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] d = sha.digest((cpu.name() + '\n' + cpu.details() + '\n' + engine).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * @return the libtorch build DJL loads (version, flavor, platform of the native jar) and the DJL version, read
     *         from the jars without loading the engine, plus any environment override of the libtorch DJL uses, and
     *         what the self-check checks ({@link ConvBackwardProbe#CHECKS})
     */
    public static String engineIdentity() {
        Properties torch = resource("native/lib/pytorch.properties");
        Properties djl = resource("ai/djl/engine/api.properties");
        StringBuilder s = new StringBuilder("libtorch ").append(torch.getProperty("version", "?")).append(' ')
                .append(torch.getProperty("flavor", "?")).append(' ').append(torch.getProperty("classifier", "?"))
                .append("; DJL ").append(djl.getProperty("djl_version", "?"));
        for (String v : new String[] {"PYTORCH_LIBRARY_PATH", "PYTORCH_VERSION", "PYTORCH_FLAVOR"}) {
            String value = System.getenv(v);
            if (value != null) {
                s.append("; ").append(v).append('=').append(value);
            }
        }
        s.append("; checked: ").append(ConvBackwardProbe.CHECKS);
        return s.toString();
    }

    private static Properties resource(String name) {
        Properties p = new Properties();
        try (InputStream in = EngineIsa.class.getClassLoader().getResourceAsStream(name)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // unknown version: "?" in the identity
        }
        return p;
    }

    /** @return {@code ${XDG_CACHE_HOME:-~/.cache}/htsgd} */
    public static Path cacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("htsgd");
    }

    /**
     * The setting for this machine: the user's {@code DNNL_MAX_CPU_ISA} if set, else the cached or newly checked
     * choice (checks run in child JVMs on this JVM's class path).
     *
     * @return the choice
     */
    public static Choice current() {
        return choose(System.getenv(VARIABLE), CpuIdentity.current(), engineIdentity(), cacheDirectory(),
                EngineIsa::probeInChild);
    }

    /**
     * What to add to the environment of a child JVM that runs the engine: nothing if this process already has
     * {@code DNNL_MAX_CPU_ISA} (the child inherits it), else the {@link #current} choice (printing its note, if any,
     * to standard error).
     *
     * Decided once per JVM; safe to call from several threads.
     *
     * @return variables to put into the child's environment
     */
    public static synchronized Map<String, String> childEnvironment() {
        if (System.getenv(VARIABLE) != null && !System.getenv(VARIABLE).isBlank()) {
            return Map.of();
        }
        if (childSetting == null) {
            childSetting = announced();
        }
        return Map.of(VARIABLE, childSetting);
    }

    /**
     * Runs {@link EngineSelfCheck#main} in a child JVM with {@code DNNL_MAX_CPU_ISA=isa} and this JVM's class path.
     *
     * @param isa the setting to check
     * @return the child's verdict; a crash, a timeout or a missing verdict line is a failure
     */
    public static EngineSelfCheck.Verdict probeInChild(String isa) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Doffline=true", "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                EngineSelfCheck.class.getName()));
        Path out = null;
        try {
            out = Files.createTempFile("htsgd-engine-check", ".log");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().put(VARIABLE, isa);
            Process p = pb.start();
            if (!p.waitFor(CHECK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return EngineSelfCheck.Verdict.fail("check timed out after " + CHECK_TIMEOUT_SECONDS + " s");
            }
            EngineSelfCheck.Verdict verdict = null;
            String last = "";
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                EngineSelfCheck.Verdict v = EngineSelfCheck.Verdict.parse(line);
                verdict = v != null ? v : verdict;
                last = line.isBlank() ? last : line;
            }
            if (p.exitValue() != 0 || verdict == null) {
                return EngineSelfCheck.Verdict.fail("check process exited with code " + p.exitValue()
                        + (last.isEmpty() ? "" : ": " + last));
            }
            return verdict;
        } catch (IOException e) {
            return EngineSelfCheck.Verdict.fail("could not run the check: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EngineSelfCheck.Verdict.fail("check interrupted");
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    // a stray log in the temporary directory
                }
            }
        }
    }

    /**
     * Prints the setting to use ({@link #current}) on standard output, and its note, if any, on standard error.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println(announced());
    }

    private static String announced() {
        Choice c = current();
        if (!c.note().isEmpty()) {
            System.err.println(c.note());
        }
        return c.isa();
    }
}
