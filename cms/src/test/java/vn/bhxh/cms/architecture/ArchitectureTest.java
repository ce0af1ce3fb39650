package vn.bhxh.cms.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.base.DescribedPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.stereotype.Controller;

/**
 * The shape of the application: feature packages that do not depend on each other in a circle, and controllers (API
 * and pages alike) that reach data only through their feature's service, so every rule the service holds (scopes,
 * four eyes, self-lockout, download counting) holds for both front ends.
 */
class ArchitectureTest {

    private static JavaClasses cms;

    @BeforeAll
    static void importClasses() {
        cms = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("vn.bhxh.cms");
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("vn.bhxh.cms.(*)..").should().beFreeOfCycles().check(cms);
    }

    @Test
    void controllersReachNoStore() {
        noClasses().that(controllers()).should().dependOnClassesThat().haveSimpleNameEndingWith("Store").check(cms);
    }

    @Test
    void controllersReachNoElasticsearch() {
        noClasses().that(controllers()).should().dependOnClassesThat().areAssignableTo(ElasticsearchOperations.class)
                .orShould().dependOnClassesThat().resideInAPackage("co.elastic.clients..")
                .check(cms);
    }

    /** API and page controllers: marked as controllers (directly or through @RestController, @PageController) or so named. */
    private static DescribedPredicate<JavaClass> controllers() {
        return DescribedPredicate.describe("are controllers",
                c -> c.isMetaAnnotatedWith(Controller.class) || c.isAnnotatedWith(Controller.class)
                        || c.getSimpleName().endsWith("Controller"));
    }
}
