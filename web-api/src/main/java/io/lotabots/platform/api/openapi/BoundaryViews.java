package io.lotabots.platform.api.openapi;

import static io.lotabots.platform.api.openapi.Schemas.arrayOf;
import static io.lotabots.platform.api.openapi.Schemas.freeForm;
import static io.lotabots.platform.api.openapi.Schemas.integer;
import static io.lotabots.platform.api.openapi.Schemas.object;
import static io.lotabots.platform.api.openapi.Schemas.ordered;
import static io.lotabots.platform.api.openapi.Schemas.ref;
import static io.lotabots.platform.api.openapi.Schemas.string;

import io.lotabots.attestation.entity.AttestationType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * The attestation views of the EJB module, which Liberty's scanner does not see (it indexes the web
 * module only): their schemas, and the places where the web module's own types hold them.
 */
final class BoundaryViews {

    static final String ATTESTATION_VIEW = "AttestationView";
    private static final String REVIEW_VIEW = "ReviewView";
    private static final String POLICY_REF = "PolicyRef";

    private BoundaryViews() {}

    static Map<String, Schema> all() {
        var views = new LinkedHashMap<String, Schema>();
        views.put(ATTESTATION_VIEW, attestationView());
        views.put(REVIEW_VIEW, reviewView());
        views.put(POLICY_REF, policyRef());
        return views;
    }

    /**
     * Points the scanned records that hold views (a page, a review history) at their schemas. The
     * model's property maps are read-only views: properties are replaced through {@code addProperty}.
     */
    static void link(Components components) {
        var schemas = components.getSchemas();
        if (schemas == null) {
            return;
        }
        itemsOf(schemas.get("AttestationList"), "items", ATTESTATION_VIEW);
        itemsOf(schemas.get("ReviewHistory"), "history", REVIEW_VIEW);
        var history = schemas.get("ReviewHistory");
        if (history != null
                && history.getProperties() != null
                && history.getProperties().containsKey("current")) {
            history.addProperty("current", nullable(ref(REVIEW_VIEW)));
        }
    }

    private static void itemsOf(Schema holder, String property, String view) {
        if (holder != null
                && holder.getProperties() != null
                && holder.getProperties().containsKey(property)) {
            holder.addProperty(property, arrayOf(ref(view), null));
        }
    }

    private static Schema attestationView() {
        var properties = new LinkedHashMap<String, Schema>();
        properties.put("id", string(null).format("uuid"));
        // every type the enum declares, so a new type reaches the contract without an edit here
        properties.put(
                "type",
                string("The kind of evidence")
                        .enumeration(Arrays.stream(AttestationType.values())
                                .<Object>map(Enum::name)
                                .toList()));
        properties.put(
                "status",
                string("PENDING and PROCESSING until verified")
                        .enumeration(List.<Object>of("PENDING", "PROCESSING", "VERIFIED", "REJECTED", "FAILED")));
        properties.put(
                "verdict",
                string("Once VERIFIED or REJECTED, in EAR's words")
                        .enumeration(List.<Object>of("AFFIRMING", "WARNING", "CONTRAINDICATED")));
        properties.put("reasons", arrayOf(string(null), "Reason codes of failed checks"));
        properties.put("checks", arrayOf(freeForm(null), "Every check: name, outcome, reason, detail"));
        properties.put("claims", freeForm("What the evidence proved"));
        properties.put("policy", ref(POLICY_REF));
        properties.put("token", string("The signed EAR result (JWT, ES256; keys at /.well-known/jwks.json)"));
        properties.put("submittedAt", string(null).format("date-time"));
        properties.put("completedAt", string(null).format("date-time"));
        properties.put(
                "deviceId",
                nullable(string("The enrolled device the evidence named").format("uuid")));
        properties.put("evidenceDigest", string("SHA-256 of the evidence document, hex"));
        properties.put("failureReason", string("Why the job FAILED"));
        properties.put("review", ref(REVIEW_VIEW));
        return object(List.of("id", "type", "status", "submittedAt"), properties)
                .description("An attestation job and, once final, its appraisal");
    }

    private static Schema reviewView() {
        return object(
                        List.of("decision", "reviewer", "reviewedAt"),
                        ordered(
                                "decision", string(null).enumeration(List.<Object>of("ACCEPTED", "FLAGGED")),
                                "justification", string(null),
                                "reviewer", string("The reviewer's user id"),
                                "reviewerName", string(null),
                                "reviewedAt", string(null).format("date-time")))
                .description("A compliance officer's or administrator's review of an outcome");
    }

    private static Schema policyRef() {
        return object(
                        List.of("name", "version"),
                        ordered("name", string(null), "version", integer("Versions never change")))
                .description("The policy version a job was pinned to at submission");
    }

    private static Schema nullable(Schema schema) {
        return schema.addType(SchemaType.NULL);
    }
}
