package io.lotabots.attestation.model.api;

import io.lotabots.platform.refusal.FieldProblem;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The form check of a model attestation request; names every bad field before anything is stored. */
public final class ModelSubmissionReader {

    private static final Set<String> FIELDS = Set.of("modelId", "policy");
    static final int MAX_POLICY_NAME = 200;

    /** The request's problems, each naming its field. */
    public static final class Invalid extends Exception {

        private static final long serialVersionUID = 1L;

        private final transient List<FieldProblem> problems;

        Invalid(List<FieldProblem> problems) {
            super(problems.size() + " invalid field(s)");
            this.problems = List.copyOf(problems);
        }

        public List<FieldProblem> problems() {
            return problems;
        }
    }

    private ModelSubmissionReader() {}

    public static ModelSubmission read(JsonObject body) throws Invalid {
        List<FieldProblem> problems = new ArrayList<>();
        if (body == null) {
            throw new Invalid(List.of(new FieldProblem("modelId", "is required")));
        }
        body.keySet().stream()
                .filter(k -> !FIELDS.contains(k))
                .sorted()
                .forEach(k -> problems.add(new FieldProblem(k, "is not a known field")));
        UUID modelId = null;
        JsonValue id = body.get("modelId");
        if (id == null || id.getValueType() == JsonValue.ValueType.NULL) {
            problems.add(new FieldProblem("modelId", "is required"));
        } else if (id.getValueType() != JsonValue.ValueType.STRING) {
            problems.add(new FieldProblem("modelId", "must be a string (a model's id)"));
        } else {
            try {
                String text = ((JsonString) id).getString();
                modelId = UUID.fromString(text);
                if (!modelId.toString().equals(text.toLowerCase(java.util.Locale.ROOT))) {
                    throw new IllegalArgumentException(text);
                }
            } catch (IllegalArgumentException e) {
                modelId = null;
                problems.add(new FieldProblem("modelId", "must be a UUID"));
            }
        }
        String policy = null;
        JsonValue p = body.get("policy");
        if (p != null && p.getValueType() != JsonValue.ValueType.NULL) {
            if (p.getValueType() != JsonValue.ValueType.STRING) {
                problems.add(new FieldProblem("policy", "must be a string (a model policy's name)"));
            } else {
                policy = ((JsonString) p).getString();
                if (policy.isBlank() || policy.length() > MAX_POLICY_NAME) {
                    problems.add(new FieldProblem("policy", "must be 1 to " + MAX_POLICY_NAME + " characters"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        return new ModelSubmission(modelId, policy);
    }
}
