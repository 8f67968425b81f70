package io.lotabots.platform.console;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Shows a boundary's refusal on the form: each field problem on the component of its field (a
 * problem of a member, such as {@code referenceValues.sha256:7} or {@code certificates[2]}, on the
 * component of {@code referenceValues} or {@code certificates}), all problems of a component joined,
 * so every broken password rule is listed; a problem of a field the form lacks goes on the fallback
 * component. A refusal that names no field is shown as a notification.
 */
public final class FieldErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final HasValidation fallback;

    public FieldErrors(HasValidation fallback) {
        this.fallback = fallback;
    }

    /** The component that shows the problems of {@code field} and of its members. */
    public FieldErrors on(String field, HasValidation component) {
        fields.put(field, component);
        return this;
    }

    /** The refusal's field problems on their fields, or its detail as a notification. */
    public void show(Refusal refused) {
        if (refused.problems().isEmpty()) {
            clear();
            Notification.show(refused.detail());
        } else {
            show(refused.problems());
        }
    }

    public void show(List<FieldProblem> problems) {
        clear();
        problems.stream()
                .collect(Collectors.groupingBy(
                        this::componentOf,
                        LinkedHashMap::new,
                        Collectors.mapping(this::sentence, Collectors.joining("; "))))
                .forEach((component, message) -> {
                    component.setErrorMessage(message);
                    component.setInvalid(true);
                });
    }

    /** One message on one field, e.g. for a refusal that is not about the input's form. */
    public void show(String field, String message) {
        show(List.of(new FieldProblem(field, message)));
    }

    public void clear() {
        fields.values().forEach(component -> {
            component.setInvalid(false);
            component.setErrorMessage(null);
        });
        fallback.setInvalid(false);
        fallback.setErrorMessage(null);
    }

    private HasValidation componentOf(FieldProblem problem) {
        var exact = fields.get(problem.field());
        if (exact != null) {
            return exact;
        }
        return fields.entrySet().stream()
                .filter(f -> isMember(problem.field(), f.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(fallback);
    }

    private static boolean isMember(String field, String of) {
        return field.length() > of.length()
                && field.startsWith(of)
                && (field.charAt(of.length()) == '.' || field.charAt(of.length()) == '[');
    }

    /**
     * "password" + "is shorter than …" → "Password is shorter than …"; a member keeps its path, since
     * its component shows the whole: "referenceValues.sha256:7: '…' is not 64 hex digits".
     */
    private String sentence(FieldProblem problem) {
        String field = problem.field();
        if (!fields.containsKey(field) && fields.keySet().stream().anyMatch(f -> isMember(field, f))) {
            return field + ": " + problem.message();
        }
        return field.isEmpty()
                ? problem.message()
                : Character.toUpperCase(field.charAt(0)) + field.substring(1) + " " + problem.message();
    }
}
