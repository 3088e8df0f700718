package org.htsgd.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link Grid} from its YAML file: the keys {@code command}, {@code fixed}, {@code axes}, {@code split} and
 * {@code retries}, each value a YAML scalar passed to the command as its text; every problem is one line naming it
 * (and the file).
 */
final class GridFile {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();

    private GridFile() {
    }

    /**
     * Reads a grid file.
     *
     * @param file the YAML file
     * @return the grid
     * @throws IllegalArgumentException with one line naming the file and the problem, if it is missing, not YAML,
     *     or not a valid grid
     */
    static Grid read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("grid file not found: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read grid file " + file + ": " + e.getMessage());
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a grid from YAML text.
     *
     * @param yaml the text
     * @return the grid
     * @throws IllegalArgumentException with one line naming the problem
     */
    static Grid parse(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new IllegalArgumentException("not valid YAML" + where + ": " + firstLine(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a grid is a YAML mapping with keys command, fixed, axes, split, "
                    + "retries");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!Set.of("command", "fixed", "axes", "split", "retries").contains(k)) {
                throw new IllegalArgumentException("unknown key '" + k + "' (expected command, fixed, axes, split, "
                        + "retries)");
            }
        }
        JsonNode command = root.get("command");
        if (command == null || !command.isTextual()) {
            throw new IllegalArgumentException("'command' is missing (e.g. command: exit-time)");
        }
        Map<String, String> fixed = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : fields(root, "fixed")) {
            fixed.put(e.getKey(), scalar(e.getValue(), "fixed." + e.getKey()));
        }
        Map<String, List<String>> axes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : fields(root, "axes")) {
            if (!e.getValue().isArray()) {
                throw new IllegalArgumentException("axes." + e.getKey() + " is not a list: " + e.getValue());
            }
            List<String> values = new ArrayList<>();
            for (JsonNode v : e.getValue()) {
                values.add(scalar(v, "axes." + e.getKey()));
            }
            axes.put(e.getKey(), values);
        }
        int parts = 1;
        for (Map.Entry<String, JsonNode> e : fields(root, "split")) {
            if (!Grid.PATHS.equals(e.getKey())) {
                throw new IllegalArgumentException("split supports only '" + Grid.PATHS + "', not: " + e.getKey());
            }
            if (!e.getValue().canConvertToInt() || !e.getValue().isIntegralNumber()) {
                throw new IllegalArgumentException("split." + Grid.PATHS + " is not an integer: " + e.getValue());
            }
            parts = e.getValue().intValue();
        }
        int retries = -1;
        JsonNode r = root.get("retries");
        if (r != null && !r.isNull()) {
            if (!r.isIntegralNumber() || !r.canConvertToInt()) {
                throw new IllegalArgumentException("retries is not an integer: " + r);
            }
            retries = r.intValue();
            if (!(retries >= 0)) {
                throw new IllegalArgumentException("retries is not >= 0: " + retries);
            }
        }
        return new Grid(command.textValue(), fixed, axes, parts, retries);
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode root, String name) {
        JsonNode n = root.get(name);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!(n instanceof ObjectNode)) {
            throw new IllegalArgumentException("'" + name + "' is not a mapping of name: value");
        }
        List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
        n.fields().forEachRemaining(list::add);
        return list;
    }

    private static String scalar(JsonNode v, String where) {
        if (v == null || v.isNull() || v.isContainerNode()) {
            throw new IllegalArgumentException(where + " is not a single value (number, word or quoted text): " + v);
        }
        return v.asText();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
