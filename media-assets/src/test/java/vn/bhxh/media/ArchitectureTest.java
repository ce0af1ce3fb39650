package vn.bhxh.media;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The media-assets module's shape: its packages form no cycle, and its code uses none of our modules; only cms may depend on
 * the other modules.
 */
@AnalyzeClasses(packages = "vn.bhxh.media", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("vn.bhxh.media.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noOtherModuleOfOurs = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("vn.bhxh.cms..", "vn.bhxh.publisher..", "vn.bhxh.templates..", "vn.bhxh.elasticsearch..");
}
