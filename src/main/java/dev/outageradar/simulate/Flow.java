package dev.outageradar.simulate;

/** A stream of posts with its own rate and texts; several flows add up to one service's traffic. */
enum Flow {
    COMPLAINT(PostKind.COMPLAINT),
    OUTAGE_COMPLAINT(PostKind.COMPLAINT),
    COMPETITOR(PostKind.COMPLAINT),
    SINGLE_ACCOUNT(PostKind.COMPLAINT),
    MENTION(PostKind.MENTION),
    VIRAL(PostKind.MENTION),
    NEGATED(PostKind.NEGATED),
    RECOVERY(PostKind.NEGATED);

    private final PostKind kind;

    Flow(PostKind kind) {
        this.kind = kind;
    }

    PostKind kind() {
        return kind;
    }
}
