package io.lotabots.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Arrows point down: business components may use the platform and the audit trail, never the other
 * way round. A key rotation reaches the audit trail as a CDI event for this reason; a value both sides
 * need lives in the platform.
 */
class DependencyDirectionTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.lotabots");

    /** The platform is infrastructure: it knows no business component, the audit trail included. */
    static final ArchRule PLATFORM_KNOWS_NO_COMPONENT = noClasses()
            .that()
            .resideInAPackage("io.lotabots.platform..")
            .should()
            .dependOnClassesThat(resideInAPackage("io.lotabots..").and(not(resideInAPackage("io.lotabots.platform.."))))
            .because("shared infrastructure must not reach back up into a business component");

    /** The audit trail records every component's actions, so it can import none of them. */
    static final ArchRule AUDIT_KNOWS_NEITHER_IDENTITY_NOR_ATTESTATION = noClasses()
            .that()
            .resideInAPackage("io.lotabots.audit..")
            .should()
            .dependOnClassesThat(resideInAnyPackage("io.lotabots.identity..", "io.lotabots.attestation.."))
            .because("components tell the audit trail what happened; it never asks them");

    @Test
    void thePlatformDependsOnNoBusinessComponent() {
        PLATFORM_KNOWS_NO_COMPONENT.check(MAIN);
    }

    @Test
    void theAuditTrailDependsOnNeitherIdentityNorAttestation() {
        AUDIT_KNOWS_NEITHER_IDENTITY_NOR_ATTESTATION.check(MAIN);
    }

    @Test
    void theRulesCatchAnArrowTheWrongWay() {
        var wrongWay = new ClassFileImporter()
                .importClasses(io.lotabots.platform.WrongWayFixture.class, io.lotabots.audit.WrongWayFixture.class);

        assertThrows(AssertionError.class, () -> PLATFORM_KNOWS_NO_COMPONENT.check(wrongWay));
        assertThrows(AssertionError.class, () -> AUDIT_KNOWS_NEITHER_IDENTITY_NOR_ATTESTATION.check(wrongWay));
    }
}
