package io.postage;

/**
 * The routing keys that address {@link GenericApplication}s, after Postage 1.2. All but the presence
 * keys are bound on {@link GenericApplication#APPLICATION}; "in turn" means round robin over a queue
 * the applications share, "every" a copy to each application's own queue.
 *
 * <table class="striped">
 * <caption>Keys of generic applications</caption>
 * <thead>
 * <tr><th scope="col">method</th><th scope="col">key</th><th scope="col">reaches</th></tr>
 * </thead>
 * <tbody>
 * <tr><td>{@link #roundRobin(String) roundRobin(name)}</td><td>{@code name/rr}</td>
 *     <td>one application called {@code name}, in turn</td></tr>
 * <tr><td>{@link #fanout(String) fanout(name)}</td><td>{@code name}</td>
 *     <td>every application called {@code name}</td></tr>
 * <tr><td>{@link #host(String) host(host)}</td><td>{@code @host}</td>
 *     <td>every application on {@code host}</td></tr>
 * <tr><td>{@link #roundRobinOnHost(String, String) roundRobinOnHost(name, host)}</td><td>{@code name@host/rr}</td>
 *     <td>one application called {@code name} on {@code host}, in turn</td></tr>
 * <tr><td>{@link #fanoutOnHost(String, String) fanoutOnHost(name, host)}</td><td>{@code name@host}</td>
 *     <td>every application called {@code name} on {@code host}</td></tr>
 * <tr><td>{@link #unique(String, String) unique(pid, host)}</td><td>{@code pid@host}</td>
 *     <td>the one application with that pid on {@code host}</td></tr>
 * <tr><td>{@link #group(String, String) group(name, group)}</td><td>{@code name#group}</td>
 *     <td>every application called {@code name} in {@code group}</td></tr>
 * <tr><td>{@link #groupRoundRobin(String, String) groupRoundRobin(name, group)}</td><td>{@code name#group/rr}</td>
 *     <td>one application called {@code name} in {@code group}, in turn</td></tr>
 * <tr><td>{@link #PRESENCE}, on {@link GenericApplication#PRESENCE}</td><td>{@code presence}</td>
 *     <td>every application</td></tr>
 * <tr><td>{@link #presenceOnHost(String) presenceOnHost(host)}, on {@link GenericApplication#PRESENCE}</td>
 *     <td>{@code presence@host}</td><td>every application on {@code host}</td></tr>
 * </tbody>
 * </table>
 *
 * {@snippet :
 * producer.message("reload", Map.of(), Route.to(GenericApplication.APPLICATION, ApplicationKeys.roundRobin("worker")));
 * Message pong = producer.rpc(Message.rpcCommand("ping", Map.of()), RpcOptions.defaults()
 *         .withRoute(Route.to(GenericApplication.APPLICATION, ApplicationKeys.unique(workerFingerprint))));
 * }
 */
public final class ApplicationKeys {

    /** The key of every application, on {@link GenericApplication#PRESENCE}. */
    public static final String PRESENCE = "presence";

    private ApplicationKeys() {
    }

    /**
     * @param name an application name
     * @return {@code name/rr}: one application called {@code name}, in turn
     */
    public static String roundRobin(String name) {
        return name + "/rr";
    }

    /**
     * @param name an application name
     * @return {@code name}: every application called {@code name}
     */
    public static String fanout(String name) {
        return name;
    }

    /**
     * @param host a host name
     * @return {@code @host}: every application on the host
     */
    public static String host(String host) {
        return "@" + host;
    }

    /**
     * @param name an application name
     * @param host a host name
     * @return {@code name@host/rr}: one application called {@code name} on the host, in turn
     */
    public static String roundRobinOnHost(String name, String host) {
        return fanoutOnHost(name, host) + "/rr";
    }

    /**
     * @param name an application name
     * @param host a host name
     * @return {@code name@host}: every application called {@code name} on the host
     */
    public static String fanoutOnHost(String name, String host) {
        return name + "@" + host;
    }

    /**
     * @param pid a process id
     * @param host a host name
     * @return {@code pid@host}: the one application with that pid on the host
     */
    public static String unique(String pid, String host) {
        return pid + "@" + host;
    }

    /**
     * @param fingerprint an application's fingerprint
     * @return {@code pid@host} of that application
     */
    public static String unique(Fingerprint fingerprint) {
        return unique(fingerprint.pid(), fingerprint.host());
    }

    /**
     * @param name an application name
     * @param group a group name
     * @return {@code name#group}: every application called {@code name} in the group
     */
    public static String group(String name, String group) {
        return name + "#" + group;
    }

    /**
     * @param name an application name
     * @param group a group name
     * @return {@code name#group/rr}: one application called {@code name} in the group, in turn
     */
    public static String groupRoundRobin(String name, String group) {
        return group(name, group) + "/rr";
    }

    /**
     * @param host a host name
     * @return {@code presence@host}: every application on the host, on {@link GenericApplication#PRESENCE}
     */
    public static String presenceOnHost(String host) {
        return PRESENCE + "@" + host;
    }
}
