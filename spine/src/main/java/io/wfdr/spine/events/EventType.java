package io.wfdr.spine.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The versioned CloudEvents {@code type} of an event payload, e.g. {@code wfdr.inventory.server.registered.v1}.
 * Payloads are public contracts: a change that breaks consumers gets a new version, not an edit.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
    String value();
}
