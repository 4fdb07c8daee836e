package io.postage.testkit.architecture;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which root package belongs to which module: the API module, the provider modules (codecs,
 * transports, schedulers) and the application modules built on them (test kit, demos, benchmarks).
 * A class belongs to the module with the longest root that contains it. The API and the providers
 * are the library modules.
 *
 * @param apiRoot the API's root package, {@code io.postage}
 * @param providerRoots the providers' root packages, each possibly nested under the API root
 * @param applicationRoots the root packages of modules that use the library but are not part of it
 */
public record ModuleLayout(String apiRoot, List<String> providerRoots, List<String> applicationRoots) {

    /** Copies the roots. */
    public ModuleLayout {
        Objects.requireNonNull(apiRoot, "apiRoot");
        providerRoots = List.copyOf(providerRoots);
        applicationRoots = List.copyOf(applicationRoots);
    }

    /** @return Postage's own layout: the API, every provider module it ships and its application modules */
    public static ModuleLayout postage() {
        return new ModuleLayout("io.postage",
                List.of("io.postage.codec.json", "io.postage.scheduler", "io.postage.amqp091", "io.postage.amqp10"),
                List.of("io.postage.testkit", "io.postage.demos", "io.postage.benchmarks"));
    }

    /**
     * @param packageName a package
     * @return the root of the module the package belongs to, if any
     */
    public Optional<String> moduleRootOf(String packageName) {
        return Stream.of(Stream.of(apiRoot), providerRoots.stream(), applicationRoots.stream())
                .flatMap(roots -> roots)
                .filter(root -> isInside(packageName, root))
                .max(Comparator.comparingInt(String::length));
    }

    /**
     * @param packageName a package
     * @return whether it belongs to the API or a provider module
     */
    public boolean isLibrary(String packageName) {
        return isApi(packageName) || isProvider(packageName);
    }

    /**
     * @param packageName a package
     * @return whether it belongs to the API module
     */
    public boolean isApi(String packageName) {
        return moduleRootOf(packageName).filter(apiRoot::equals).isPresent();
    }

    /**
     * @param packageName a package
     * @return whether it belongs to one of the provider modules
     */
    public boolean isProvider(String packageName) {
        return moduleRootOf(packageName).filter(providerRoots::contains).isPresent();
    }

    /**
     * @param packageName a package
     * @return whether it is an {@code internal} package of its module, or below one
     */
    public boolean isInternal(String packageName) {
        return moduleRootOf(packageName)
                .filter(root -> isInside(packageName, root + ".internal"))
                .isPresent();
    }

    static boolean isInside(String packageName, String root) {
        return packageName.equals(root) || packageName.startsWith(root + ".");
    }
}
