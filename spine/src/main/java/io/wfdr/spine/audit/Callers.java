package io.wfdr.spine.audit;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, as the verified token says: its subject and its name. */
final class Callers {

    private Callers() {
    }

    /** The identity the request was authenticated with, or null when it was not (yet). */
    static SecurityIdentity of(RoutingContext routing) {
        return routing != null && routing.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
    }

    /** The identity of the call on this (worker) thread, or null when it has none or its token is not valid. */
    static SecurityIdentity verified() {
        try {
            var association = io.quarkus.arc.Arc.container().instance(
                    io.quarkus.security.identity.CurrentIdentityAssociation.class);
            return association.isAvailable() ? association.get().getIdentity() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static void describe(SecurityIdentity identity, AuditContext.Call call) {
        if (identity == null || identity.isAnonymous() || call.actorSubject != null) {
            return;
        }
        String name = identity.getPrincipal().getName();
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            call.actorSubject = AuditContext.bounded(token.getSubject() != null ? token.getSubject() : name);
            Object display = token.getClaim("name");
            call.actorName = AuditContext.bounded(display != null ? display.toString() : name);
        } else {
            call.actorSubject = AuditContext.bounded(name);
            call.actorName = call.actorSubject;
        }
    }
}
