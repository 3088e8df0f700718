/**
 * The options every {@code htsgd} command shares, each declared once as a picocli mixin ({@code @Mixin}) so that it
 * reads, validates and documents itself the same way in every command: {@link org.htsgd.cli.options.OutputOption
 * --out}, {@link org.htsgd.cli.options.SeedOption --seed}, {@link org.htsgd.cli.options.ThreadsOption --threads},
 * {@link org.htsgd.cli.options.TruncationOption --b}, {@link org.htsgd.cli.options.LandscapeOption --landscape} and
 * {@link org.htsgd.cli.options.NoiseOption --noise}, plus the directory check shared by {@code --out} and
 * {@code --data} ({@link org.htsgd.cli.options.DirectoryConverter}), and the simulations' parts of paths
 * ({@link org.htsgd.cli.options.PathBlockOption --path-offset, --merge-parts}) and their start point
 * ({@link org.htsgd.cli.options.StartOption --start}).
 */
package org.htsgd.cli.options;
