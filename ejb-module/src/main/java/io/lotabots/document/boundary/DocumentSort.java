package io.lotabots.document.boundary;

import java.util.Arrays;
import java.util.Optional;

/** The orders a document list can be read in, as the API's {@code sort} parameter names them. */
public enum DocumentSort {
    NEWEST("-createdAt"),
    OLDEST("createdAt"),
    TITLE("title");

    private final String parameter;

    DocumentSort(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public static Optional<DocumentSort> of(String parameter) {
        return Arrays.stream(values())
                .filter(s -> s.parameter.equals(parameter))
                .findFirst();
    }
}
