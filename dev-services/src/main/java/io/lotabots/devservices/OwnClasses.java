package io.lotabots.devservices;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * Loads every class of this module up front. exec:java closes its class loader as soon as main returns, yet the
 * shutdown hook, the chaos proxies and the control server keep running afterwards and must not need it.
 */
final class OwnClasses {

    private OwnClasses() {}

    static void load() throws IOException, ClassNotFoundException {
        ClassLoader loader = OwnClasses.class.getClassLoader();
        for (String name : names()) {
            Class.forName(name, false, loader);
        }
    }

    private static List<String> names() throws IOException {
        Path source;
        try {
            source = Path.of(OwnClasses.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the dev-services classes", e);
        }
        String packagePath = OwnClasses.class.getPackageName().replace('.', '/') + "/";
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.walk(source.resolve(packagePath))) {
                return classNames(
                        files.map(file -> source.relativize(file).toString().replace('\\', '/')));
            }
        }
        try (JarFile jar = new JarFile(source.toFile())) {
            return classNames(jar.stream().map(ZipEntry::getName).filter(name -> name.startsWith(packagePath)));
        }
    }

    private static List<String> classNames(Stream<String> paths) {
        return paths.filter(path -> path.endsWith(".class") && !path.endsWith("package-info.class"))
                .map(path ->
                        path.substring(0, path.length() - ".class".length()).replace('/', '.'))
                .collect(Collectors.toList());
    }
}
