package io.lotabots.platform.api.metrics;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The route template of a resource method ({@code /api/v1/attestations/{id}}), from its {@code @Path}
 * annotations, never from the request's path: a metric label per raw path would grow with every id.
 * A parameter's regular expression is left out ({@code {id: [0-9]+}} becomes {@code {id}}).
 */
public final class RouteTemplates {

    /** The label of a request that matched no resource method (unknown path, preflight, refused before matching). */
    public static final String UNMATCHED = "unmatched";

    private static final Pattern PARAMETER_PATTERN = Pattern.compile("\\{\\s*([^}:\\s]+)\\s*:[^}]*}");
    private static final Pattern SLASHES = Pattern.compile("/{2,}");

    private final String applicationPath;
    private final Map<Method, String> known = new ConcurrentHashMap<>();

    public RouteTemplates(Class<?> application) {
        ApplicationPath path = application.getAnnotation(ApplicationPath.class);
        this.applicationPath = path == null ? "" : path.value();
    }

    /** The template of a matched resource method; {@link #UNMATCHED} when there is none. */
    public String of(Class<?> resource, Method method) {
        if (resource == null || method == null) {
            return UNMATCHED;
        }
        return known.computeIfAbsent(method, m -> join(applicationPath, classPath(resource), methodPath(m)));
    }

    static String join(String... parts) {
        String joined = "/" + String.join("/", parts);
        joined = SLASHES.matcher(joined).replaceAll("/");
        joined = PARAMETER_PATTERN.matcher(joined).replaceAll("{$1}");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** {@code @Path} is not inherited: a CDI proxy or subclass of the resource carries it on a superclass. */
    private static String classPath(Class<?> resource) {
        for (Class<?> c = resource; c != null && c != Object.class; c = c.getSuperclass()) {
            Path path = c.getAnnotation(Path.class);
            if (path != null) {
                return path.value();
            }
        }
        return "";
    }

    private static String methodPath(Method method) {
        Path path = method.getAnnotation(Path.class);
        return path == null ? "" : path.value();
    }
}
