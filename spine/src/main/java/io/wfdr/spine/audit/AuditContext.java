package io.wfdr.spine.audit;

import java.util.UUID;
import java.util.regex.Pattern;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.wfdr.spine.tracing.Traces;
import jakarta.enterprise.context.RequestScoped;

/**
 * What the audit trail knows of the call being served: its request id (also on every event it causes), who asked,
 * what they asked for, and whether its record was already written in the transaction of the change. The state lives
 * in a {@link Call} reached through a method, because this bean is used through its client proxy.
 */
@RequestScoped
public class AuditContext {

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    static final int MAX_TEXT = 200;

    private final Call call = new Call();

    /** The state of one call. */
    static final class Call {
        String requestId;
        AuditRecord.Channel channel = AuditRecord.Channel.REST;
        String actorSubject;
        String actorName;
        String principal;
        String action;
        String target;
        String resourceId;
        String ticketId;
        /** The trace the call or command runs in, when there is one. */
        String traceId;
        boolean audited;
        /** The record written in the transaction of the change, when one committed. */
        String recordId;
        /** The outcome is being written: the audit's own transaction is not a change to audit. */
        boolean completing;
        /** For a command: what came of it, known before its transaction commits. */
        AuditRecord.Outcome commandOutcome = AuditRecord.Outcome.SUCCEEDED;
    }

    /** The current call's context, or null outside a call (a scheduler, a consumer without one). */
    public static AuditContext current() {
        ManagedContext requests = Arc.container().requestContext();
        return requests.isActive() ? Arc.container().instance(AuditContext.class).get() : null;
    }

    Call call() {
        return call;
    }

    /** The caller's request id when it is a plain token, else a new one: it is echoed and put on events. */
    public String requestId() {
        if (call.requestId == null) {
            call.requestId = UUID.randomUUID().toString();
        }
        return call.requestId;
    }

    void requestedAs(String offered) {
        call.requestId = offered != null && REQUEST_ID.matcher(offered).matches() ? offered
                : UUID.randomUUID().toString();
        call.traceId = Traces.currentTraceId();
    }

    /** Who caused what happens in this call: the subject, or the name when the token has no subject. */
    public String actor() {
        if (call.actorSubject == null && call.channel == AuditRecord.Channel.REST) {
            Callers.describe(Callers.verified(), call);
        }
        return call.actorSubject != null ? call.actorSubject : call.actorName;
    }

    /**
     * A Kafka command about to be applied: audited like a REST call, in the transaction of its change.
     *
     * @param principal the principal the broker authenticated (null on a plaintext local broker)
     * @param actor     the requesting actor the command names
     */
    public void command(String requestId, String principal, String actor, String type, String topic,
            String resourceId, String ticketId) {
        requestedAs(requestId);
        call.channel = AuditRecord.Channel.KAFKA;
        call.principal = bounded(principal);
        call.actorSubject = bounded(actor);
        call.action = bounded(type);
        call.target = bounded(topic);
        call.resourceId = bounded(resourceId);
        call.ticketId = bounded(ticketId);
        call.audited = true;
    }

    /**
     * Work the service does on a requester's behalf outside any call (a runbook's step on its worker thread): the
     * events and commands it causes name that requester and the request that started the work.
     */
    public void onBehalfOf(String requestId, String actor) {
        requestedAs(requestId);
        call.channel = AuditRecord.Channel.RUNBOOK;
        call.actorSubject = bounded(actor);
    }

    /** The command was refused (its rejection is published in the same transaction). */
    public void commandRefused() {
        call.commandOutcome = AuditRecord.Outcome.REFUSED;
    }

    /** An attempt at the command begins: a record written by an attempt that rolled back is gone with it. */
    public void newAttempt() {
        call.recordId = null;
        call.commandOutcome = AuditRecord.Outcome.SUCCEEDED;
    }

    /** The command was applied before (a redelivery): nothing changes, nothing to audit. */
    public void alreadyApplied() {
        call.audited = false;
    }

    static String bounded(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
