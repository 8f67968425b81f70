package io.lotabots.document.boundary;

import io.lotabots.document.control.ContentPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What documents may be and how long what is deleted or abandoned is kept, from configuration. */
@ApplicationScoped
public class DocumentLimits {

    @Inject
    @ConfigProperty(name = "lotabots.document.max-bytes", defaultValue = "5368709120")
    long maxBytes;

    /** Declared types whose bytes must carry that type's signature (otherwise 415). */
    @Inject
    @ConfigProperty(
            name = "lotabots.document.verified-types",
            defaultValue = "application/pdf,image/png,image/jpeg,image/gif,application/zip,application/gzip")
    List<String> verifiedTypes;

    /** How long a deleted document (and every version's content) is kept before it is purged. */
    @Inject
    @ConfigProperty(name = "lotabots.document.retention", defaultValue = "P30D")
    Duration retention;

    /** An upload in flight for longer than this was abandoned (its server died): the sweeper clears it. */
    @Inject
    @ConfigProperty(name = "lotabots.document.abandoned-upload-after", defaultValue = "PT6H")
    Duration abandonedUploadAfter;

    public long maxBytes() {
        return maxBytes;
    }

    public ContentPolicy contentPolicy() {
        return new ContentPolicy(
                verifiedTypes.stream().map(ContentPolicy::essence).collect(Collectors.toUnmodifiableSet()));
    }

    public Duration retention() {
        return retention;
    }

    public Duration abandonedUploadAfter() {
        return abandonedUploadAfter;
    }
}
