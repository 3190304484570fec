package io.wfdr.spine.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns a body over {@code quarkus.http.limits.max-body-size} into a 413 problem+json before anything reads it;
 * the HTTP layer would otherwise answer with an empty 413.
 */
@ApplicationScoped
public class OversizeBodyGuard {

    private final long limit;

    OversizeBodyGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::rejectDeclaredOversize);
        router.errorHandler(413, this::reject);
    }

    private void rejectDeclaredOversize(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isOver(length)) {
            reject(ctx);
        } else {
            ctx.next();
        }
    }

    private boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void reject(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        Problem problem = Problem.of(413, "Content Too Large",
                "The request body is larger than the limit of " + limit + " bytes", java.util.List.of())
                .at(ctx.request().path());
        ctx.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Json.encode(problem));
    }
}
