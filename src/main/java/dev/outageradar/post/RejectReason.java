package dev.outageradar.post;

/** Why a record is unusable; the code is written to the dead-letter record so consumers can group by it. */
public enum RejectReason {
    NULL_VALUE,
    NOT_JSON,
    NOT_AN_OBJECT,
    MISSING_TEXT,
    MISSING_CREATED_AT,
    BAD_TIMESTAMP,
    BAD_FIELD,
    TEXT_TOO_LONG,
    /** A record of a known archive format that holds no single post: a Bluesky like or deletion, a page of tweets. */
    NOT_A_POST,
    /** A record not of the format the reader was told to expect. */
    WRONG_FORMAT,
    /**
     * Valid JSON beyond what a post can need: nested deeper than 1000 levels, a number of over 1000 digits,
     * a field name of over 50,000 characters, or a kept field other than text over the text limit.
     */
    LIMIT_EXCEEDED,
    /**
     * A created_at further ahead of the time its record reached Kafka than {@code post.max.future.skew}: as
     * event time it would close every open window (see PostTimestampExtractor).
     */
    TIMESTAMP_IN_FUTURE
}
