package cn.hrss.assessment;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The top-level packages are features (STYLE.md "Our layout") and form layers: {@code codes}, {@code web},
 * {@code workflow} at the bottom, {@code identity}, {@code calendar}, {@code notification}, {@code registry} above
 * them, the procedures ({@code filing}, {@code discipline}, {@code lifecycle}, {@code complaint},
 * {@code supervision}) on top. A cycle between two packages means neither can be understood, tested or changed
 * without the other; this test names the classes that close one.
 */
class ModularityTest {

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("cn.hrss.assessment");

  @Test
  void featurePackagesDependOnEachOtherWithoutACycle() {
    slices().matching("cn.hrss.assessment.(*)..").should().beFreeOfCycles().check(MAIN);
  }
}
