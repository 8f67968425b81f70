package io.lotabots.attestation;

import static io.lotabots.attestation.HardwareCalls.POLICIES;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A submission pins the latest version of its policy, also right after a change: the server remembers
 * pins for a moment (PolicyPins), and a change forgets them when it commits.
 */
class PolicyPinningIT {

    private static TestTenant tenant;
    private static ApiClient admin;

    @BeforeAll
    static void tenant() {
        AttestationApi.awaitApplication();
        tenant = TestTenant.create("policy-pins");
        admin = tenant.admin();
    }

    // Each change follows the submission before it at once, well within the pins' one-second memory;
    // the verdicts, which record the pinned versions, are awaited only at the end.

    @Test
    void aSubmissionRightAfterAnUpdatePinsTheNewVersion() {
        String name = uniqueName();
        create(admin, name);
        String first = submit(admin, name);
        update(admin, name, 1);
        String second = submit(admin, name);
        update(admin, name, 2);
        String third = submit(admin, name);
        String fourth = submit(admin, name);

        assertEquals(1, pinnedVersion(admin, first, name));
        assertEquals(2, pinnedVersion(admin, second, name));
        assertEquals(3, pinnedVersion(admin, third, name));
        assertEquals(3, pinnedVersion(admin, fourth, name));
    }

    @Test
    void aPolicyDeletedAfterItWasPinnedIsRefusedAtOnce() {
        String name = uniqueName();
        create(admin, name);
        String pinned = submit(admin, name);
        assertEquals(204, admin.delete(POLICIES + "/" + name, "\"1\"").statusCode());
        long rowsBefore = AttestationApi.rows(tenant.id());

        var refused = AttestationApi.submit(admin, evidence(AttestationApi.nonce(admin), name));

        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals(
                "policy",
                ApiClient.json(refused).getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(rowsBefore, AttestationApi.rows(tenant.id()));
        assertEquals(1, pinnedVersion(admin, pinned, name));
    }

    @Test
    void aRecreatedPolicyIsPinnedAtItsNewVersion() {
        String name = uniqueName();
        create(admin, name);
        update(admin, name, 1);
        String before = submit(admin, name);
        assertEquals(204, admin.delete(POLICIES + "/" + name, "\"2\"").statusCode());
        create(admin, name);
        String after = submit(admin, name);

        assertEquals(2, pinnedVersion(admin, before, name));
        assertEquals(3, pinnedVersion(admin, after, name));
    }

    @Test
    void tenantsWithAPolicyOfTheSameNameEachPinTheirOwn() {
        String name = uniqueName();
        var other = TestTenant.create("policy-pins-other").admin();
        create(admin, name);
        update(admin, name, 1);
        create(other, name);
        String mine = submit(admin, name);
        String theirs = submit(other, name);
        update(other, name, 1);
        String mineAgain = submit(admin, name);
        String theirsAgain = submit(other, name);

        assertEquals(2, pinnedVersion(admin, mine, name));
        assertEquals(1, pinnedVersion(other, theirs, name));
        assertEquals(2, pinnedVersion(admin, mineAgain, name));
        assertEquals(2, pinnedVersion(other, theirsAgain, name));
    }

    private static String uniqueName() {
        return "pins-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void create(ApiClient api, String name) {
        var body = Json.createObjectBuilder()
                .add("name", name)
                .add("pcrSelection", "sha256:0-7")
                .build();
        var created = api.postJson(POLICIES, body.toString());
        assertEquals(201, created.statusCode(), created.body());
    }

    private static void update(ApiClient api, String name, int expectedVersion) {
        var body = Json.createObjectBuilder().add("pcrSelection", "sha256:0-7").build();
        var updated = api.putJson(POLICIES + "/" + name, body.toString(), "\"" + expectedVersion + "\"");
        assertEquals(200, updated.statusCode(), updated.body());
    }

    /** Submits evidence naming the policy; the location of the accepted submission. */
    private static String submit(ApiClient api, String policy) {
        return AttestationApi.accepted(AttestationApi.submit(api, evidence(AttestationApi.nonce(api), policy)));
    }

    /** The policy version the submission's verdict records. */
    private static int pinnedVersion(ApiClient api, String location, String name) {
        JsonObject result = AttestationApi.awaitVerdict(api, location);
        assertEquals(name, result.getJsonObject("policy").getString("name"));
        return result.getJsonObject("policy").getInt("version");
    }

    private static JsonObject evidence(byte[] nonce, String policy) {
        return AttestationApi.meaninglessEvidence(nonce).add("policy", policy).build();
    }
}
