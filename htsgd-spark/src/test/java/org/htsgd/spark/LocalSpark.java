package org.htsgd.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** One embedded Spark ({@code local[2]}) shared by every test class of this module: Spark starts slowly. */
final class LocalSpark {
    private static JavaSparkContext context;

    private LocalSpark() {
    }

    /** @return the shared context, started on first use and stopped when the test JVM exits */
    static synchronized JavaSparkContext context() {
        if (context == null) {
            context = new JavaSparkContext(new SparkConf()
                    .setMaster("local[2]")
                    .setAppName("htsgd-spark tests")
                    .set("spark.ui.enabled", "false")
                    .set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1"));
            JavaSparkContext sc = context;
            Runtime.getRuntime().addShutdownHook(new Thread(sc::stop));
        }
        return context;
    }
}
