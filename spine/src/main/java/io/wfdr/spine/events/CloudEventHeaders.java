package io.wfdr.spine.events;

/** Header names of the CloudEvents 1.0 Kafka protocol binding, binary content mode. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";
    /** Extension attribute: who caused the event (a token's subject, a command's actor, or the service itself). */
    public static final String ACTOR = "ce_actor";
    /** Extension attribute: the request id of the call or command that caused it, as in the audit trail. */
    public static final String REQUEST_ID = "ce_requestid";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
