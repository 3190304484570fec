package io.wfdr.spine.problem;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one mapping of failures to RFC 9457 responses that every wfdr service uses. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.size() == 1 ? "The request has an invalid field: " + describe(errors.get(0))
                : "The request has " + errors.size() + " invalid fields: "
                        + errors.stream().map(ProblemMappers::describe).collect(Collectors.joining("; "));
        return Problem.of(400, "Invalid request", detail, errors).at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestProblem e, UriInfo uri) {
        return Problem.of(400, "Invalid request", e.getMessage(), e.errors()).at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundProblem e, UriInfo uri) {
        return Problem.of(Response.Status.NOT_FOUND, e.getMessage()).at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response conflict(ConflictProblem e, UriInfo uri) {
        return Problem.of(Response.Status.CONFLICT, e.getMessage()).at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unprocessable(UnprocessableProblem e, UriInfo uri) {
        return Problem.of(422, "Unprocessable request", e.getMessage(), List.of()).at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return badJson("Unknown field '" + field + "'", field, "is not a field of this request", uri);
        }
        if (e instanceof InvalidFormatException invalid) {
            return invalidValue(invalid, uri);
        }
        if (e instanceof MismatchedInputException mismatched && !path(mismatched).isEmpty()) {
            String field = path(mismatched);
            String message = "expected " + inWords(mismatched.getTargetType());
            return badJson("Field '" + field + "' has the wrong type: " + message, field, message, uri);
        }
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return badJson("The request body is not valid JSON for this operation" + where + ": " + e.getOriginalMessage(),
                null, null, uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    private Response invalidValue(InvalidFormatException e, UriInfo uri) {
        String field = path(e);
        Class<?> target = e.getTargetType();
        String expected = target != null && target.isEnum()
                ? "one of " + Arrays.toString(target.getEnumConstants())
                : inWords(target);
        String message = "value '" + e.getValue() + "' is not " + expected;
        return badJson("Field '" + field + "': " + message, field, message, uri);
    }

    /**
     * A query or path parameter that cannot be read as its type (an unknown enum value, a time that is not ISO-8601):
     * JAX-RS calls it "not found", but the request is what is wrong, so it is a 400 naming the parameter.
     */
    private Response unreadableParameter(RuntimeException e, UriInfo uri) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String field = null;
        String value = null;
        for (var parameters : List.of(uri.getQueryParameters(), uri.getPathParameters())) {
            for (var entry : parameters.entrySet()) {
                for (String candidate : entry.getValue()) {
                    if (field == null && !candidate.isEmpty() && message.contains(candidate)) {
                        field = entry.getKey();
                        value = candidate;
                    }
                }
            }
        }
        String expected = message.startsWith("No enum constant ") ? "one of " + enumValues(message) : "a valid value";
        String reason = (value == null ? "a parameter" : "value '" + value + "'") + " is not " + expected;
        return Problem.of(400, "Invalid request", (field == null ? "A parameter" : "Parameter '" + field + "'")
                + ": " + reason, field == null ? List.of() : List.of(new Problem.FieldError(field, reason)))
                .at(uri.getPath()).toResponse();
    }

    /** The constants of the enum a message "No enum constant a.b.Type.VALUE" names. */
    private static String enumValues(String message) {
        String constant = message.substring("No enum constant ".length());
        String type = constant.substring(0, Math.max(0, constant.lastIndexOf('.')));
        // a nested enum (Outer.Inner) is Outer$Inner to the class loader
        for (String name = type; name.contains("."); name = name.substring(0, name.lastIndexOf('.')) + "$"
                + name.substring(name.lastIndexOf('.') + 1)) {
            try {
                Class<?> enumType = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
                if (enumType.isEnum()) {
                    return Arrays.toString(enumType.getEnumConstants());
                }
            } catch (ClassNotFoundException | LinkageError notThisName) {
                // try the next reading of the dotted name
            }
        }
        return "the documented values";
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(Response.Status.FORBIDDEN, "Your roles do not allow this operation")
                .at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        if (e instanceof jakarta.ws.rs.NotFoundException && (e.getCause() instanceof IllegalArgumentException
                || e.getCause() instanceof java.time.DateTimeException)) {
            return unreadableParameter((RuntimeException) e.getCause(), uri);
        }
        Response original = e.getResponse();
        Response.StatusType status = original.getStatusInfo();
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? status.getReasonPhrase()
                : e.getMessage();
        Response problem = Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail, List.of())
                .at(uri.getPath()).toResponse();
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? problem : Response.fromResponse(problem).header(HttpHeaders.ALLOW, allow).build();
    }

    /**
     * Anything else is unexpected, except a write that lost a race: another request changed the same row first (its
     * version moved), this transaction was rolled back whole, and the caller can read again and retry.
     */
    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (lostARace(e)) {
            return Problem.of(Response.Status.CONFLICT, "Another request changed the same data at the same time; "
                    + "nothing was changed by this request. Read it again and retry.").at(uri.getPath()).toResponse();
        }
        Response refusedByTheDatabase = DatabaseRefusals.problem(e, uri.getPath());
        if (refusedByTheDatabase != null) {
            return refusedByTheDatabase;
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s, on %s", incident, uri.getPath());
        return Problem.of(500, "Internal Server Error",
                "The service failed unexpectedly; nothing was changed by this request. Incident " + incident,
                List.of()).at(uri.getPath()).toResponse();
    }

    /** Commit failures arrive wrapped (and sometimes as their own cause), so the whole chain is searched. */
    private static boolean lostARace(Throwable e) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    private static Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED,
                "A valid bearer token is required (Authorization: Bearer <JWT>)").at(uri.getPath()).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    private static Response badJson(String detail, String field, String message, UriInfo uri) {
        List<Problem.FieldError> errors = field == null || field.isEmpty() ? List.of()
                : List.of(new Problem.FieldError(field, message));
        return Problem.of(400, "Malformed request body", detail, errors).at(uri.getPath()).toResponse();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * The field in the sender's words: "create.request.name" is "name" (the method and parameter nodes of a resource
     * method dropped) and "create.request.tags[2].&lt;list element&gt;" is "tags[2]" (the validator's node for an
     * element is no field of the body).
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString().replaceAll("\\.?<[a-z ]+>", "");
        String[] nodes = path.split("\\.");
        return nodes.length > 2 ? String.join(".", Arrays.copyOfRange(nodes, 2, nodes.length)) : path;
    }

    private static String describe(Problem.FieldError error) {
        return error.field() + " " + error.message();
    }

    /** What a field takes, in the words of the person who sent it, not the Java type that reads it. */
    static String inWords(Class<?> type) {
        if (type == null) {
            return "a value of another kind";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return type == java.time.LocalTime.class ? "a time such as 02:00"
                    : type == java.time.LocalDate.class ? "a date such as 2026-11-25"
                    : "a date and time such as 2026-11-25T03:00:00Z";
        }
        if (type == java.time.Duration.class) {
            return "a duration such as PT15M";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a value of another kind";
    }
}
