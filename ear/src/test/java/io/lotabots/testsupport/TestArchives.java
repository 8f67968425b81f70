package io.lotabots.testsupport;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Builds in-container test archives from the application's own classes and libraries. */
public final class TestArchives {

    private TestArchives() {}

    /** A WAR with CDI on, the application's persistence mapping and the given classes. */
    public static WebArchive war(String name, Class<?>... classes) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(classes)
                .addAsResource("in-container/persistence.xml", "META-INF/persistence.xml")
                .addAsResource(new File("../ejb-module/src/main/resources/META-INF/orm.xml"), "META-INF/orm.xml")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    /** The jars on this test's class path whose path contains one of the fragments (e.g. an AWS SDK group). */
    public static List<File> libraries(String... pathFragments) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.endsWith(".jar"))
                .filter(p -> Arrays.stream(pathFragments)
                        .anyMatch(f -> p.replace('\\', '/').contains(f)))
                .map(File::new)
                .toList();
    }
}
