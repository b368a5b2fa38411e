package dev.outageradar.replay;

import java.io.Closeable;
import java.io.IOException;

/** The records of one feed file in order, each already judged: what a {@link FeedReader} reads from. */
interface EntrySource extends Closeable {

    /** The next record, or null at the end of the file. */
    FeedEntry next() throws IOException;
}
