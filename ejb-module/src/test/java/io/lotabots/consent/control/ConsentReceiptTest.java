package io.lotabots.consent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConsentReceiptTest {

    private static final UUID ID = UUID.fromString("0193c1de-7f7a-7c43-9a55-2f1d2b7c1e01");

    @Test
    void aGrantHasTheKantaraMembers() {
        JsonObject receipt = ConsentReceipt.of(facts(true));

        assertEquals("KI-CR-v1.1.0", receipt.getString("version"));
        assertEquals("EU", receipt.getString("jurisdiction"));
        assertEquals(1_780_000_000L, receipt.getJsonNumber("consentTimestamp").longValue());
        assertEquals(ID.toString(), receipt.getString("consentReceiptID"));
        assertEquals("subject-1", receipt.getString("piiPrincipalId"));
        assertEquals(
                "acme", receipt.getJsonArray("piiControllers").getJsonObject(0).getString("piiController"));
        assertEquals("urn:lotabots:consent:research:policy:2", receipt.getString("policyUrl"));
        var purpose = receipt.getJsonArray("services")
                .getJsonObject(0)
                .getJsonArray("purposes")
                .getJsonObject(0);
        assertEquals("Research", purpose.getString("purpose"));
        assertEquals("research", purpose.getJsonArray("purposeCategory").getString(0));
        assertEquals("EXPLICIT", purpose.getString("consentType"));
        assertFalse(receipt.getBoolean("sensitive"));
        assertEquals("granted", receipt.getJsonObject("lotabots").getString("state"));
        assertEquals(2, receipt.getJsonObject("lotabots").getInt("policyVersion"));
    }

    @Test
    void aWithdrawalSaysSo() {
        assertEquals(
                "withdrawn",
                ConsentReceipt.of(facts(false)).getJsonObject("lotabots").getString("state"));
    }

    private static ConsentReceipt.Facts facts(boolean granted) {
        return new ConsentReceipt.Facts(
                ID,
                Instant.ofEpochSecond(1_780_000_000L),
                "EU",
                "subject-1",
                "acme",
                "dpo@acme.example",
                "research",
                "Research",
                "CONSENT",
                granted,
                2,
                ConsentReceipt.policyUrn("research", 2),
                "given by the data subject");
    }
}
