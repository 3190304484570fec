package io.wfdr.spine.problem;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A query parameter the operation does not take (a misspelt filter, a filter this list does not support) is a 400
 * naming it and the ones it does take — never silently ignored, which would answer a pipeline with the whole list.
 */
public class UnknownQueryParameters {

    private final ConcurrentHashMap<Method, Set<String>> known = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public Response refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        Set<String> accepted = known.computeIfAbsent(method, UnknownQueryParameters::queryParameters);
        Set<String> unknown = new TreeSet<>(request.getUriInfo().getQueryParameters().keySet());
        unknown.removeAll(accepted);
        if (unknown.isEmpty()) {
            return null;
        }
        String takes = accepted.isEmpty() ? "no query parameters" : "only " + String.join(", ", new TreeSet<>(accepted));
        List<Problem.FieldError> errors = unknown.stream()
                .map(name -> new Problem.FieldError(name, "is not a parameter of this operation; it takes " + takes))
                .toList();
        return Problem.of(400, "Bad Request", "Unknown query parameter " + String.join(", ", unknown) + ": this "
                + "operation takes " + takes, errors).at(request.getUriInfo().getPath()).toResponse();
    }

    private static Set<String> queryParameters(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
        }
        return names;
    }
}
