package io.wfdr.spine.audit;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.List;
import java.util.Set;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Audits every mutating call and every denied one: what was asked is taken when the call is matched, the outcome
 * when it is answered. Every response carries the request id ({@code X-Request-Id}, the caller's own when it is a
 * plain token); a ticket is named with {@code X-Ticket-Id}.
 */
public class AuditFilters {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TICKET_ID = "X-Ticket-Id";
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AuditContext context;
    private final AuditTrail trail;

    AuditFilters(AuditContext context, AuditTrail trail) {
        this.context = context;
        this.trail = trail;
    }

    @ServerRequestFilter
    public void asked(ContainerRequestContext request, ResourceInfo resource, RoutingContext routing) {
        context.requestedAs(request.getHeaderString(REQUEST_ID));
        if (!MUTATING.contains(request.getMethod())) {
            return;
        }
        context.call().audited = true;
        describe(request, resource, routing);
    }

    /**
     * Answers only once the outcome is stored. A denial is answered on the I/O thread (before any worker took the
     * call), so its record is written on a worker while the answer waits.
     */
    @ServerResponseFilter
    public Uni<Void> answered(ContainerRequestContext request, ContainerResponseContext response,
            ResourceInfo resource, RoutingContext routing) {
        AuditContext.Call call = context.call();
        if (call.requestId == null) {
            context.requestedAs(request.getHeaderString(REQUEST_ID));
        }
        response.getHeaders().putSingle(REQUEST_ID, context.requestId());
        int status = response.getStatus();
        if (!call.audited && status != 401 && status != 403) {
            return Uni.createFrom().voidItem();
        }
        describe(request, resource, routing);
        String location = response.getHeaderString("Location");
        if (call.resourceId == null && location != null) {
            call.resourceId = AuditContext.bounded(lastSegment(URI.create(location)));
        }
        if (!Context.isOnEventLoopThread()) {
            trail.complete(call, status);
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().<Void>item(() -> {
            trail.complete(call, status);
            return null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private void describe(ContainerRequestContext request, ResourceInfo resource, RoutingContext routing) {
        AuditContext.Call call = context.call();
        if (call.action == null) {
            call.action = request.getMethod();
            call.target = AuditContext.bounded(template(request, resource));
            call.resourceId = AuditContext.bounded(resourceId(request.getUriInfo().getPathParameters()));
            call.ticketId = AuditContext.bounded(request.getHeaderString(TICKET_ID));
        }
        Callers.describe(Callers.of(routing), call);
    }

    /** The path template, e.g. {@code /api/pairs/{id}/failover}; the path itself when nothing matched. */
    static String template(ContainerRequestContext request, ResourceInfo resource) {
        Class<?> type = resource == null ? null : resource.getResourceClass();
        Method method = resource == null ? null : resource.getResourceMethod();
        if (type == null || method == null) {
            return request.getUriInfo().getPath();
        }
        Path classPath = type.getAnnotation(Path.class);
        Path methodPath = method.getAnnotation(Path.class);
        String joined = (classPath == null ? "" : classPath.value()) + "/"
                + (methodPath == null ? "" : methodPath.value());
        String normalized = joined.replaceAll("/+", "/");
        return normalized.length() > 1 && normalized.endsWith("/")
                ? normalized.substring(0, normalized.length() - 1) : normalized;
    }

    private static String resourceId(MultivaluedMap<String, String> parameters) {
        if (parameters.containsKey("id")) {
            return parameters.getFirst("id");
        }
        List<String> last = parameters.values().stream().reduce((a, b) -> b).orElse(List.of());
        return last.isEmpty() ? null : last.get(0);
    }

    private static String lastSegment(URI location) {
        String path = location.getPath();
        return path == null ? null : path.substring(path.lastIndexOf('/') + 1);
    }
}
