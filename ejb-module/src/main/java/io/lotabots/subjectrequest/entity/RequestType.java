package io.lotabots.subjectrequest.entity;

/** What the subject asks for: a copy of their data (Art. 15), its erasure (Art. 17) or a correction (Art. 16). */
public enum RequestType {
    EXPORT,
    ERASURE,
    RECTIFICATION
}
