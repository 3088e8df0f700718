package org.htsgd.cli.reproduce;

import java.util.ArrayList;
import java.util.List;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.cli.report.HtmlReport;
import org.htsgd.core.analysis.AttractionFields1D;
import org.htsgd.core.landscape.Landscapes;
import org.htsgd.core.noise.NoiseLaw;
import org.htsgd.core.noise.NoiseLaws;
import org.htsgd.core.theory.LimitingChain;
import org.htsgd.core.theory.Theory;
import org.htsgd.core.theory.TheoryReport;

/**
 * Figure 2 of the paper: typical transition graphs (Def. 1). The paper's example has three fields, the middle one
 * with \(m_2 - s_1 = 0.6\) and \(s_2 - m_2 = 0.9\): b = 0.5 gives an irreducible graph, b = 0.4 two classes
 * \(\{m_1, m_2\}\) (absorbing) and \(\{m_3\}\) (transient) (paper.md §2.3). The outer minima are placed 0.35 from
 * their saddles (any distance below b that keeps \(\lceil d/b\rceil\) non-integer gives the same graph). The graphs of
 * the paper's 1-D landscape at b = 0.5 and without truncation are added.
 */
final class TransitionGraphPart implements Part {
    /** The example's minima. */
    static final double[] EXAMPLE_MINIMA = {-0.95, 0.0, 1.25};
    /** The example's saddles: m2 - s1 = 0.6, s2 - m2 = 0.9. */
    static final double[] EXAMPLE_SADDLES = {-0.6, 0.9};

    @Override
    public String id() {
        return "fig2";
    }

    @Override
    public String title() {
        return "Figure 2: typical transition graphs";
    }

    @Override
    public Object scale(Profile profile) {
        return "exact theory, no scale parameters";
    }

    /**
     * One graph.
     *
     * @param id file id
     * @param title caption
     * @param theory the theory's report (l*, edges, classes, chains, rates)
     */
    public record Graph(String id, String title, TheoryReport theory) {
    }

    /**
     * The part's result.
     *
     * @param graphs the graphs
     */
    public record Result(List<Graph> graphs) {
    }

    @Override
    public void run(PartContext ctx) {
        NoiseLaw law = NoiseLaws.paper1d();
        AttractionFields1D example = AttractionFields1D.of(EXAMPLE_MINIMA, EXAMPLE_SADDLES);
        List<Graph> graphs = new ArrayList<>();
        try (var bar = ctx.progress("transition graphs", 4, "graphs")) {
            graphs.add(new Graph("example-b0.5", "Paper's example (widths 0.6 / 0.9), b = 0.5",
                Theory.of(example, null, 0.5, law, "figure-2-example")));
            bar.add(1);
            graphs.add(new Graph("example-b0.4", "Paper's example (widths 0.6 / 0.9), b = 0.4",
                Theory.of(example, null, 0.4, law, "figure-2-example")));
            bar.add(1);
            graphs.add(new Graph("paper1d-b0.5", "paper1d, b = 0.5", Theory.of(Landscapes.paper1d(), 0.5, law)));
            bar.add(1);
            graphs.add(new Graph("paper1d-inf", "paper1d, no truncation",
                Theory.of(Landscapes.paper1d(), Double.POSITIVE_INFINITY, law)));
            bar.add(1);
        }
        ctx.dir().writeJson("graphs.json", new Result(graphs));
        List<List<?>> rows = new ArrayList<>();
        for (Graph g : graphs) {
            for (TheoryReport.EdgeReport e : g.theory().edges()) {
                rows.add(List.of(g.id(), "m" + (e.from() + 1), "m" + (e.to() + 1), e.jumps(), e.rate()));
            }
        }
        ctx.dir().writeCsv("edges.csv", List.of("graph", "from", "to", "jumps", "rate_q_ij"), rows);
    }

    @Override
    public void render(PartContext ctx, HtmlReport report) throws Exception {
        Result r = ctx.readJson("graphs.json", Result.class);
        report.shows("Definition 1: an edge m_i -> m_j is typical when reaching the field of m_j from m_i takes the "
            + "minimal number l*_i of truncated jumps. Communication classes of this graph decide where SGD can go "
            + "on its longest time scale: with b = 0.5 the example is irreducible, with b = 0.4 the exit from m2 to "
            + "the right needs 3 jumps instead of 2, so m3 becomes transient and {m1, m2} absorbing. Rates q_ij are "
            + "from eq. (10) (closed form for l* = 1, numerical otherwise; the example has no landscape, so its "
            + "rates for l* >= 2 are not defined).");
        List<String> files = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (Graph g : r.graphs()) {
            String file = g.id() + ".png";
            OutputDir.writeAtomically(ctx.dir().resolve(file), GraphPainter.png(g.theory(), g.title()));
            files.add(ctx.href(file));
            captions.add(g.title() + (g.theory().irreducible() ? ": irreducible" : ": not irreducible"));
        }
        report.figureGrid(files, captions, 2);
        for (Graph g : r.graphs()) {
            TheoryReport t = g.theory();
            report.paragraph(g.title() + ": " + (t.irreducible() ? "irreducible" : "not irreducible")
                + "; widest minima " + names(t.widestMinima()) + " (l^large = " + t.lLarge() + ").");
            List<List<String>> minima = new ArrayList<>();
            for (TheoryReport.MinimumReport m : t.minima()) {
                minima.add(List.of("m" + (m.index() + 1), Fmt.f(m.location(), 3),
                    "(" + Fmt.f(m.fieldLower(), 3) + ", " + Fmt.f(m.fieldUpper(), 3) + ")", Fmt.f(m.width(), 3),
                    m.lStar() == Integer.MAX_VALUE ? "none" : Integer.toString(m.lStar()),
                    Fmt.f(m.predictedExponent(), 2), Fmt.g3(m.exitRate())));
            }
            report.table(List.of("minimum", "location", "field", "width r", "l*", "exit-time exponent",
                "q_i (eq. 10)"), minima);
            List<List<String>> edges = new ArrayList<>();
            for (TheoryReport.EdgeReport e : t.edges()) {
                edges.add(List.of("m" + (e.from() + 1) + " -> m" + (e.to() + 1), Integer.toString(e.jumps()),
                    Fmt.g3(e.rate())));
            }
            report.table(List.of("typical edge", "jumps", "q_ij"), edges);
            List<List<String>> classes = new ArrayList<>();
            for (LimitingChain.ClassChain c : t.classes()) {
                classes.add(List.of(names(c.members()), c.absorbing() ? "absorbing" : "transient",
                    Integer.toString(c.lStar()), names(c.large())));
            }
            report.table(List.of("class", "kind", "l*_G", "large minima (CTMC states)"), classes);
        }
        report.link(ctx.href("graphs.json"), "graphs.json");
        report.link(ctx.href("edges.csv"), "edges.csv");
    }

    static String names(int[] idx) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < idx.length; i++) {
            sb.append(i == 0 ? "" : ", ").append('m').append(idx[i] + 1);
        }
        return sb.append('}').toString();
    }
}
