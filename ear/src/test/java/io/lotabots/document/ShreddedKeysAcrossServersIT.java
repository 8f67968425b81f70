package io.lotabots.document;

import static io.lotabots.document.DocumentUploads.DOCUMENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.Eventually;
import io.lotabots.testsupport.RedisPublisher;
import io.lotabots.testsupport.TestTenant;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A crypto-shred done by another server of the cluster: its database changes (every data key row of the
 * tenant gone) are made here directly, and its eviction message published to the shared Redis as that
 * server would, naming the tenant only. This server, which holds the tenant's data keys in memory, stops
 * serving the tenant's content within a second of the message, and ignores messages about other tenants or
 * in no known form.
 */
class ShreddedKeysAcrossServersIT {

    private static final String CONTENT = "shredded on another server";
    private static final Duration WITHIN = Duration.ofSeconds(1);

    private final DevServicesReport services = new DevServicesReport();
    private final RedisPublisher redis = new RedisPublisher();
    private final String channel = redis.channel("encryption", "key-evictions");

    @Test
    void aShredOnAnotherServerStopsThisServerServingTheTenantsContent() throws SQLException {
        var tenant = TestTenant.create("shred-across");
        var admin = tenant.admin();
        String content = uploaded(admin);
        assertEquals(CONTENT, admin.get(content).body(), "the data key is now cached on this server");
        awaitSubscribed();

        shredRowsAsAnotherServer(tenant.id());
        var cached = admin.get(content);
        assertEquals(200, cached.statusCode(), "before the message the cached key still opens it");

        redis.publish(channel, tenant.id() + " 0");
        long published = System.nanoTime();
        int status;
        do {
            status = admin.get(content).statusCode();
        } while (status == 200 && System.nanoTime() - published < WITHIN.toNanos());

        assertNotEquals(200, status, "still served " + WITHIN + " after the eviction message");
        var refused = admin.get(content);
        assertFalse(refused.body().contains(CONTENT), refused.body());
    }

    @Test
    void messagesAboutOtherTenantsOrInNoKnownFormEvictNothing() throws SQLException {
        var tenant = TestTenant.create("shred-other");
        var admin = tenant.admin();
        String content = uploaded(admin);
        assertEquals(CONTENT, admin.get(content).body());
        awaitSubscribed();
        shredRowsAsAnotherServer(tenant.id());

        redis.publish(channel, UUID.randomUUID() + " 0");
        redis.publish(channel, UUID.randomUUID() + " 3");
        redis.publish(channel, tenant.id().toString());
        redis.publish(channel, tenant.id() + " -1");
        redis.publish(channel, "not-a-tenant 0");
        // a message of the right form published after the others, so once it evicts the others were read
        var other = TestTenant.create("shred-marker");
        var otherAdmin = other.admin();
        String marker = uploaded(otherAdmin);
        assertEquals(CONTENT, otherAdmin.get(marker).body());
        shredRowsAsAnotherServer(other.id());
        redis.publish(channel, other.id() + " 0");
        Eventually.await(
                Duration.ofSeconds(5),
                () -> otherAdmin.get(marker).statusCode(),
                s -> s != 200,
                "the marker tenant's eviction");

        var still = admin.get(content);
        assertEquals(200, still.statusCode(), still.body());
        assertEquals(CONTENT, still.body());
    }

    private String uploaded(ApiClient admin) {
        var created = DocumentUploads.created(
                admin, DocumentUploads.of("shred", "text/plain", CONTENT.getBytes(StandardCharsets.UTF_8)));
        return DOCUMENTS + "/" + created.getString("id") + "/content";
    }

    /** This server subscribes within seconds of its start; a subscriber count of one or more shows it has. */
    private void awaitSubscribed() {
        Eventually.await(
                Duration.ofSeconds(30),
                () -> redis.publish(channel, "ping"),
                receivers -> receivers >= 1,
                "the server to subscribe to key evictions");
    }

    /** What {@code KekStore.shred} does to the database on the other server. */
    private void shredRowsAsAnotherServer(UUID tenantId) throws SQLException {
        try (var c = services.database();
                var s = c.prepareStatement("delete from lotabots.data_key where tenant_id = ?")) {
            s.setObject(1, tenantId);
            assertTrue(s.executeUpdate() >= 1, "the tenant had data keys");
        }
    }
}
