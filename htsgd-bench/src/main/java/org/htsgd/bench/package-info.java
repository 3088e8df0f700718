/** Benchmarks: JMH micro-benchmarks and side-by-side macro benchmarks of htsgd. */
package org.htsgd.bench;
