package vn.bhxh.publisher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The publisher module's shape: its packages form no cycle (connectors depend on delivery, never the other way), and
 * its code uses none of our modules (elasticsearch-node only in its tests, as a real node to store jobs in); only cms
 * may depend on the other modules.
 */
@AnalyzeClasses(packages = "vn.bhxh.publisher", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("vn.bhxh.publisher.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noOtherModuleOfOurs = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("vn.bhxh.cms..", "vn.bhxh.templates..", "vn.bhxh.media..", "vn.bhxh.elasticsearch..");
}
