package io.lotabots.document.boundary;

import java.util.regex.Pattern;

/** A declared content type, checked to be a plain {@code type/subtype[; parameters]} before it is stored and served. */
final class MediaTypes {

    private static final Pattern MEDIA_TYPE =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}"
                    + "(\\s*;\\s*[A-Za-z0-9!#$&^_.+-]+=(\"[ -~&&[^\"\\\\]]*\"|[A-Za-z0-9!#$&^_.+-]+))*");

    private MediaTypes() {}

    static String checked(String declared) {
        String type = declared.strip();
        if (type.length() > 200 || !MEDIA_TYPE.matcher(type).matches()) {
            throw DocumentRefusals.invalid("Content-Type", "is not a media type such as application/pdf");
        }
        return type;
    }
}
