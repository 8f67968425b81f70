package io.lotabots.document.boundary;

import io.lotabots.platform.http.HeaderSyntax;

/** A declared content type, checked to be a plain {@code type/subtype[; parameters]} before it is stored and served. */
final class MediaTypes {

    private MediaTypes() {}

    static String checked(String declared) {
        String type = declared.strip();
        if (type.length() > 200 || !HeaderSyntax.isMediaType(type)) {
            throw DocumentRefusals.invalid("Content-Type", "is not a media type such as application/pdf");
        }
        return type;
    }
}
