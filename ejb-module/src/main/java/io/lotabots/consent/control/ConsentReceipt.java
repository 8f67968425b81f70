package io.lotabots.consent.control;

import io.lotabots.platform.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/**
 * A consent receipt after the Kantara Initiative's Consent Receipt Specification v1.1: what the subject agreed
 * to (or withdrew), with whom, under which policy, when. LotaBots' own facts (state, policy version, how it
 * was collected) are in the {@code lotabots} member, which the specification's readers ignore.
 */
public final class ConsentReceipt {

    public static final String VERSION = "KI-CR-v1.1.0";

    private ConsentReceipt() {}

    /** The facts one receipt states. */
    public record Facts(
            UUID receiptId,
            Instant at,
            String jurisdiction,
            String subject,
            String controller,
            String controllerContact,
            String purposeCode,
            String purposeName,
            String legalBasis,
            boolean granted,
            int policyVersion,
            String policyUrl,
            String collectionMethod) {}

    public static JsonObject of(Facts f) {
        var purpose = Json.createObjectBuilder()
                .add("purpose", f.purposeName())
                .add("purposeCategory", Json.createArrayBuilder().add(f.purposeCode()))
                .add("consentType", "EXPLICIT")
                .add("piiCategory", Json.createArrayBuilder().add("identity and activity records"))
                .add("primaryPurpose", true)
                .add("termination", "until withdrawn by the data subject")
                .add("thirdPartyDisclosure", false);
        return Json.createObjectBuilder()
                .add("version", VERSION)
                .add("jurisdiction", f.jurisdiction())
                .add("consentTimestamp", f.at().getEpochSecond())
                .add("collectionMethod", f.collectionMethod())
                .add("consentReceiptID", f.receiptId().toString())
                .add("language", "en")
                .add("piiPrincipalId", f.subject())
                .add(
                        "piiControllers",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("piiController", f.controller())
                                        .add("contact", f.controllerContact())
                                        .add("onBehalf", false)))
                .add("policyUrl", f.policyUrl())
                .add(
                        "services",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("service", "LotaBots")
                                        .add(
                                                "purposes",
                                                Json.createArrayBuilder().add(purpose))))
                .add("sensitive", false)
                .add("spiCat", Json.createArrayBuilder())
                .add(
                        "lotabots",
                        Json.createObjectBuilder()
                                .add("state", f.granted() ? "granted" : "withdrawn")
                                .add("purposeCode", f.purposeCode())
                                .add("legalBasis", f.legalBasis())
                                .add("policyVersion", f.policyVersion())
                                .add("recordedAt", f.at().toString()))
                .build();
    }

    /** Where a policy version can be read when the tenant published no URL of its own. */
    public static String policyUrn(String purposeCode, int version) {
        return "urn:lotabots:consent:" + purposeCode + ":policy:" + version;
    }
}
