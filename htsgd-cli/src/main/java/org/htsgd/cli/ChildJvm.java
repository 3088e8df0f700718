package org.htsgd.cli;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line of a child JVM running a main class of htsgd: this JVM's {@code java}, its options (heap,
 * {@code --add-opens}, system properties; without debugging or profiling agents, which would clash on their ports)
 * and its class path. Work whose native state is process-global (PyTorch's CPU runtime: thread pool, thread count)
 * runs in such children, one run per process: {@code reproduce}'s Table 2 runs and {@code sweep}'s training cells.
 *
 * <p>The class path is this JVM's {@code java.class.path} plus the jars of the calling thread's class loaders that
 * are not on it (Spark executors load an application's jars with their own loader, not from the class path).
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * @param mainClass the fully qualified main class
     * @param args its arguments
     * @return {@code java OPTIONS -cp CLASSPATH mainClass args...}
     */
    public static List<String> command(String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-agentlib") && !a.startsWith("-javaagent")) {
                cmd.add(a);
            }
        }
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** @return {@code java.class.path}, then the loaders' jars missing from it */
    static String classPath() {
        Set<String> entries = new LinkedHashSet<>(List.of(System.getProperty("java.class.path")
                .split(File.pathSeparator)));
        for (ClassLoader l = Thread.currentThread().getContextClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    try {
                        if ("file".equals(url.getProtocol())) {
                            entries.add(Path.of(url.toURI()).toString());
                        }
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        // not a local file: a child cannot use it either
                    }
                }
            }
        }
        entries.remove("");
        return String.join(File.pathSeparator, entries);
    }
}
