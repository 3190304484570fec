package io.wfdr.spine.inbox;

import java.util.List;

import io.wfdr.spine.events.IncomingEvent;
import io.wfdr.spine.problem.InvalidRequestProblem;
import io.wfdr.spine.problem.Problem;

/**
 * Who sent a command and for whom: the sending service (its CloudEvents source, which the broker's ACLs restrict to
 * the services allowed to write the command topic) must be one this service accepts commands from, and the command
 * must name the person or system that asked for it ({@code ce_actor}), as a REST call names its caller.
 */
final class CommandOrigin {

    static final int MAX_ACTOR = 200;
    private static final String PREFIX = "/wfdr/";

    private CommandOrigin() {
    }

    /** The sending service's name, e.g. {@code restore-service} for the source {@code /wfdr/restore-service}. */
    static String sender(IncomingEvent command) {
        String source = command.source();
        return source != null && source.startsWith(PREFIX) ? source.substring(PREFIX.length()) : source;
    }

    static void check(IncomingEvent command, List<String> senders) {
        String sender = sender(command);
        if (!senders.contains(sender)) {
            throw refused("ce_source", "this service accepts commands only from " + (senders.isEmpty() ? "no service"
                    : String.join(", ", senders)) + ", not from " + sender);
        }
        String actor = command.actor();
        if (actor == null || actor.isBlank()) {
            throw refused("ce_actor", "a command must name who asked for it (the ce_actor header)");
        }
        if (actor.length() > MAX_ACTOR) {
            throw refused("ce_actor", "must be at most " + MAX_ACTOR + " characters");
        }
    }

    private static InvalidRequestProblem refused(String field, String message) {
        return new InvalidRequestProblem(field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }
}
