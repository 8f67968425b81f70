package io.lotabots.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.audit.control.PersonalValues.Party;
import io.lotabots.audit.control.PersonalValues.Stored;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PersonalValuesTest {

    private static final JsonObject ALICE = Json.createObjectBuilder()
            .add("actorName", "alice")
            .add("sourceIp", "203.0.113.7")
            .build();

    @Test
    void putsTheActorsValuesAndPersonalDetailsApartAndKeepsTheRestHashedAsItIs() {
        var details = Json.createObjectBuilder()
                .add("username", "bob")
                .add("title", "notes of alice")
                .add("roles", "ADMIN")
                .build();

        var split = PersonalValues.split("alice", "203.0.113.7", null, details, true);

        assertEquals(
                Json.createObjectBuilder(ALICE).add("title", "notes of alice").build(),
                split.actor().orElseThrow());
        assertEquals(
                Json.createObjectBuilder().add("username", "bob").build(),
                split.target().orElseThrow());
        assertEquals(Json.createObjectBuilder().add("roles", "ADMIN").build(), split.details());
    }

    @Test
    void withoutATargetPersonalDetailsGoToTheActorsPart() {
        var details = Json.createObjectBuilder().add("username", "mallory").build();

        var split = PersonalValues.split(null, null, null, details, false);

        assertEquals(details, split.actor().orElseThrow());
        assertTrue(split.target().isEmpty());
    }

    @Test
    void anEventWithoutPersonalValuesHasNoPartsAtAll() {
        var split = PersonalValues.split(null, null, null, null, true);

        assertTrue(split.actor().isEmpty());
        assertTrue(split.target().isEmpty());
        assertTrue(split.details().isEmpty());
    }

    @Test
    void theDigestIsAnHmacOfTheCanonicalValuesUnderThePartsSecret() {
        byte[] secret = new byte[PersonalValues.SECRET_BYTES];
        Arrays.fill(secret, (byte) 7);

        // python3: hmac.new(bytes([7] * 32), b'{"actorName":"alice","sourceIp":"203.0.113.7"}', sha256)
        assertEquals(
                "7e0ab3e25c942091b7a9799e9e34d9223184d30c8296d31f4ffa62b96114cbe6",
                HexFormat.of().formatHex(PersonalValues.digest(secret, ALICE)));
    }

    @Test
    void theSameValuesUnderAnotherSecretGiveAnotherDigest() {
        assertFalse(Arrays.equals(
                PersonalValues.digest(PersonalValues.newSecret(), ALICE),
                PersonalValues.digest(PersonalValues.newSecret(), ALICE)));
    }

    @Test
    void storedValuesThatMatchTheDigestAreFine() {
        byte[] secret = PersonalValues.newSecret();
        byte[] digest = PersonalValues.digest(secret, ALICE);

        assertEquals(
                Optional.empty(), PersonalValues.problem(Party.ACTOR, digest, Optional.of(new Stored(ALICE, secret))));
    }

    @Test
    void aChangedValueNoLongerMatches() {
        byte[] secret = PersonalValues.newSecret();
        byte[] digest = PersonalValues.digest(secret, ALICE);
        var changed =
                Json.createObjectBuilder(ALICE).add("sourceIp", "198.51.100.1").build();

        var problem = PersonalValues.problem(Party.ACTOR, digest, Optional.of(new Stored(changed, secret)));

        assertTrue(problem.orElseThrow().contains("differ"), problem.toString());
    }

    @Test
    void aChangedSecretNoLongerMatches() {
        byte[] digest = PersonalValues.digest(PersonalValues.newSecret(), ALICE);

        var problem =
                PersonalValues.problem(Party.ACTOR, digest, Optional.of(new Stored(ALICE, PersonalValues.newSecret())));

        assertTrue(problem.isPresent());
    }

    @Test
    void erasedValuesReadAsErasedNotAsTampering() {
        byte[] digest = PersonalValues.digest(PersonalValues.newSecret(), ALICE);
        var pseudonymised = Json.createObjectBuilder()
                .add("actorName", "erased-1")
                .add("sourceIp", "erased-1")
                .build();

        assertEquals(
                Optional.empty(),
                PersonalValues.problem(Party.ACTOR, digest, Optional.of(new Stored(pseudonymised, null))));
    }

    @Test
    void aMissingPartIsTamperingNotAnErasure() {
        byte[] digest = PersonalValues.digest(PersonalValues.newSecret(), ALICE);

        var problem = PersonalValues.problem(Party.TARGET, digest, Optional.empty());

        assertTrue(problem.orElseThrow().contains("target's personal values are missing"), problem.toString());
    }

    @Test
    void aPartWhereTheEventHasNoDigestWasAddedLater() {
        var problem =
                PersonalValues.problem(Party.ACTOR, null, Optional.of(new Stored(ALICE, PersonalValues.newSecret())));

        assertTrue(problem.orElseThrow().contains("added"), problem.toString());
        assertEquals(Optional.empty(), PersonalValues.problem(Party.ACTOR, null, Optional.empty()));
    }
}
