package io.lotabots.identity.console;

import com.vaadin.flow.component.HasValidation;
import io.lotabots.identity.control.FieldProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Shows the identity boundary's field problems on the form fields they name (all problems of a field
 * joined, so every broken password rule is listed); a problem of a field the form lacks goes on the
 * fallback field.
 */
final class FieldErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final HasValidation fallback;

    FieldErrors(HasValidation fallback) {
        this.fallback = fallback;
    }

    FieldErrors on(String field, HasValidation component) {
        fields.put(field, component);
        return this;
    }

    void show(List<FieldProblem> problems) {
        clear();
        problems.stream()
                .collect(Collectors.groupingBy(
                        p -> fields.getOrDefault(p.field(), fallback),
                        LinkedHashMap::new,
                        Collectors.mapping(FieldErrors::sentence, Collectors.joining("; "))))
                .forEach((component, message) -> {
                    component.setErrorMessage(message);
                    component.setInvalid(true);
                });
    }

    /** One message on one field, e.g. for a refusal that is not about the input's form. */
    void show(String field, String message) {
        show(List.of(new FieldProblem(field, message)));
    }

    void clear() {
        fields.values().forEach(component -> {
            component.setInvalid(false);
            component.setErrorMessage(null);
        });
        fallback.setInvalid(false);
        fallback.setErrorMessage(null);
    }

    /** "password" + "is shorter than …" → "Password is shorter than …". */
    private static String sentence(FieldProblem problem) {
        String field = problem.field();
        return Character.toUpperCase(field.charAt(0)) + field.substring(1) + " " + problem.message();
    }
}
