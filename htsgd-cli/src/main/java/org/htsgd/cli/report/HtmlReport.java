package org.htsgd.cli.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.htsgd.cli.io.OutputDir;

/**
 * A small HTML report builder: sections with a title, a "what this shows" paragraph, PNG figures referenced by
 * relative file name, tables and preformatted text. Writes one self-contained {@code index.html} (inline CSS; images
 * are files beside it).
 */
public final class HtmlReport {
    private final String title;
    private final StringBuilder body = new StringBuilder();
    private final List<String> images = new ArrayList<>();

    /** @param title the page title */
    public HtmlReport(String title) {
        this.title = title;
    }

    /** @param text text @return it with HTML special characters escaped */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** @param heading a section heading @param id anchor id @return this */
    public HtmlReport section(String heading, String id) {
        body.append("<h2 id=\"").append(escape(id)).append("\">").append(escape(heading)).append("</h2>\n");
        return this;
    }

    /** @param text a paragraph (escaped) @return this */
    public HtmlReport paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** @param text a "what this shows" note (escaped) @return this */
    public HtmlReport shows(String text) {
        body.append("<p class=\"shows\"><b>What this shows.</b> ").append(escape(text)).append("</p>\n");
        return this;
    }

    /** @param text preformatted text (escaped) @return this */
    public HtmlReport pre(String text) {
        body.append("<pre>").append(escape(text)).append("</pre>\n");
        return this;
    }

    /** @param fileName a PNG beside index.html @param caption caption @return this */
    public HtmlReport figure(String fileName, String caption) {
        images.add(fileName);
        body.append("<figure><img src=\"").append(escape(fileName)).append("\" alt=\"").append(escape(caption))
                .append("\"><figcaption>").append(escape(caption)).append("</figcaption></figure>\n");
        return this;
    }

    /**
     * Figures side by side in a grid.
     *
     * @param fileNames PNGs beside index.html
     * @param captions one caption per figure
     * @param columns figures per row, {@code >= 1}
     * @return this
     */
    public HtmlReport figureGrid(List<String> fileNames, List<String> captions, int columns) {
        if (fileNames.size() != captions.size()) {
            throw new IllegalArgumentException("captions is not one per figure: " + captions.size() + " for "
                    + fileNames.size());
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns is not >= 1: " + columns);
        }
        body.append("<div class=\"grid\" style=\"grid-template-columns:repeat(").append(columns).append(",1fr)\">\n");
        for (int i = 0; i < fileNames.size(); i++) {
            figure(fileNames.get(i), captions.get(i));
        }
        body.append("</div>\n");
        return this;
    }

    /**
     * @param html raw HTML (not escaped; callers escape every text they insert)
     * @return this
     */
    public HtmlReport raw(String html) {
        body.append(html).append('\n');
        return this;
    }

    /** @param fileName a data file beside index.html @param label link text @return this */
    public HtmlReport link(String fileName, String label) {
        images.add(fileName);
        body.append("<a href=\"").append(escape(fileName)).append("\">").append(escape(label)).append("</a> ");
        return this;
    }

    /** @param header column names @param rows cells (escaped) @return this */
    public HtmlReport table(List<String> header, List<List<String>> rows) {
        body.append("<table><tr>");
        for (String h : header) {
            body.append("<th>").append(escape(h)).append("</th>");
        }
        body.append("</tr>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            for (String c : row) {
                body.append("<td>").append(escape(c)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    /** @param text a warning box (escaped) @return this */
    public HtmlReport note(String text) {
        body.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
        return this;
    }

    /** @return every file referenced by the report (figures and links) */
    public List<String> referencedFiles() {
        return List.copyOf(images);
    }

    /** @return the full HTML */
    public String html() {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title>\n<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#222}"
                + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:3px 8px;"
                + "text-align:right}th{background:#eee}figure{margin:1em 0}img{max-width:100%;border:1px solid #ddd}"
                + "pre{background:#f6f6f6;padding:8px;overflow-x:auto}.shows{background:#eef6ee;padding:6px}"
                + ".note{background:#fff4e0;padding:6px}.grid{display:grid;gap:8px}.grid figure{margin:0}"
                + "figcaption{font-size:90%;color:#444}td:first-child,th:first-child{text-align:left}"
                + "summary{cursor:pointer;color:#046}</style></head><body>\n<h1>" + escape(title) + "</h1>\n"
                + body + "</body></html>\n";
    }

    /** @param out directory @param name file name @return the written path */
    public Path write(OutputDir out, String name) {
        return out.writeText(name, html());
    }
}
