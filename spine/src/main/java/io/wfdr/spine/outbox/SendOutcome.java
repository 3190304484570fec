package io.wfdr.spine.outbox;

/** What became of one outbox message handed to Kafka. */
public record SendOutcome(Result result, String reason, boolean producerBroken) {

    public enum Result {
        /** Kafka acknowledged it. */
        DELIVERED,
        /** Kafka refused it for good (unknown topic, not authorized, too large): it is parked. */
        REFUSED,
        /** Not delivered for a passing reason (Kafka away, an earlier event of its key held): it stays pending. */
        NOT_SENT
    }

    static final SendOutcome DELIVERED = new SendOutcome(Result.DELIVERED, null, false);

    static SendOutcome refused(String reason) {
        return new SendOutcome(Result.REFUSED, reason, false);
    }

    static SendOutcome notSent(String reason) {
        return new SendOutcome(Result.NOT_SENT, reason, false);
    }

    /** Not sent, and the producer itself is unusable (its credentials refused, fenced, out of sequence). */
    static SendOutcome brokenProducer(String reason) {
        return new SendOutcome(Result.NOT_SENT, reason, true);
    }
}
