package org.htsgd.train.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What identifies a CPU for the engine self-check: the first processor's vendor, model name, family, model, stepping
 * and feature flags from {@code /proc/cpuinfo}. The flags are part of it because a virtual machine's model name can be
 * generic ("AMD EPYC" for both a Zen 3 without AVX-512 and a Zen 4 with it), while the flags say which oneDNN kernels
 * can run.
 *
 * @param name the model name, for messages (e.g. "AMD EPYC")
 * @param details vendor, family, model, stepping and flags, as read
 */
public record CpuIdentity(String name, String details) {
    private static final Path CPUINFO = Path.of("/proc/cpuinfo");
    private static final String[] KEYS = {"vendor_id", "cpu family", "model", "stepping", "flags"};

    /** @throws NullPointerException if an argument is null */
    public CpuIdentity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(details, "details");
    }

    /** @return this machine's CPU, from {@code /proc/cpuinfo} (or {@code os.arch} where there is none) */
    public static CpuIdentity current() {
        try {
            return parse(Files.readString(CPUINFO, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            String arch = System.getProperty("os.arch", "unknown");
            return new CpuIdentity(arch, "no /proc/cpuinfo; os.arch=" + arch);
        }
    }

    /**
     * @param cpuinfo the text of {@code /proc/cpuinfo}
     * @return the identity of its first processor
     */
    public static CpuIdentity parse(String cpuinfo) {
        Map<String, String> first = new LinkedHashMap<>();
        for (String line : cpuinfo.split("\n", -1)) {
            if (line.isBlank() && !first.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                first.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        StringBuilder details = new StringBuilder();
        for (String key : KEYS) {
            details.append(key).append('=').append(first.getOrDefault(key, "")).append(';');
        }
        return new CpuIdentity(first.getOrDefault("model name", "unknown CPU"), details.toString());
    }
}
