package org.htsgd.spark;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One cell of a sweep: one {@code htsgd COMMAND --key=value ...} invocation. The settings are the grid's fixed
 * settings plus one value of every axis (plus {@code paths}/{@code path-offset} for a part of a split cell).
 *
 * <p>The id is the first 16 hex digits of SHA-256 over the command and the settings sorted by key, so it does not
 * depend on the order of keys in the grid file or on the machine; it names the cell's directory
 * {@code DIR/cells/<id>/}.
 *
 * @param id the stable id
 * @param command the htsgd command (e.g. {@code exit-time})
 * @param settings option name to value, in grid order: a name becomes {@code --name=value} ({@code b: 0.5} gives
 *     {@code --b=0.5}), a name that starts with {@code -} is used as it is; booleans are passed as
 *     {@code --flag=true}/{@code --flag=false}, which picocli accepts for boolean options
 */
public record Cell(String id, String command, Map<String, String> settings)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * @param id the stable id
     * @param command the command
     * @param settings the settings
     */
    public Cell {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(command, "command");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /**
     * @param command the htsgd command
     * @param settings option name to value, in the order they are passed
     * @return the cell with its stable id
     */
    public static Cell of(String command, Map<String, String> settings) {
        return new Cell(idOf(command, settings), command, settings);
    }

    /** @return the command's arguments, without the command and without {@code --out}: {@code --key=value ...} */
    public List<String> args() {
        List<String> args = new ArrayList<>(settings.size());
        settings.forEach((k, v) -> args.add(option(k) + "=" + v));
        return args;
    }

    /** @return the whole command line after {@code htsgd}, without {@code --out} */
    public List<String> commandLine() {
        List<String> line = new ArrayList<>();
        line.add(command);
        line.addAll(args());
        return line;
    }

    private static String option(String key) {
        return key.startsWith("-") ? key : "--" + key;
    }

    private static String idOf(String command, Map<String, String> settings) {
        StringBuilder canonical = new StringBuilder(command).append('\n');
        new TreeMap<>(settings).forEach((k, v) -> canonical.append(k).append('=').append(v).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
