package org.htsgd.train.model;

/** For tests that change a system property: puts the value read before back. */
final class SystemProperties {
    private SystemProperties() {
    }

    /**
     * @param name the property
     * @param before its value before the test changed it, null if it was unset
     */
    static void restore(String name, String before) {
        if (before == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, before);
        }
    }
}
