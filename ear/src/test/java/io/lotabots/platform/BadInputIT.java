package io.lotabots.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.RawHttp;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Every kind of hostile or broken input the platform has been sent, byte for byte: each must get a
 * precise 4xx application/problem+json naming the field, parameter or header at fault, with no
 * exception text, and must change nothing (no row, no S3 object, no audit event). Add a case for
 * every new endpoint.
 */
class BadInputIT {

    private static final String NUL = "\\u0000";
    private static TestTenant tenant;
    private static String bearer;
    private static String operatorBearer;

    @BeforeAll
    static void tenant() {
        tenant = TestTenant.create("bad-input");
        bearer = "Bearer " + tenant.administrator().tokens().getString("access_token");
        operatorBearer = "Bearer "
                + ApiClient.login(ApiClient.PLATFORM, ApiClient.OPERATOR, ApiClient.OPERATOR_PASSWORD)
                        .getString("access_token");
    }

    /** One request and what it must be answered with: the status and the field, parameter or header named. */
    record Case(
            String name,
            String method,
            String target,
            Map<String, String> headers,
            byte[] body,
            int status,
            String field) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        var cases = new ArrayList<Case>();
        // NUL in any JSON string (PostgreSQL refuses it in text)
        cases.add(json(
                "NUL in an API-key name",
                "/api/v1/identity/api-keys",
                "{\"name\":\"a" + NUL + "b\",\"roles\":[\"DEVELOPER\"]}",
                "name"));
        cases.add(json(
                "NUL in a review justification",
                "/api/v1/attestations/" + UUID.randomUUID() + "/review",
                "{\"decision\":\"FLAGGED\",\"justification\":\"x" + NUL + "\"}",
                "justification"));
        cases.add(json(
                "NUL in a role name",
                "/api/v1/identity/api-keys",
                "{\"name\":\"k\",\"roles\":[\"DEVELOPER" + NUL + "\"]}",
                "roles[0]"));
        cases.add(json(
                "NUL in a user's password",
                "/api/v1/identity/users",
                "{\"username\":\"nul\",\"password\":\"long enough passphrase" + NUL + "\",\"roles\":[\"AUDITOR\"]}",
                "password"));
        cases.add(json(
                "NUL in a member name",
                "/api/v1/identity/api-keys",
                "{\"name\":\"k\",\"roles\":[\"DEVELOPER\"],\"x" + NUL + "\":1}",
                "x\uFFFD"));
        cases.add(json(
                "NUL in a hardware submission",
                "/api/v1/attestations/hardware",
                "{\"nonce\":\"00" + NUL + "\"}",
                "nonce"));
        cases.add(json(
                "NUL in a device enrollment",
                "/api/v1/devices",
                "{\"name\":\"d" + NUL + "\",\"akPublicArea\":\"AA==\"}",
                "name"));
        cases.add(json(
                "NUL in a policy", "/api/v1/attestations/hardware/policies", "{\"name\":\"p" + NUL + "\"}", "name"));
        cases.add(json(
                "NUL in a login",
                "/api/v1/auth/login",
                "{\"tenant\":\"x" + NUL + "\",\"username\":\"u\",\"password\":\"p\"}",
                "tenant"));
        // lone surrogates, invalid UTF-8, trailing bytes
        cases.add(json(
                "a lone high surrogate",
                "/api/v1/identity/api-keys",
                "{\"name\":\"\\ud800\",\"roles\":[\"DEVELOPER\"]}",
                "name"));
        cases.add(json(
                "a lone low surrogate",
                "/api/v1/identity/api-keys",
                "{\"name\":\"\\udc00\",\"roles\":[\"DEVELOPER\"]}",
                "name"));
        cases.add(new Case(
                "invalid UTF-8",
                "POST",
                "/api/v1/identity/api-keys",
                auth("Content-Type", "application/json"),
                new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'},
                400,
                "body"));
        cases.add(json(
                "data after the JSON document",
                "/api/v1/identity/api-keys",
                "{\"name\":\"k\",\"roles\":[\"DEVELOPER\"]} x",
                "body"));
        cases.add(json(
                "a second JSON document",
                "/api/v1/identity/api-keys",
                "{\"name\":\"k\",\"roles\":[\"DEVELOPER\"]}{}",
                "body"));
        // instants PostgreSQL cannot store
        cases.add(json(
                "an API key expiring in year 999999999",
                "/api/v1/identity/api-keys",
                "{\"name\":\"far\",\"roles\":[\"DEVELOPER\"],\"expiresAt\":\"+999999999-12-31T23:59:59Z\"}",
                "expiresAt"));
        cases.add(json(
                "an API key expiring in year -999999999",
                "/api/v1/identity/api-keys",
                "{\"name\":\"past\",\"roles\":[\"DEVELOPER\"],\"expiresAt\":\"-999999999-01-01T00:00:00Z\"}",
                "expiresAt"));
        cases.add(get(
                "attestations from year -999999999", "/api/v1/attestations?from=-999999999-01-01T00:00:00Z", "from"));
        cases.add(get("attestations to year 999999999", "/api/v1/attestations?to=%2B999999999-12-31T23:59:59Z", "to"));
        cases.add(get(
                "audit events from year -999999999", "/api/v1/audit/events?from=-999999999-01-01T00:00:00Z", "from"));
        cases.add(get("audit events to year 999999999", "/api/v1/audit/events?to=%2B999999999-12-31T23:59:59Z", "to"));
        // query parameters
        cases.add(get("actor=%00 on audit events", "/api/v1/audit/events?actor=%00", "actor"));
        cases.add(get("a malformed escape in a query", "/api/v1/audit/events?action=%zz", "action"));
        cases.add(get("limit=abc on users", "/api/v1/identity/users?limit=abc", "limit"));
        cases.add(get("review=maybe on attestations", "/api/v1/attestations?review=maybe", "review"));
        cases.add(get("days=abc on attestation stats", "/api/v1/attestations/stats?days=abc", "days"));
        cases.add(get("days=0 on attestation stats", "/api/v1/attestations/stats?days=0", "days"));
        cases.add(get("days=367 on attestation stats", "/api/v1/attestations/stats?days=367", "days"));
        cases.add(get("limit=abc on API keys", "/api/v1/identity/api-keys?limit=abc", "limit"));
        cases.add(get("limit=abc on devices", "/api/v1/devices?limit=abc", "limit"));
        cases.add(get("limit=abc on policies", "/api/v1/attestations/hardware/policies?limit=abc", "limit"));
        cases.add(get("limit=abc on model policies", "/api/v1/attestations/models/policies?limit=abc", "limit"));
        // model policies
        cases.add(json(
                "NUL in a model policy",
                "/api/v1/attestations/models/policies",
                "{\"name\":\"p" + NUL + "\"}",
                "name"));
        cases.add(json(
                "a model policy key that is no PEM",
                "/api/v1/attestations/models/policies",
                "{\"name\":\"p\",\"trustedKeys\":[\"not a key\"]}",
                "trustedKeys[0]"));
        cases.add(json(
                "a model policy format the scanner does not know",
                "/api/v1/attestations/models/policies",
                "{\"name\":\"p\",\"allowedFormats\":[\"exe\"]}",
                "allowedFormats[0]"));
        // model attestation submissions
        String models = "/api/v1/attestations/models";
        cases.add(json("a model attestation without modelId", models, "{}", "modelId"));
        cases.add(json("a modelId that is no UUID", models, "{\"modelId\":\"abc\"}", "modelId"));
        cases.add(json("a modelId that is a number", models, "{\"modelId\":42}", "modelId"));
        cases.add(json(
                "a model attestation policy that is no string",
                models,
                "{\"modelId\":\"0192f3a4-5b6c-7d8e-9f01-23456789abcd\",\"policy\":7}",
                "policy"));
        // an unknown policy needs a model of the tenant first: ModelAttestationIT
        cases.add(json(
                "an unknown field in a model attestation",
                models,
                "{\"modelId\":\"0192f3a4-5b6c-7d8e-9f01-23456789abcd\",\"nonce\":\"ab\"}",
                "nonce"));
        cases.add(json("a JSON array as a model attestation", models, "[1,2]", "body"));
        cases.add(new Case(
                "a model that is not the tenant's",
                "POST",
                models,
                auth("Content-Type", "application/json"),
                bytes("{\"modelId\":\"0192f3a4-5b6c-7d8e-9f01-23456789abcd\"}"),
                422,
                "modelId"));
        cases.add(get("limit=0 on users", "/api/v1/identity/users?limit=0", "limit"));
        cases.add(get("limit=1000 on API keys", "/api/v1/identity/api-keys?limit=1000", "limit"));
        cases.add(get("an unknown key state", "/api/v1/keys?state=OLD", "state"));
        // hardware submissions that are no submission
        cases.add(json("a JSON array as hardware evidence", "/api/v1/attestations/hardware", "[1,2]", "body"));
        cases.add(new Case(
                "multipart without a boundary",
                "POST",
                "/api/v1/attestations/hardware",
                auth("Content-Type", "multipart/form-data"),
                bytes("hello"),
                400,
                "Content-Type"));
        cases.add(new Case(
                "a body that is not multipart",
                "POST",
                "/api/v1/attestations/hardware",
                auth("Content-Type", "multipart/form-data; boundary=xyz"),
                bytes("hello"),
                400,
                null));
        cases.add(new Case(
                "a part without a name",
                "POST",
                "/api/v1/attestations/hardware",
                auth("Content-Type", "multipart/form-data; boundary=xyz"),
                bytes("--xyz\r\nContent-Disposition: form-data\r\n\r\nvalue\r\n--xyz--\r\n"),
                400,
                "parts[0]"));
        cases.add(new Case(
                "a nonce size that wraps around int",
                "POST",
                "/api/v1/attestations/hardware/nonces",
                auth("Content-Type", "application/json"),
                bytes("{\"size\":4294967304}"),
                400,
                "size"));
        // models: multipart uploads and their lists
        cases.add(new Case(
                "a model upload without a boundary",
                "POST",
                "/api/v1/models",
                auth("Content-Type", "multipart/form-data"),
                bytes("hello"),
                400,
                "Content-Type"));
        cases.add(new Case(
                "a model upload that is not multipart",
                "POST",
                "/api/v1/models",
                auth("Content-Type", "multipart/form-data; boundary=xyz"),
                bytes("hello"),
                400,
                null));
        cases.add(new Case(
                "a model upload part without a name",
                "POST",
                "/api/v1/models",
                auth("Content-Type", "multipart/form-data; boundary=xyz"),
                bytes("--xyz\r\nContent-Disposition: form-data\r\n\r\nvalue\r\n--xyz--\r\n"),
                400,
                "parts[0]"));
        cases.add(new Case(
                "a model upload with an unknown part",
                "POST",
                "/api/v1/models",
                auth("Content-Type", "multipart/form-data; boundary=xyz"),
                bytes("--xyz\r\nContent-Disposition: form-data; name=\"policy\"\r\n\r\nx\r\n--xyz--\r\n"),
                400,
                "policy"));
        cases.add(new Case(
                "a model upload with neither name nor content",
                "POST",
                "/api/v1/models",
                auth("Content-Type", "multipart/form-data; boundary=xyz"),
                bytes("--xyz--\r\n"),
                400,
                "name"));
        cases.add(new Case(
                "a model name that is not UTF-8",
                "POST",
                "/api/v1/models",
                auth("Content-Type", "multipart/form-data; boundary=xyz"),
                concat(
                        bytes("--xyz\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n"),
                        new byte[] {(byte) 0xff, (byte) 0xfe},
                        bytes("\r\n--xyz--\r\n")),
                400,
                "name"));
        cases.add(new Case(
                "a model file name with a path",
                "POST",
                "/api/v1/models",
                auth("Content-Type", "multipart/form-data; boundary=xyz"),
                bytes("--xyz\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nm\r\n"
                        + "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../etc/x\"\r\n\r\n"
                        + "data\r\n--xyz--\r\n"),
                400,
                "file"));
        cases.add(new Case(
                "a model body cut before its closing boundary",
                "POST",
                "/api/v1/models",
                auth("Content-Type", "multipart/form-data; boundary=xyz"),
                bytes("--xyz\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nm\r\n"
                        + "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.bin\"\r\n\r\n"
                        + "data that never ends"),
                400,
                "body"));
        cases.add(get("limit=abc on models", "/api/v1/models?limit=abc", "limit"));
        cases.add(get("limit=0 on models", "/api/v1/models?limit=0", "limit"));
        cases.add(new Case(
                "a model cursor that is no cursor", "GET", "/api/v1/models?cursor=!!!", auth(), null, 400, null));
        // documents: multipart uploads, lists, ids, versions, merge patches
        String documents = "/api/v1/documents";
        String someDocument = documents + "/" + UUID.randomUUID();
        String metadata = "--xyz\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n";
        String file = "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"d.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n";
        var multipart = auth("Content-Type", "multipart/form-data; boundary=xyz");
        cases.add(new Case(
                "a document upload without a boundary",
                "POST",
                documents,
                auth("Content-Type", "multipart/form-data"),
                bytes("x"),
                400,
                "Content-Type"));
        cases.add(new Case(
                "a document upload that is not multipart", "POST", documents, multipart, bytes("hello"), 400, null));
        cases.add(new Case(
                "a document upload without metadata",
                "POST",
                documents,
                multipart,
                bytes(file + "data\r\n--xyz--\r\n"),
                400,
                "metadata"));
        cases.add(new Case(
                "document metadata that is not JSON",
                "POST",
                documents,
                multipart,
                bytes(metadata + "title=x\r\n" + file + "data\r\n--xyz--\r\n"),
                400,
                "metadata"));
        cases.add(new Case(
                "document metadata without a title",
                "POST",
                documents,
                multipart,
                bytes(metadata + "{\"tags\":[\"a\"]}\r\n" + file + "data\r\n--xyz--\r\n"),
                400,
                "metadata.title"));
        cases.add(new Case(
                "document attributes that are no object",
                "POST",
                documents,
                multipart,
                bytes(metadata + "{\"title\":\"t\",\"attributes\":[1]}\r\n" + file + "data\r\n--xyz--\r\n"),
                400,
                "metadata.attributes"));
        cases.add(new Case(
                "NUL in document attributes",
                "POST",
                documents,
                multipart,
                bytes(metadata + "{\"title\":\"t\",\"attributes\":{\"a\":\"" + NUL + "\"}}\r\n" + file
                        + "data\r\n--xyz--\r\n"),
                400,
                "metadata.attributes"));
        cases.add(new Case(
                "a document upload without a file",
                "POST",
                documents,
                multipart,
                bytes(metadata + "{\"title\":\"t\"}\r\n--xyz--\r\n"),
                400,
                "file"));
        cases.add(new Case(
                "a document upload with an unknown part",
                "POST",
                documents,
                multipart,
                bytes("--xyz\r\nContent-Disposition: form-data; name=\"owner\"\r\n\r\nx\r\n--xyz--\r\n"),
                400,
                "owner"));
        cases.add(new Case(
                "a document file name with a path",
                "POST",
                documents,
                multipart,
                bytes(metadata + "{\"title\":\"t\"}\r\n"
                        + "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../etc/x\"\r\n\r\n"
                        + "data\r\n--xyz--\r\n"),
                400,
                "file"));
        cases.add(new Case(
                "a document file with a malformed Content-Type",
                "POST",
                documents,
                multipart,
                bytes(metadata + "{\"title\":\"t\"}\r\n"
                        + "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"d\"\r\n"
                        + "Content-Type: not a type\r\n\r\ndata\r\n--xyz--\r\n"),
                400,
                "Content-Type"));
        cases.add(new Case(
                "a document body cut before its closing boundary",
                "POST",
                documents,
                multipart,
                bytes(metadata + "{\"title\":\"t\"}\r\n" + file + "data that never ends"),
                400,
                "body"));
        cases.add(get("limit=0 on documents", documents + "?limit=0", "limit"));
        cases.add(get("an unknown document sort", documents + "?sort=size", "sort"));
        cases.add(get("document attributes that are not JSON", documents + "?attributes=year", "attributes"));
        cases.add(get(
                "a document creation bound that is no instant", documents + "?createdFrom=yesterday", "createdFrom"));
        cases.add(get("a document tag with a control character", documents + "?tag=a%01b", "tag"));
        cases.add(new Case(
                "a document cursor that is no cursor", "GET", documents + "?cursor=!!!", auth(), null, 400, null));
        cases.add(new Case(
                "a title-order cursor on the creation order",
                "GET",
                documents + "?cursor="
                        + java.util.Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(
                                        ("t\n" + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                auth(),
                null,
                400,
                null));
        cases.add(new Case("a document id that is no UUID", "GET", documents + "/abc", auth(), null, 404, null));
        cases.add(new Case("document content of no UUID", "GET", documents + "/abc/content", auth(), null, 404, null));
        cases.add(
                new Case("document versions of no UUID", "GET", documents + "/abc/versions", auth(), null, 404, null));
        cases.add(new Case(
                "a document version 0", "GET", someDocument + "/versions/0/content", auth(), null, 400, "number"));
        cases.add(new Case(
                "a document version that is no number",
                "GET",
                someDocument + "/versions/x/content",
                auth(),
                null,
                400,
                "number"));
        cases.add(new Case("deleting no UUID", "DELETE", documents + "/abc", auth(), null, 404, null));
        cases.add(new Case(
                "new content for no UUID",
                "PUT",
                documents + "/abc/content",
                auth("Content-Type", "text/plain", "If-Match", "\"1\""),
                bytes("x"),
                404,
                null));
        cases.add(new Case(
                "a merge patch that is an array",
                "PATCH",
                someDocument,
                auth("Content-Type", "application/merge-patch+json", "If-Match", "\"1\""),
                bytes("[1]"),
                400,
                "body"));
        cases.add(new Case(
                "a merge patch that is not JSON",
                "PATCH",
                someDocument,
                auth("Content-Type", "application/merge-patch+json", "If-Match", "\"1\""),
                bytes("{title"),
                400,
                null));
        // resource quotas
        cases.add(new Case(
                "quotas without a body",
                "PUT",
                "/api/v1/resources/quotas",
                auth("Content-Type", "application/json"),
                bytes("{}"),
                400,
                "storedModelBytes"));
        cases.add(new Case(
                "a negative quota",
                "PUT",
                "/api/v1/resources/quotas",
                auth("Content-Type", "application/json"),
                bytes("{\"storedModelBytes\": -1, \"concurrentJobs\": 1, \"cpuSecondsPerDay\": 1}"),
                400,
                "storedModelBytes"));
        cases.add(new Case(
                "a quota that is no whole number",
                "PUT",
                "/api/v1/resources/quotas",
                auth("Content-Type", "application/json"),
                bytes("{\"storedModelBytes\": \"lots\", \"concurrentJobs\": 1, \"cpuSecondsPerDay\": 1}"),
                400,
                null));
        cases.add(new Case(
                "a quota past 2^53",
                "PUT",
                "/api/v1/resources/quotas",
                auth("Content-Type", "application/json"),
                bytes("{\"storedModelBytes\": 9007199254740992, \"concurrentJobs\": 1, \"cpuSecondsPerDay\": 1}"),
                400,
                "storedModelBytes"));
        cases.add(new Case(
                "data after a quota document",
                "PUT",
                "/api/v1/resources/quotas",
                auth("Content-Type", "application/json"),
                bytes("{\"storedModelBytes\": 1, \"concurrentJobs\": 1, \"cpuSecondsPerDay\": 1} x"),
                400,
                "body"));
        cases.add(new Case(
                "a platform quota with a NUL",
                "PUT",
                "/api/v1/platform/tenants/" + UUID.randomUUID() + "/quotas",
                asOperator("Content-Type", "application/json"),
                bytes("{\"storedModelBytes\": 1, \"concurrentJobs\": 1, \"cpuSecondsPerDay\": 1, \"x" + NUL + "\": 1}"),
                400,
                "x\uFFFD"));
        // consent
        cases.add(new Case(
                "a purpose without fields",
                "POST",
                "/api/v1/privacy/purposes",
                auth("Content-Type", "application/json"),
                bytes("{}"),
                400,
                "code"));
        cases.add(new Case(
                "a purpose on a legal basis that does not exist",
                "POST",
                "/api/v1/privacy/purposes",
                auth("Content-Type", "application/json"),
                bytes("{\"code\": \"ok-code\", \"name\": \"n\", \"description\": \"d\", \"legalBasis\": \"whim\","
                        + " \"policyText\": \"t\"}"),
                400,
                "legalBasis"));
        cases.add(new Case(
                "a consent without a subject",
                "POST",
                "/api/v1/privacy/consents",
                auth("Content-Type", "application/json"),
                bytes("{\"purpose\": \"p\", \"granted\": true}"),
                400,
                "subject"));
        cases.add(new Case(
                "a consent subject of 201 characters",
                "POST",
                "/api/v1/privacy/consents",
                auth("Content-Type", "application/json"),
                bytes("{\"subject\": \"" + "s".repeat(201) + "\", \"purpose\": \"p\", \"granted\": true}"),
                400,
                "subject"));
        cases.add(get("from=yesterday on consents", "/api/v1/privacy/consents?from=yesterday", "from"));
        cases.add(get("state=maybe on consents", "/api/v1/privacy/consents?state=maybe", "state"));
        cases.add(get("limit=0 on consent records", "/api/v1/privacy/consent-records?limit=0", "limit"));
        cases.add(new Case(
                "a consent-record cursor that is no cursor",
                "GET",
                "/api/v1/privacy/consent-records?cursor=!!!",
                auth(),
                null,
                400,
                null));
        cases.add(new Case(
                "a legal hold of a scope that does not exist",
                "POST",
                "/api/v1/privacy/legal-holds",
                auth("Content-Type", "application/json"),
                bytes("{\"scope\": \"planet\", \"reason\": \"r\"}"),
                400,
                "scope"));
        cases.add(new Case(
                "an object hold whose objectId is no UUID",
                "POST",
                "/api/v1/privacy/legal-holds",
                auth("Content-Type", "application/json"),
                bytes("{\"scope\": \"object\", \"objectType\": \"document\", \"objectId\": \"12\","
                        + " \"reason\": \"r\"}"),
                400,
                "objectId"));
        cases.add(new Case(
                "a legal hold without a reason",
                "POST",
                "/api/v1/privacy/legal-holds",
                auth("Content-Type", "application/json"),
                bytes("{\"scope\": \"tenant\"}"),
                400,
                "reason"));
        cases.add(new Case(
                "a legal hold whose body is an array",
                "POST",
                "/api/v1/privacy/legal-holds",
                auth("Content-Type", "application/json"),
                bytes("[]"),
                400,
                null));
        // data-subject requests
        cases.add(new Case(
                "a data-subject request of a type that does not exist",
                "POST",
                "/api/v1/privacy/requests",
                auth("Content-Type", "application/json"),
                bytes("{\"type\": \"forget-me-not\", \"subject\": \"s\"}"),
                400,
                "type"));
        cases.add(new Case(
                "a data-subject request without a subject",
                "POST",
                "/api/v1/privacy/requests",
                auth("Content-Type", "application/json"),
                bytes("{\"type\": \"export\"}"),
                400,
                "subject"));
        cases.add(new Case(
                "a data-subject request for a subject the tenant does not know",
                "POST",
                "/api/v1/privacy/requests",
                auth("Content-Type", "application/json"),
                bytes("{\"type\": \"erasure\", \"subject\": \"" + UUID.randomUUID() + "\"}"),
                400,
                "subject"));
        cases.add(new Case(
                "an own rectification request",
                "POST",
                "/api/v1/privacy/me/requests",
                auth("Content-Type", "application/json"),
                bytes("{\"type\": \"rectification\"}"),
                400,
                "type"));
        cases.add(get("state=sleeping on data-subject requests", "/api/v1/privacy/requests?state=sleeping", "state"));
        cases.add(get("type=all on data-subject requests", "/api/v1/privacy/requests?type=all", "type"));
        cases.add(get("limit=0 on own data-subject requests", "/api/v1/privacy/me/requests?limit=0", "limit"));
        cases.add(new Case(
                "a data-subject request cursor that is no cursor",
                "GET",
                "/api/v1/privacy/requests?cursor=!!!",
                auth(),
                null,
                400,
                null));
        // the token endpoint
        cases.add(new Case(
                "client_id=%zz",
                "POST",
                "/api/v1/auth/token",
                Map.of("Content-Type", "application/x-www-form-urlencoded"),
                bytes("grant_type=client_credentials&client_id=%zz&client_secret=lbk_x"),
                400,
                "client_id"));
        cases.add(new Case(
                "Basic credentials whose user part holds %zz",
                "POST",
                "/api/v1/auth/token",
                Map.of(
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "Authorization",
                        "Basic " + base64("%zz:lbk_secret")),
                bytes("grant_type=client_credentials"),
                400,
                null));
        // malformed Basic headers on any path
        for (String header : List.of("Basic !!!", "Basic ", "Basic bm9jb2xvbg==")) {
            for (String path : List.of(
                    "/api/v1/identity/users",
                    "/api/v1/auth/token",
                    "/.well-known/jwks.json",
                    "/api/v1/no-such-path",
                    "/admin/",
                    "/admin/audit")) {
                cases.add(new Case(
                        "Authorization: " + header + " on " + path,
                        "GET",
                        path,
                        Map.of("Authorization", header),
                        null,
                        400,
                        "Authorization"));
            }
        }
        // what Liberty refuses in a path, and a Content-Type that is no media type
        for (String path : List.of(
                "/api/v1/identity/users/a%2Fb",
                "/api/v1/identity/users/%2e%2e",
                "/api/v1/%2e%2e/%2e%2e/admin/",
                "/api/v1/identity/users/a%5Cb",
                "/admin/a%2Fb",
                "/admin/%2e%2e/x",
                "/admin/a%5Cb")) {
            cases.add(new Case("path " + path, "GET", path, auth(), null, 400, "path"));
        }
        cases.add(new Case(
                "Content-Type: garbage",
                "POST",
                "/api/v1/identity/api-keys",
                auth("Content-Type", "garbage"),
                bytes("{}"),
                400,
                "Content-Type"));
        // the platform operator's endpoints
        cases.add(new Case(
                "NUL in a tenant name",
                "POST",
                "/api/v1/platform/tenants",
                asOperator("Content-Type", "application/json"),
                bytes("{\"name\":\"acme" + NUL + "\",\"adminUsername\":\"dana\"}"),
                400,
                "name"));
        cases.add(new Case(
                "data after a tenant document",
                "POST",
                "/api/v1/platform/tenants",
                asOperator("Content-Type", "application/json"),
                bytes("{\"name\":\"acme\",\"adminUsername\":\"dana\"} x"),
                400,
                "body"));
        cases.add(new Case(
                "limit=abc on tenants", "GET", "/api/v1/platform/tenants?limit=abc", asOperator(), null, 400, "limit"));
        cases.add(new Case(
                "a lockout address that is no address",
                "DELETE",
                "/api/v1/platform/lockouts/addresses/not-an-address",
                asOperator(),
                null,
                400,
                "address"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithAProblemNamingWhatIsWrongAndChangesNothing(Case c) throws SQLException {
        var before = state();

        var response = RawHttp.send(c.method(), c.target(), withToken(c.headers()), c.body());

        assertEquals(c.status(), response.status(), c + ": " + response.body());
        assertEquals("application/problem+json", response.mediaType(), c + ": " + response.body());
        assertFalse(response.headers().containsKey("$wsep"), "no $WSEP header: " + response.headers());
        assertNoExceptionText(response.body());
        JsonObject problem = json(response.body());
        assertEquals(c.status(), problem.getInt("status"));
        assertTrue(problem.getString("type").startsWith("https://lotabots.io/problems/"), problem.toString());
        if (c.field() != null) {
            var fields = problem.getJsonArray("errors").stream()
                    .map(e -> e.asJsonObject().getString("field"))
                    .toList();
            assertTrue(fields.contains(c.field()), c + ": " + c.field() + " not named in " + problem);
        }
        assertEquals(before, state(), c + " changed something");
    }

    /**
     * A NUL or a malformed escape in the path is refused by Liberty's web container before any
     * application is chosen (WebContainer.sendBadRequestResponse): a fixed 400 text/html page that
     * no configuration or error page changes. What the platform can promise, and this test holds it
     * to, is a 400 without exception text or internal headers that changes nothing.
     */
    @Test
    void aNulOrMalformedEscapeInThePathIsAPlain400FromLiberty() throws SQLException {
        for (String path : List.of("/api/v1/identity/users/a%00b", "/api/v1/identity/users/%zz")) {
            var before = state();

            var response = RawHttp.send("GET", path, withToken(auth()), null);

            assertEquals(400, response.status(), path + ": " + response.body());
            assertFalse(response.headers().containsKey("$wsep"), "no $WSEP header: " + response.headers());
            for (String leak : List.of("Exception", "\tat ", "SRVE")) {
                assertFalse(response.body().contains(leak), "no '" + leak + "' in the answer: " + response.body());
            }
            assertEquals(before, state(), path + " changed something");
        }
    }

    @Test
    void wellFormedBasicCredentialsStillReachTheTokenEndpoint() {
        var response = RawHttp.send(
                "POST",
                "/api/v1/auth/token",
                Map.of(
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "Authorization",
                        "Basic " + base64(UUID.randomUUID() + ":lbk_unknown")),
                bytes("grant_type=client_credentials"));

        assertEquals(401, response.status(), response.body());
        assertEquals(
                "https://lotabots.io/problems/invalid-client",
                json(response.body()).getString("type"));
    }

    @Test
    void aGoodSmallNonceSizeIsStillIssued() {
        var response = RawHttp.send(
                "POST",
                "/api/v1/attestations/hardware/nonces",
                withToken(auth("Content-Type", "application/json")),
                bytes("{\"size\": 8}"));

        assertEquals(201, response.status(), response.body());
        assertEquals(16, json(response.body()).getString("nonce").length());
    }

    private static void assertNoExceptionText(String body) {
        for (String leak : List.of("Exception", "\tat ", "SRVE", "CWWWC", "<html", "<H1>")) {
            assertFalse(body.contains(leak), "no '" + leak + "' in the answer: " + body);
        }
    }

    // --- the state that must not change ---

    private static final List<String> TENANT_TABLES = List.of(
            "api_key",
            "attestation",
            "attestation_review",
            "audit_event",
            "auth_session",
            "device",
            "hardware_policy",
            "hardware_policy_version",
            "models",
            "documents",
            "document_uploads",
            "resource_quota",
            "storage_reservation",
            "resource_allocation",
            "resource_slot",
            "resource_cpu_charge",
            "model_policy",
            "model_policy_version",
            "user_account");

    /** Row counts of the tenant's tables, the platform-wide ones, and the S3 objects of jobs. */
    private static Map<String, Long> state() throws SQLException {
        var counts = new LinkedHashMap<String, Long>();
        try (var db = new DevServicesReport().database()) {
            for (String table : TENANT_TABLES) {
                try (var q = db.prepareStatement("select count(*) from lotabots." + table + " where tenant_id = ?")) {
                    q.setObject(1, tenant.id());
                    try (var rs = q.executeQuery()) {
                        rs.next();
                        counts.put(table, rs.getLong(1));
                    }
                }
            }
            for (String sql : List.of(
                    "select count(*) from lotabots.tenant",
                    "select count(*) from lotabots.api_key",
                    "select count(*) from lotabots.audit_event where tenant_id = '00000000-0000-0000-0000-000000000000'")) {
                try (var rs = db.createStatement().executeQuery(sql)) {
                    rs.next();
                    counts.put(sql, rs.getLong(1));
                }
            }
        }
        counts.put("s3 attestations/", objects("attestations/" + tenant.id() + "/"));
        counts.put("s3 models/", objects("models/" + tenant.id() + "/"));
        counts.put("s3 documents/", objects("documents/" + tenant.id() + "/"));
        return counts;
    }

    private static long objects(String prefix) {
        var services = new DevServicesReport();
        try (var s3 = S3Client.builder()
                .endpointOverride(URI.create(services.get("lotabots.s3.endpoint")))
                .region(Region.of(services.get("lotabots.s3.region")))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        services.get("lotabots.s3.access-key"), services.get("lotabots.s3.secret-key"))))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build()) {
            return s3.listObjectsV2Paginator(b -> b.bucket("lotabots").prefix(prefix)).contents().stream()
                    .count();
        }
    }

    // --- building requests ---

    private static Case json(String name, String path, String body, String field) {
        return new Case(name, "POST", path, auth("Content-Type", "application/json"), bytes(body), 400, field);
    }

    private static Case get(String name, String target, String field) {
        return new Case(name, "GET", target, auth(), null, 400, field);
    }

    /** Headers that ask for the platform operator's token (filled in when sent). */
    private static Map<String, String> asOperator(String... headers) {
        var map = auth(headers);
        map.put("Authorization", "<operator>");
        return map;
    }

    /** Headers that ask for the tenant administrator's token (filled in when sent: the tenant exists only then). */
    private static Map<String, String> auth(String... headers) {
        var map = new LinkedHashMap<String, String>();
        map.put("Authorization", "<bearer>");
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        return map;
    }

    private static Map<String, String> withToken(Map<String, String> headers) {
        var map = new LinkedHashMap<String, String>(headers);
        map.replaceAll((name, value) ->
                "<bearer>".equals(value) ? bearer : "<operator>".equals(value) ? operatorBearer : value);
        return map;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(bytes(text));
    }

    private static JsonObject json(String body) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
