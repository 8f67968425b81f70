package io.lotabots.retention.control;

/**
 * The classes of data with a retention period of their own, named as in configuration ({@code
 * lotabots.retention.<name>}) and in the purge's counts.
 */
public enum DataClass {
    /** A document and every version's content, counted from its newest version. */
    DOCUMENTS("documents"),
    /** A stored model and its files, counted from its upload. */
    MODELS("models"),
    /** An attestation's evidence object, counted from its verdict; the row stays as a tombstone. */
    EVIDENCE("evidence"),
    /** An attestation's report objects (one per attempt), counted from its verdict; the row stays. */
    REPORTS("reports"),
    /** A data-subject export's archive, counted from the export's completion; the request stays, its download gone. */
    EXPORTS("exports");

    private final String key;

    DataClass(String key) {
        this.key = key;
    }

    /** The name in configuration, in the API and in audit details. */
    public String key() {
        return key;
    }
}
