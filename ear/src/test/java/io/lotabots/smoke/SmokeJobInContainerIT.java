package io.lotabots.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.platform.DependencyUnavailableException;
import io.lotabots.platform.persistence.InstantConverter;
import io.lotabots.platform.persistence.JsonObjectConverter;
import io.lotabots.platform.storage.ObjectNotFoundException;
import io.lotabots.platform.storage.ObjectStore;
import io.lotabots.platform.storage.S3Settings;
import io.lotabots.platform.storage.StoredObject;
import io.lotabots.smoke.control.ResultDocument;
import io.lotabots.smoke.entity.SmokeCheck;
import io.lotabots.smoke.entity.SmokeStatus;
import io.lotabots.testsupport.Eventually;
import io.lotabots.testsupport.TestArchives;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container (Arquillian): the application's entity, storage and queue in a test archive deployed
 * beside the EAR, whose message-driven bean and persistent sweeper do the processing.
 */
@ExtendWith(ArquillianExtension.class)
class SmokeJobInContainerIT {

    @Deployment
    static WebArchive deployment() {
        return TestArchives.war(
                        "smoke-it",
                        SmokeJobFixtures.class,
                        SmokeCheck.class,
                        SmokeStatus.class,
                        JsonObjectConverter.class,
                        io.lotabots.platform.json.Json.class,
                        InstantConverter.class,
                        ObjectStore.class,
                        S3Settings.class,
                        StoredObject.class,
                        ObjectNotFoundException.class,
                        DependencyUnavailableException.class,
                        ResultDocument.class,
                        Eventually.class)
                .addClass("io.lotabots.platform.storage.S3ClientFactory")
                .addAsLibraries(
                        TestArchives.libraries("/software/amazon/", "/org/reactivestreams/", "/org/slf4j/slf4j-api/")
                                .toArray(new java.io.File[0]));
    }

    @EJB
    SmokeJobFixtures fixtures;

    @Test
    void jobCommittedWithItsMessageIsCompletedByTheApplicationsMessageDrivenBean() {
        String message = "in-container " + UUID.randomUUID();

        UUID id = fixtures.submit(message, Instant.now(), true);

        SmokeCheck done = Eventually.await(
                Duration.ofSeconds(30),
                () -> fixtures.find(id),
                c -> c.status() != SmokeStatus.PENDING,
                "the MDB to process job " + id);
        assertEquals(SmokeStatus.COMPLETED, done.status());
        String digest = ResultDocument.sha256Hex(message.getBytes(StandardCharsets.UTF_8));
        assertEquals(digest, done.resultDigest());
        String result = new String(fixtures.object(done.resultKey()), StandardCharsets.UTF_8);
        assertTrue(result.contains(digest), result);
    }

    @Test
    void failedTransactionLeavesNoRowAndNoObjectBehind() {
        UUID id = UUID.randomUUID();

        assertThrows(EJBException.class, () -> fixtures.submitThenFail(id, "doomed"));

        assertNull(fixtures.find(id), "row rolled back");
        assertThrows(
                ObjectNotFoundException.class,
                () -> fixtures.object("smoke/" + id + "/input.txt"),
                "input object removed after the rollback");
    }

    @Test
    void persistentSweeperRequeuesAJobWhoseMessageWasLost() {
        // A job whose lease (5 s in the test server) ran out long ago and whose message never went out.
        UUID id = fixtures.submit(
                "lost message " + UUID.randomUUID(), Instant.now().minusSeconds(600), false);

        SmokeCheck done = Eventually.await(
                Duration.ofSeconds(90),
                () -> fixtures.find(id),
                c -> c.status() != SmokeStatus.PENDING,
                "the sweeper to re-queue job " + id);

        assertEquals(SmokeStatus.COMPLETED, done.status());
        assertEquals(2, done.attempts(), "one re-queue by the sweeper");
    }
}
