package io.lotabots.platform.api;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Every JAX-RS resource method of the compiled API with the roles it declares, read by reflection
 * from the classes the build just compiled, exactly as the server will see them.
 */
final class AccessMatrix {

    private static final List<String> METHOD_ORDER =
            List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    /** Resource methods that declare no roles at all, as "Class#method". */
    final List<String> undeclared = new ArrayList<>();

    final List<Endpoint> endpoints = new ArrayList<>();

    static AccessMatrix of(Path classesDirectory) {
        var matrix = new AccessMatrix();
        String base = ApiApplication.class.getAnnotation(ApplicationPath.class).value();
        resourceClasses(classesDirectory).forEach(type -> matrix.add(base, type));
        matrix.endpoints.sort(
                Comparator.comparing(Endpoint::path).thenComparing(e -> METHOD_ORDER.indexOf(e.method())));
        matrix.undeclared.sort(Comparator.naturalOrder());
        return matrix;
    }

    private void add(String base, Class<?> type) {
        String classPath = type.getAnnotation(jakarta.ws.rs.Path.class).value();
        for (Method method : type.getMethods()) {
            var httpMethod = httpMethod(method);
            if (httpMethod.isEmpty()) {
                continue;
            }
            var methodPath = Optional.ofNullable(method.getAnnotation(jakarta.ws.rs.Path.class))
                    .map(jakarta.ws.rs.Path::value)
                    .orElse("");
            String declaredIn = type.getSimpleName() + "#" + method.getName();
            boolean isPublic = declares(method, type, PermitAll.class);
            Set<String> roles = roles(method, type);
            if (!isPublic && roles == null && !declares(method, type, DenyAll.class)) {
                undeclared.add(declaredIn);
            }
            endpoints.add(new Endpoint(
                    httpMethod.get(),
                    join(base, classPath, methodPath),
                    body(method, type),
                    isPublic,
                    roles == null || isPublic ? Set.of() : roles,
                    declaredIn));
        }
    }

    /** The method's own annotation wins over the class's, as in Jakarta Annotations §3.6. */
    private static boolean declares(Method method, Class<?> type, Class<? extends java.lang.annotation.Annotation> a) {
        if (hasAnySecurityAnnotation(method)) {
            return method.isAnnotationPresent(a);
        }
        return type.isAnnotationPresent(a);
    }

    private static Set<String> roles(Method method, Class<?> type) {
        AnnotatedElement source = hasAnySecurityAnnotation(method) ? method : type;
        var allowed = source.getAnnotation(RolesAllowed.class);
        return allowed == null ? null : new TreeSet<>(Arrays.asList(allowed.value()));
    }

    private static boolean hasAnySecurityAnnotation(AnnotatedElement element) {
        return element.isAnnotationPresent(RolesAllowed.class)
                || element.isAnnotationPresent(PermitAll.class)
                || element.isAnnotationPresent(DenyAll.class);
    }

    private static Optional<String> httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                .filter(java.util.Objects::nonNull)
                .map(HttpMethod::value)
                .findFirst();
    }

    private static String body(Method method, Class<?> type) {
        var consumes = Optional.ofNullable(method.getAnnotation(Consumes.class))
                .or(() -> Optional.ofNullable(type.getAnnotation(Consumes.class)));
        if (consumes.isEmpty()) {
            return Endpoint.NO_BODY;
        }
        var mediaTypes = List.of(consumes.get().value());
        if (mediaTypes.contains(MediaType.APPLICATION_FORM_URLENCODED)) {
            return "form";
        }
        return mediaTypes.contains(MediaType.APPLICATION_JSON) ? "JSON" : String.join(", ", mediaTypes);
    }

    /** Joins path segments; a template's regular expression ({id: [0-9]+}) is shown as {id}. */
    static String join(String... segments) {
        var joined = String.join("/", segments)
                .replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}")
                .replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    static Stream<Class<?>> resourceClasses(Path root) {
        try (var files = Files.walk(root)) {
            return files
                    .map(root::relativize)
                    .map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> name.substring(0, name.length() - ".class".length())
                            .replace(java.io.File.separatorChar, '.'))
                    .sorted()
                    .<Class<?>>map(AccessMatrix::load)
                    .filter(type -> type.isAnnotationPresent(jakarta.ws.rs.Path.class))
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, AccessMatrix.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
