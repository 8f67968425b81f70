package io.lotabots.model.boundary;

/** How the model's bytes come: one file (form part {@code file}) or a zip of its directory ({@code archive}). */
public enum ModelSource {
    FILE("file"),
    ARCHIVE("archive");

    private final String part;

    ModelSource(String part) {
        this.part = part;
    }

    /** The form part that carries it. */
    public String part() {
        return part;
    }
}
