package io.lotabots.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container (Arquillian): the {@code ModelTree} a verifier gets for a stored model, from the application's
 * deployed {@code ModelRecords} EJB (looked up by its global name, called by reflection, so its classes stay
 * the EAR's): files sorted by path with the digests of the upload, whole files, and ranges read from S3.
 */
@ExtendWith(ArquillianExtension.class)
class ModelTreeInContainerIT {

    private static final String RECORDS =
            "java:global/lotabots/lotabots-ejb/ModelRecords!io.lotabots.model.boundary.ModelRecords";

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "model-tree-it.war")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @ArquillianResource
    URL base;

    @Test
    void aStoredDirectoryReadsBackAsTheVerifiersTreeWithWholeFilesAndRanges() throws Exception {
        byte[] weights = new byte[9 * 1024 * 1024 + 17];
        new Random(9).nextBytes(weights);
        var zip = new ByteArrayOutputStream();
        try (var out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("z-last.json"));
            out.write("{}".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("a/weights.bin"));
            out.write(weights);
            out.putNextEntry(new ZipEntry("empty.txt"));
        }
        String[] uploaded = upload(zip.toByteArray());
        UUID tenant = UUID.fromString(uploaded[0]);
        UUID model = UUID.fromString(uploaded[1]);

        Object tree = call(
                new InitialContext().lookup(RECORDS), "tree", new Class<?>[] {UUID.class, UUID.class}, tenant, model);

        List<?> files = (List<?>) call(tree, "files", new Class<?>[0]);
        assertEquals(
                List.of("a/weights.bin", "empty.txt", "z-last.json"),
                files.stream().map(f -> (String) property(f, "path")).toList());
        assertEquals((long) weights.length, property(files.get(0), "size"));
        assertEquals(sha256(weights), property(files.get(0), "sha256"));
        assertArrayEquals(weights, read(call(tree, "open", new Class<?>[] {String.class}, "a/weights.bin")));
        assertArrayEquals(
                Arrays.copyOfRange(weights, 8_388_600, 8_388_700),
                read(call(
                        tree,
                        "open",
                        new Class<?>[] {String.class, long.class, long.class},
                        "a/weights.bin",
                        8_388_600L,
                        8_388_700L)));
        assertArrayEquals(new byte[0], read(call(tree, "open", new Class<?>[] {String.class}, "empty.txt")));
        assertArrayEquals(
                new byte[0],
                read(call(tree, "open", new Class<?>[] {String.class, long.class, long.class}, "z-last.json", 1L, 1L)));
        var outOfRange = assertThrows(
                InvocationTargetException.class,
                () -> raw(tree, "open", new Class<?>[] {String.class, long.class, long.class}, "z-last.json", 0L, 3L));
        assertTrue(
                outOfRange.getCause() instanceof IndexOutOfBoundsException,
                outOfRange.getCause().toString());
        var missing = assertThrows(
                InvocationTargetException.class, () -> raw(tree, "open", new Class<?>[] {String.class}, "nope"));
        assertTrue(
                missing.getCause() instanceof FileNotFoundException,
                missing.getCause().toString());
        var foreign = assertThrows(
                InvocationTargetException.class,
                () -> raw(
                        new InitialContext().lookup(RECORDS),
                        "tree",
                        new Class<?>[] {UUID.class, UUID.class},
                        UUID.randomUUID(),
                        model));
        assertEquals("Refusal", foreign.getCause().getClass().getSimpleName());
    }

    /** Uploads as the bootstrap administrator; returns the tenant id and the model id. */
    private String[] upload(byte[] zip) throws Exception {
        var http = HttpClient.newHttpClient();
        String root = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
        var login = http.send(
                HttpRequest.newBuilder(URI.create(root + "/api/v1/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"tenant\":\"default\",\"username\":\"admin\","
                                + "\"password\":\"integration-tests-only-Admin-Pass\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String token = json(login.body(), "access_token");
        String boundary = "tree-" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\ntree\r\n--"
                        + boundary + "\r\nContent-Disposition: form-data; name=\"archive\"; filename=\"m.zip\"\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(zip);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        var created = http.send(
                HttpRequest.newBuilder(URI.create(root + "/api/v1/models"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        String me = http.send(
                        HttpRequest.newBuilder(URI.create(root + "/api/v1/resources/quotas"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return new String[] {json(me, "tenantId"), json(created.body(), "id")};
    }

    private static String json(String body, String member) {
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(body))) {
            return reader.readObject().getString(member);
        }
    }

    private static byte[] read(Object stream) throws Exception {
        try (var in = (InputStream) stream) {
            return in.readAllBytes();
        }
    }

    private static Object call(Object target, String name, Class<?>[] types, Object... arguments) throws Exception {
        try {
            return raw(target, name, types, arguments);
        } catch (InvocationTargetException e) {
            throw new AssertionError(name + " failed", e.getCause());
        }
    }

    private static Object raw(Object target, String name, Class<?>[] types, Object... arguments) throws Exception {
        Method method = target.getClass().getMethod(name, types);
        method.setAccessible(true);
        return method.invoke(target, arguments);
    }

    private static Object property(Object target, String accessor) {
        try {
            Method method = target.getClass().getMethod(accessor);
            method.setAccessible(true);
            return method.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
