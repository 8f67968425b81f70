package io.lotabots.devservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChaosControlServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private UppercasingServer upstream;
    private ToggleableTcpProxy redis;
    private ToggleableTcpProxy s3;
    private ChaosControlServer control;

    @BeforeEach
    void start() throws Exception {
        upstream = new UppercasingServer();
        redis = ToggleableTcpProxy.start("redis", upstream.address());
        s3 = ToggleableTcpProxy.start("s3", upstream.address());
        control = ChaosControlServer.start(Map.of("redis", redis, "s3", s3));
    }

    @AfterEach
    void stop() throws IOException {
        control.close();
        redis.close();
        s3.close();
        upstream.close();
    }

    @Test
    void postDownTakesOnlyThatDependencyDown() throws Exception {
        HttpResponse<String> response = send("POST", "redis/down");

        assertEquals(200, response.statusCode());
        assertEquals("{\"redis\":\"down\",\"s3\":\"up\"}", response.body());
        assertFalse(redis.isUp());
        assertTrue(s3.isUp());
    }

    @Test
    void postUpBringsItBack() throws Exception {
        send("POST", "s3/down");

        HttpResponse<String> response = send("POST", "s3/up");

        assertEquals(200, response.statusCode());
        assertTrue(s3.isUp());
    }

    @Test
    void getOfRootReportsEveryProxy() throws Exception {
        redis.down();

        HttpResponse<String> response = send("GET", "");

        assertEquals(200, response.statusCode());
        assertEquals("{\"redis\":\"down\",\"s3\":\"up\"}", response.body());
    }

    @Test
    void rejectsGetOnASwitchWithoutSwitching() throws Exception {
        assertEquals(405, send("GET", "redis/down").statusCode());
        assertTrue(redis.isUp());
    }

    @Test
    void rejectsUnknownDependencyAndUnknownAction() throws Exception {
        assertEquals(404, send("POST", "postgres/down").statusCode());
        assertEquals(404, send("POST", "redis/sideways").statusCode());
        assertEquals(404, send("POST", "redis/down/now").statusCode());
        assertTrue(redis.isUp());
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(control.url().resolve(URI.create(path)))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
