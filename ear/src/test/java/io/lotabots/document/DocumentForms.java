package io.lotabots.document;

import io.lotabots.testsupport.ApiClient;
import java.nio.charset.StandardCharsets;

/** Documents for tests outside this package (the access matrix walk): uploaded, their id returned. */
public final class DocumentForms {

    private DocumentForms() {}

    public static String upload(ApiClient api, String title) {
        return DocumentUploads.created(
                        api, DocumentUploads.of(title, "text/plain", title.getBytes(StandardCharsets.UTF_8)))
                .getString("id");
    }
}
