package io.postage.testkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.GeneralCodingRules;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The arrows between Postage modules, as ArchUnit rules over a {@link ModuleLayout}:
 * <ul>
 * <li>the API depends on {@code java.*} (and {@code javax.net.ssl}, for TLS settings) and itself only: no
 *     provider, no third-party package;</li>
 * <li>a provider depends on no other provider and on the API's exported packages only;</li>
 * <li>an {@code internal} package is used only inside its own module;</li>
 * <li>modules form no cycle;</li>
 * <li>library code neither writes to {@code System.out}/{@code System.err} nor calls
 *     {@code printStackTrace}, and throws no generic exceptions;</li>
 * <li>library code reads no Java serialization and uses no polymorphic JSON typing, through which a
 *     message could make the receiver build classes of the sender's choosing.</li>
 * </ul>
 *
 * {@snippet :
 * JavaClasses classes = new ClassFileImporter().importPackages("io.postage");
 * for (ArchRule rule : PostageArchitecture.rules(ModuleLayout.postage())) {
 *     rule.check(classes);
 * }
 * }
 */
public final class PostageArchitecture {

    private PostageArchitecture() {
    }

    /**
     * @param layout which packages form which module
     * @return every rule
     */
    public static List<ArchRule> rules(ModuleLayout layout) {
        return List.of(
                apiDependsOnTheJdkOnly(layout),
                providersDependOnNoOtherProvider(layout),
                internalPackagesStayInsideTheirModule(layout),
                modulesFormNoCycle(layout),
                libraryCodeDoesNotPrint(layout),
                libraryCodeThrowsNoGenericExceptions(layout),
                libraryCodeUsesNoDeserializationOfArbitraryTypes(layout));
    }

    /**
     * @param layout which packages form which module
     * @return the API depends on {@code java.*} and its own packages only
     */
    public static ArchRule apiDependsOnTheJdkOnly(ModuleLayout layout) {
        return ArchRuleDefinition.classes().that(inApi(layout))
                .should(haveNoDependency("depend only on the JDK and the API itself", (origin, target) ->
                        !target.isPrimitive() && !target.getPackageName().startsWith("java.")
                                && !target.getPackageName().equals("javax.net.ssl")
                                && !layout.isApi(target.getPackageName())));
    }

    /**
     * @param layout which packages form which module
     * @return no provider depends on another provider
     */
    public static ArchRule providersDependOnNoOtherProvider(ModuleLayout layout) {
        return ArchRuleDefinition.classes().that(inProvider(layout))
                .should(haveNoDependency("depend on no other provider module", (origin, target) ->
                        layout.isProvider(target.getPackageName()) && !sameModule(layout, origin, target)));
    }

    /**
     * @param layout which packages form which module
     * @return no class uses an {@code internal} package of another module
     */
    public static ArchRule internalPackagesStayInsideTheirModule(ModuleLayout layout) {
        return ArchRuleDefinition.classes()
                .should(haveNoDependency("use internal packages of their own module only", (origin, target) ->
                        layout.isInternal(target.getPackageName()) && !sameModule(layout, origin, target)));
    }

    /**
     * @param layout which packages form which module
     * @return the modules' dependencies form no cycle
     */
    public static ArchRule modulesFormNoCycle(ModuleLayout layout) {
        return SlicesRuleDefinition.slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                return layout.moduleRootOf(javaClass.getPackageName())
                        .map(SliceIdentifier::of)
                        .orElseGet(SliceIdentifier::ignore);
            }

            @Override
            public String getDescription() {
                return "Postage modules";
            }
        }).should().beFreeOfCycles();
    }

    /**
     * @param layout which packages form which module
     * @return library code neither prints to the standard streams nor calls {@code printStackTrace}
     */
    public static ArchRule libraryCodeDoesNotPrint(ModuleLayout layout) {
        return noClasses().that(inLibrary(layout))
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .because("library code logs through System.Logger");
    }

    /**
     * @param layout which packages form which module
     * @return library code throws precise exceptions, never {@code Exception}, {@code RuntimeException}
     *     or {@code Throwable} themselves
     */
    public static ArchRule libraryCodeThrowsNoGenericExceptions(ModuleLayout layout) {
        return noClasses().that(inLibrary(layout)).should(GeneralCodingRules.THROW_GENERIC_EXCEPTIONS);
    }

    /**
     * @param layout which packages form which module
     * @return library code uses no {@code ObjectInputStream}/{@code ObjectInput} or {@code XMLDecoder} (Java
     *     deserialization, including {@code readObject} methods), no Jackson default typing
     *     ({@code activateDefaultTyping*}, {@code enableDefaultTyping*}, {@code setDefaultTyping}) or
     *     {@code @JsonTypeInfo}/{@code @JsonSubTypes}, and no Gson {@code RuntimeTypeAdapterFactory}
     */
    public static ArchRule libraryCodeUsesNoDeserializationOfArbitraryTypes(ModuleLayout layout) {
        return ArchRuleDefinition.classes().that(inLibrary(layout))
                .should(haveNoDependency("read no Java serialization and use no polymorphic JSON typing",
                        (origin, target) -> DESERIALIZING_TYPES.contains(target.getName())
                                || target.getSimpleName().equals("RuntimeTypeAdapterFactory")))
                .andShould(new ArchCondition<>("call no Jackson default typing") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        origin.getMethodCallsFromSelf().stream()
                                .filter(call -> call.getTargetOwner().getPackageName().startsWith("com.fasterxml.jackson")
                                        && DEFAULT_TYPING_METHODS.contains(call.getName()))
                                .forEach(call -> events.add(SimpleConditionEvent.violated(call, call.getDescription())));
                    }
                });
    }

    private static final Set<String> DESERIALIZING_TYPES = Set.of("java.io.ObjectInputStream", "java.io.ObjectInput",
            "java.beans.XMLDecoder", "com.fasterxml.jackson.annotation.JsonTypeInfo",
            "com.fasterxml.jackson.annotation.JsonSubTypes");
    private static final Set<String> DEFAULT_TYPING_METHODS = Set.of("activateDefaultTyping",
            "activateDefaultTypingAsProperty", "enableDefaultTyping", "enableDefaultTypingAsProperty", "setDefaultTyping");

    private static DescribedPredicate<JavaClass> inApi(ModuleLayout layout) {
        return DescribedPredicate.describe("are in the API module " + layout.apiRoot(),
                javaClass -> layout.isApi(javaClass.getPackageName()));
    }

    private static DescribedPredicate<JavaClass> inProvider(ModuleLayout layout) {
        return DescribedPredicate.describe("are in a provider module " + layout.providerRoots(),
                javaClass -> layout.isProvider(javaClass.getPackageName()));
    }

    private static DescribedPredicate<JavaClass> inLibrary(ModuleLayout layout) {
        return DescribedPredicate.describe("are in a Postage library module",
                javaClass -> layout.isLibrary(javaClass.getPackageName()));
    }

    private static boolean sameModule(ModuleLayout layout, JavaClass origin, JavaClass target) {
        return layout.moduleRootOf(origin.getPackageName()).equals(layout.moduleRootOf(target.getPackageName()));
    }

    private static ArchCondition<JavaClass> haveNoDependency(String description,
            BiPredicate<JavaClass, JavaClass> forbidden) {
        return new ArchCondition<>(description) {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    if (forbidden.test(origin, target)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /**
     * Checks every rule and collects all violations into one error.
     *
     * @param layout which packages form which module
     * @param classes the classes to check
     * @throws AssertionError listing every violation
     */
    public static void check(ModuleLayout layout, JavaClasses classes) {
        StringBuilder failures = new StringBuilder();
        for (ArchRule rule : rules(layout)) {
            EvaluationResult result = rule.evaluate(classes);
            if (result.hasViolation()) {
                failures.append(result.getFailureReport()).append(System.lineSeparator());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.toString());
        }
    }
}
