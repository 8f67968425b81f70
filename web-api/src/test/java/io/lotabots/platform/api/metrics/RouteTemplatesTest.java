package io.lotabots.platform.api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.lotabots.platform.api.ApiApplication;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTemplatesTest {

    private final RouteTemplates templates = new RouteTemplates(ApiApplication.class);

    @Path("widgets")
    static class Widgets {
        @GET
        public String list() {
            return "";
        }

        @GET
        @Path("{id}")
        public String one(@PathParam("id") String id) {
            return id;
        }

        @GET
        @Path("/{id: [0-9a-f-]+}/parts/{ part : \\d+ }/")
        public String part(@PathParam("id") String id, @PathParam("part") int part) {
            return id;
        }
    }

    /** What a CDI container may hand JAX-RS: a subclass without the (not inherited) class-level @Path. */
    static class WidgetsProxy extends Widgets {}

    @ApplicationPath("/")
    static class RootApplication {}

    @Test
    void joinsTheApplicationClassAndMethodPaths() {
        assertEquals("/api/v1/widgets", templates.of(Widgets.class, method("list")));
        assertEquals("/api/v1/widgets/{id}", templates.of(Widgets.class, method("one")));
    }

    @Test
    void leavesParameterPatternsAndStraySlashesOut() {
        assertEquals("/api/v1/widgets/{id}/parts/{part}", templates.of(Widgets.class, method("part")));
    }

    @Test
    void findsTheClassPathOnASuperclass() {
        assertEquals("/api/v1/widgets/{id}", templates.of(WidgetsProxy.class, method("one")));
    }

    @Test
    void aRequestThatMatchedNothingIsUnmatched() {
        assertSame(RouteTemplates.UNMATCHED, templates.of(null, null));
        assertSame(RouteTemplates.UNMATCHED, templates.of(Widgets.class, null));
    }

    @Test
    void anApplicationAtTheRootAddsNoPrefix() {
        assertEquals("/widgets/{id}", new RouteTemplates(RootApplication.class).of(Widgets.class, method("one")));
    }

    @Test
    void distinctIdsShareOneTemplate() {
        // the label comes from the annotations, so whatever ids requests carry, the set stays one
        var seen = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            seen.add(templates.of(Widgets.class, method("one")));
        }
        assertEquals(Set.of("/api/v1/widgets/{id}"), seen);
    }

    private static Method method(String name) {
        for (Method m : Widgets.class.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new AssertionError(name);
    }
}
