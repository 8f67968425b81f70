package io.lotabots.retention.boundary;

import io.lotabots.retention.control.DataClass;
import io.lotabots.retention.control.RetentionPeriod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The retention period of each data class and the purge's batch size, from configuration. */
@ApplicationScoped
public class RetentionSettings {

    /** Documents are business records (contracts, evidence files): three years after their newest version. */
    @Inject
    @ConfigProperty(name = "lotabots.retention.documents", defaultValue = "P1095D")
    Duration documents;

    /** Models are re-uploaded for every release; two years after upload keeps every model still attested. */
    @Inject
    @ConfigProperty(name = "lotabots.retention.models", defaultValue = "P730D")
    Duration models;

    /** Evidence is what a device or a bot sent (device identities, measurements): 400 days after the verdict. */
    @Inject
    @ConfigProperty(name = "lotabots.retention.evidence", defaultValue = "P400D")
    Duration evidence;

    /** Reports justify a verdict a customer may be asked about: three years after it. */
    @Inject
    @ConfigProperty(name = "lotabots.retention.reports", defaultValue = "P1095D")
    Duration reports;

    /**
     * An export archive holds everything about a person in one file: a week to download it, then it goes. It is
     * also how long the download is offered.
     */
    @Inject
    @ConfigProperty(name = "lotabots.retention.exports", defaultValue = "P7D")
    Duration exports;

    /** Items of one class one tenant's purge removes at most per run; the rest waits for the next run. */
    @Inject
    @ConfigProperty(name = "lotabots.retention.batch", defaultValue = "100")
    int batch;

    public List<RetentionPeriod> periods() {
        return List.of(
                new RetentionPeriod(DataClass.DOCUMENTS, documents),
                new RetentionPeriod(DataClass.MODELS, models),
                new RetentionPeriod(DataClass.EVIDENCE, evidence),
                new RetentionPeriod(DataClass.REPORTS, reports),
                exports());
    }

    /** How long an export's archive is kept, and offered for download, after the export completed. */
    public RetentionPeriod exports() {
        return new RetentionPeriod(DataClass.EXPORTS, exports);
    }

    public int batch() {
        return Math.max(1, batch);
    }
}
