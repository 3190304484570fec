package io.wfdr.spine.outbox;

import io.wfdr.spine.health.KafkaReachability;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/** Tells a refusal for good (park the event) from a passing failure (try again) and a broken producer. */
final class SendFailures {

    private SendFailures() {
    }

    /** A failure every event of the topic would meet: its metadata cannot be had, or writing it is not allowed. */
    static boolean topicWide(Throwable failure) {
        return isMissingMetadata(failure) || failure instanceof AuthorizationException
                || failure instanceof InvalidTopicException;
    }

    private static boolean isMissingMetadata(Throwable failure) {
        return failure instanceof TimeoutException
                && String.valueOf(failure.getMessage()).contains("not present in metadata");
    }

    static SendOutcome classify(Throwable failure, String topic, KafkaReachability reachability) {
        String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (isMissingMetadata(failure)) {
            // the broker answers, but not for this topic: it does not exist (and is not created automatically)
            return reachability.state().reachable()
                    ? SendOutcome.refused("the topic " + topic + " does not exist on the broker: " + reason)
                    : SendOutcome.notSent("Kafka is not reachable: " + reason);
        }
        if (failure instanceof AuthenticationException || failure instanceof ProducerFencedException
                || failure instanceof OutOfOrderSequenceException || failure instanceof UnsupportedVersionException) {
            return SendOutcome.brokenProducer(reason);
        }
        if (failure instanceof AuthorizationException) {
            return SendOutcome.refused("this service may not write " + topic + ": " + reason);
        }
        if (failure instanceof RetriableException) {
            return SendOutcome.notSent(reason);
        }
        if (failure instanceof ApiException) {
            return SendOutcome.refused(reason);
        }
        return failure instanceof KafkaException ? SendOutcome.brokenProducer(reason) : SendOutcome.notSent(reason);
    }
}
