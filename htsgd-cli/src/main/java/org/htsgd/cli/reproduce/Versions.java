package org.htsgd.cli.reproduce;

import org.htsgd.cli.Main;

/** The versions printed in the report's provenance. */
final class Versions {
    private Versions() {
    }

    /** @return the htsgd version from the jar manifest, or {@code dev} when run from classes */
    static String htsgd() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** @return the Java runtime: version, vendor and VM */
    static String java() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
            + System.getProperty("java.vm.name") + ")";
    }

    /** @return operating system, architecture and available processors */
    static String machine() {
        return System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
            + Runtime.getRuntime().availableProcessors() + " processors, max heap "
            + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB";
    }
}
