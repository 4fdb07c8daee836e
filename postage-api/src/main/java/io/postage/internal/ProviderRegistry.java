package io.postage.internal;

import io.postage.ConfigurationException;
import io.postage.ProviderNotFoundException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The providers of one kind (codec, transport, scheduler) keyed by their stable id.
 *
 * @param <P> the provider type
 */
public final class ProviderRegistry<P> {
    private final String kind;
    private final Map<String, P> byId;
    private final Map<String, String> artifactsById;

    /**
     * @param kind what the providers are, for messages: {@code codec}, {@code transport}, {@code scheduler}
     * @param providers the providers found
     * @param idOf reads a provider's id
     * @param artifactsById for the ids Postage ships, the artifacts to add when one is missing
     * @throws ConfigurationException if two providers claim the same id
     */
    public ProviderRegistry(String kind, Iterable<? extends P> providers, Function<P, String> idOf,
            Map<String, String> artifactsById) {
        this.kind = kind;
        this.artifactsById = Map.copyOf(artifactsById);
        Map<String, P> found = new TreeMap<>();
        for (P provider : providers) {
            String id = Objects.requireNonNull(idOf.apply(provider), "provider id");
            P previous = found.putIfAbsent(id, provider);
            if (previous != null) {
                throw new ConfigurationException("Two " + kind + " providers claim the id \"" + id + "\": "
                        + previous.getClass().getName() + " and " + provider.getClass().getName()
                        + "; remove one of their jars");
            }
        }
        this.byId = Collections.unmodifiableMap(found);
    }

    /**
     * @param id the provider id
     * @return the provider
     * @throws ProviderNotFoundException naming the artifact to add and the ids found
     */
    public P get(String id) {
        P provider = byId.get(id);
        if (provider != null) {
            return provider;
        }
        String artifact = artifactsById.getOrDefault(id, "the jar that provides it");
        throw new ProviderNotFoundException("No " + kind + " \"" + id + "\" found; add " + artifact
                + " to the module path or class path (found: "
                + (byId.isEmpty() ? "none" : String.join(", ", byId.keySet())) + ")");
    }

    /** @return the ids found, sorted */
    public Set<String> ids() {
        return byId.keySet();
    }
}
