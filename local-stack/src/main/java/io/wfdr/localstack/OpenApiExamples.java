package io.wfdr.localstack;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a served OpenAPI document (JSON) and checks its examples: every operation has one (its request body, an
 * answer or a parameter), and every body example is what the operation's own schema accepts — checked by the same
 * validator that checks the tests' traffic, so an example cannot drift from the wire either.
 */
public final class OpenApiExamples {

    private static final String AN_ID = "5b0c2c6e-58a4-4a3e-9e62-2a8cf3c1f0a1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApiExamples() {
    }

    /** What is wrong with the document's examples, one line per problem; empty when nothing is. */
    public static List<String> problems(String documentJson) throws Exception {
        JsonNode document = JSON.readTree(documentJson);
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(
                documentJson).build();
        List<String> problems = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                check(validator, path.getKey(), operation.getKey(), operation.getValue(), problems);
            }
        }
        return problems;
    }

    private static void check(OpenApiInteractionValidator validator, String template, String verb, JsonNode operation,
            List<String> problems) throws Exception {
        String name = verb.toUpperCase() + " " + template;
        Request.Method method = Request.Method.valueOf(verb.toUpperCase());
        String path = template.replaceAll("\\{[^}]+}", AN_ID);
        boolean hasExample = false;
        for (JsonNode parameter : operation.path("parameters")) {
            hasExample |= parameter.has("example");
        }
        Iterator<Map.Entry<String, JsonNode>> bodies = operation.path("requestBody").path("content").fields();
        while (bodies.hasNext()) {
            Map.Entry<String, JsonNode> body = bodies.next();
            if (body.getValue().has("example")) {
                hasExample = true;
                ValidationReport report = validator.validateRequest(new SimpleRequest.Builder(method, path)
                        .withContentType(body.getKey()).withBody(write(body.getValue().get("example")))
                        .withAuthorization("Bearer example").build());
                report.getMessages().stream().filter(m -> m.getKey().startsWith("validation.request.body"))
                        .forEach(m -> problems.add(name + " request example: " + m.getMessage()));
            }
        }
        Iterator<Map.Entry<String, JsonNode>> answers = operation.path("responses").fields();
        while (answers.hasNext()) {
            Map.Entry<String, JsonNode> answer = answers.next();
            Iterator<Map.Entry<String, JsonNode>> media = answer.getValue().path("content").fields();
            while (answer.getKey().startsWith("2") && media.hasNext()) {
                Map.Entry<String, JsonNode> type = media.next();
                if (type.getValue().has("example")) {
                    hasExample = true;
                    ValidationReport report = validator.validateResponse(path, method,
                            SimpleResponse.Builder.status(Integer.parseInt(answer.getKey()))
                                    .withContentType(type.getKey()).withBody(write(type.getValue().get("example")))
                                    .build());
                    report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                            .forEach(m -> problems.add(name + " " + answer.getKey() + " example: " + m.getMessage()));
                }
            }
        }
        if (!hasExample) {
            problems.add(name + " has no example");
        }
    }

    private static String write(JsonNode example) throws Exception {
        return example.isTextual() ? example.asText() : JSON.writeValueAsString(example);
    }
}
