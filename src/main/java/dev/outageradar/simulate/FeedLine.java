package dev.outageradar.simulate;

/** One line of a generated feed: a post, or a line broken on purpose. */
public sealed interface FeedLine permits SimulatedPost, MalformedPost {

    /** The line as written to the file, without its newline. */
    String json();
}
