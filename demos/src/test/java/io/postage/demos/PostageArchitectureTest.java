package io.postage.demos;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.postage.testkit.architecture.ModuleLayout;
import io.postage.testkit.architecture.PostageArchitecture;
import org.junit.jupiter.api.Test;

/** Postage's own library modules keep every architecture rule. */
class PostageArchitectureTest {

    private static final JavaClasses POSTAGE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.postage");

    @Test
    void everyLibraryModuleIsOnTheClassPathToBeChecked() {
        assertThat(POSTAGE.stream().map(JavaClass::getPackageName).distinct())
                .contains("io.postage", "io.postage.spi", "io.postage.internal",
                        "io.postage.codec.json.internal", "io.postage.scheduler.internal",
                        "io.postage.amqp091.internal");
    }

    @Test
    void postageModulesKeepEveryArchitectureRule() {
        PostageArchitecture.check(ModuleLayout.postage(), POSTAGE);
    }
}
