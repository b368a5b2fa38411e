package dev.outageradar.post;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text a person reads in a Mastodon status, from its HTML {@code content}: paragraphs become a blank line,
 * {@code <br>} a line break, links, mentions and hashtags their text, entities their characters.
 *
 * <p>A shortened link keeps the parts Mastodon hides ({@code <span class="invisible">https://</span>...}):
 * joined, they are the address the author wrote, which is the text the complaint matcher would see on the
 * other networks.
 */
final class MastodonHtml {

    private MastodonHtml() {
    }

    static String text(String html) {
        StringBuilder out = new StringBuilder(html.length());
        NodeTraversor.traverse(new Flattener(out), Jsoup.parseBodyFragment(html).body());
        return tidy(out);
    }

    private record Flattener(StringBuilder out) implements NodeVisitor {

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                out.append(text.text());
            } else if (node instanceof Element element && depth > 0) {
                if (element.normalName().equals("br")) {
                    out.append('\n');
                } else if (element.normalName().equals("p")) {
                    out.append("\n\n");
                } else if (element.isBlock()) {
                    out.append('\n');
                }
            }
        }
    }

    /** Spaces around line breaks and more than one blank line come from the markup, not from the author. */
    private static String tidy(CharSequence text) {
        return text.toString()
                .replaceAll("[ \\t]*\\n[ \\t]*", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }
}
