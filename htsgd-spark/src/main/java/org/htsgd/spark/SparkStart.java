package org.htsgd.spark;

import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.htsgd.cli.RunFailedException;

/**
 * How htsgd starts Spark, the same for {@code sweep} and {@code reproduce --master}: the master URL checked before
 * anything starts, loopback addresses and no web UI for a local master, and a master Spark cannot start with
 * reported in one line.
 */
final class SparkStart {
    /**
     * The master URLs Spark knows ({@code SparkContext.createTaskScheduler}): checked before Spark starts, whose
     * own refusal of a bad URL is a logged stack trace.
     */
    static final Pattern MASTER = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?])?"
            + "|local-cluster\\[[1-9][0-9]*, *[1-9][0-9]*, *[1-9][0-9]*]"
            + "|(spark|mesos)://[^\\s/]+(/.*)?|k8s://\\S+|yarn");

    private SparkStart() {
    }

    /**
     * @param master a {@code --master} value, or {@code null}
     * @throws IllegalArgumentException if it is not a Spark master URL (bad input)
     */
    static void checkMaster(String master) {
        if (master != null && !MASTER.matcher(master).matches()) {
            throw new IllegalArgumentException("--master is not a Spark master URL (local, local[N], local[*], "
                    + "spark://HOST:PORT, yarn, k8s://URL, mesos://HOST:PORT): '" + master + "'");
        }
    }

    /**
     * @param appName the application's name
     * @param master the master, or {@code null} for the one spark-submit sets, else {@code local[*]}
     * @return the configuration; a local master gets loopback addresses and no web UI unless set
     */
    static SparkConf conf(String appName, String master) {
        SparkConf conf = new SparkConf().setAppName(appName);
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return conf;
    }

    /**
     * Starts Spark; a master it cannot start with is the user's to fix, the reason in one line (exit 3).
     *
     * @param conf the configuration
     * @return the context
     * @throws RunFailedException if Spark does not start
     */
    static SparkContext start(SparkConf conf) {
        try {
            return new SparkContext(conf);
        } catch (RuntimeException e) {
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new RunFailedException("cannot start Spark on " + conf.get("spark.master") + ": " + why, e);
        }
    }
}
