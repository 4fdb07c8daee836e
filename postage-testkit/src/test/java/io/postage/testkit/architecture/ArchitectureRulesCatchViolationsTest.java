package io.postage.testkit.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule, run on fixture classes that break it, must report the break: the rules can fail. */
class ArchitectureRulesCatchViolationsTest {

    private static final ModuleLayout FIXTURE_LAYOUT =
            new ModuleLayout("fixtures.arch.api", List.of("fixtures.arch.one", "fixtures.arch.two"), List.of());
    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages("fixtures.arch");

    @Test
    void apiRuleReportsAThirdPartyTypeAndAProviderTypeInTheApi() {
        assertThat(report(PostageArchitecture.apiDependsOnTheJdkOnly(FIXTURE_LAYOUT)))
                .contains("LeakyApi", "com.tngtech.archunit.core.domain.JavaClass", "fixtures.arch.one.OneApi")
                .doesNotContain("CleanApi.name");
    }

    @Test
    void providerRuleReportsAProviderUsingAnotherProvider() {
        assertThat(report(PostageArchitecture.providersDependOnNoOtherProvider(FIXTURE_LAYOUT)))
                .contains("OneImpl", "fixtures.arch.two.TwoApi");
    }

    @Test
    void internalRuleReportsAProviderUsingTheApisInternals() {
        assertThat(report(PostageArchitecture.internalPackagesStayInsideTheirModule(FIXTURE_LAYOUT)))
                .contains("OneImpl", "fixtures.arch.api.internal.ApiHelper")
                .doesNotContain("CleanApi.name");
    }

    @Test
    void cycleRuleReportsTheApiAndAProviderDependingOnEachOther() {
        assertThat(report(PostageArchitecture.modulesFormNoCycle(FIXTURE_LAYOUT)))
                .contains("fixtures.arch.api", "fixtures.arch.one");
    }

    @Test
    void printingRuleReportsSystemOutAndPrintStackTrace() {
        assertThat(report(PostageArchitecture.libraryCodeDoesNotPrint(FIXTURE_LAYOUT)))
                .contains("TwoApi.misbehave", "System.out", "printStackTrace");
    }

    @Test
    void genericExceptionRuleReportsARuntimeExceptionThrown() {
        assertThat(report(PostageArchitecture.libraryCodeThrowsNoGenericExceptions(FIXTURE_LAYOUT)))
                .contains("TwoApi.misbehave", "RuntimeException");
    }

    @Test
    void deserializationRuleReportsJavaSerializationDefaultTypingTypeInfoAndRuntimeTypeAdapters() {
        assertThat(report(PostageArchitecture.libraryCodeUsesNoDeserializationOfArbitraryTypes(FIXTURE_LAYOUT)))
                .contains("TwoCodec.javaSerialization", "java.io.ObjectInputStream")
                .contains("TwoCodec.defaultTyping", "activateDefaultTyping")
                .contains("TwoCodec.payload", "JsonTypeInfo")
                .contains("TwoCodec.gsonRuntimeTypes", "RuntimeTypeAdapterFactory")
                .doesNotContain("TwoCodec.plainMapper");
    }

    @Test
    void checkCollectsTheViolationsOfEveryRule() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PostageArchitecture.check(FIXTURE_LAYOUT, FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyApi")
                .hasMessageContaining("printStackTrace");
    }

    private static String report(ArchRule rule) {
        EvaluationResult result = rule.evaluate(FIXTURES);
        assertThat(result.hasViolation()).as("rule %s reports a violation", rule.getDescription()).isTrue();
        return result.getFailureReport().toString();
    }
}
