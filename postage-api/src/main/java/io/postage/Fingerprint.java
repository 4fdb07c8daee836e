package io.postage;

import io.postage.internal.FixedOrderMap;
import io.postage.internal.LocalHost;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who sent a message: the component's name and type, and the pid, host, user and vhost it runs
 * as. Every value is a string on the wire, as in Postage 1.x.
 *
 * {@snippet :
 * Fingerprint me = Fingerprint.of("echo_send", "application");
 * Map<String, String> wire = me.asMap(); // {name=echo_send, type=application, pid=4242, ...}
 * }
 *
 * @param name the component's name
 * @param type the component's kind (not a message type): {@code application}, {@code service}, ...
 * @param pid the operating-system process id
 * @param host the host name
 * @param user the operating-system user
 * @param vhost the broker virtual host the component works in
 */
public record Fingerprint(String name, String type, String pid, String host, String user, String vhost) {

    /** The keys of {@link #asMap()}, in wire order. */
    public static final List<String> KEYS = List.of("name", "type", "pid", "host", "user", "vhost");

    /** Checks that no value is null. */
    public Fingerprint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(vhost, "vhost");
    }

    /**
     * The fingerprint of this process, with the vhost of {@link PostageConfig#fromEnvironment()}.
     *
     * @param name the component's name
     * @param type the component's kind
     * @return pid, host and user read from the operating system
     */
    public static Fingerprint of(String name, String type) {
        return of(name, type, PostageConfig.fromEnvironment());
    }

    /**
     * The fingerprint of this process in the vhost of the given configuration.
     *
     * @param name the component's name
     * @param type the component's kind
     * @param config where the vhost comes from
     * @return pid, host and user read from the operating system
     */
    public static Fingerprint of(String name, String type, PostageConfig config) {
        return new Fingerprint(name, type, Long.toString(ProcessHandle.current().pid()), LocalHost.name(),
                System.getProperty("user.name", "unknown"), config.vhost());
    }

    /** @return the six values keyed by name, in wire order (Python's {@code as_dict()}) */
    public Map<String, String> asMap() {
        return new FixedOrderMap<>(KEYS, name, type, pid, host, user, vhost);
    }

    /** @return how the broker shows this component's connections: {@code name [type] pid@host} */
    public String connectionName() {
        return name + " [" + type + "] " + pid + "@" + host;
    }

    /** @return the six values in wire order (Python's {@code as_tuple()}) */
    public List<String> asList() {
        return List.of(name, type, pid, host, user, vhost);
    }
}
