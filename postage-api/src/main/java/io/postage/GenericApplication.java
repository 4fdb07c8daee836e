package io.postage;

import java.lang.System.Logger.Level;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Postage 1.2's generic application: a processor addressable by name, host, process and group
 * (see {@link ApplicationKeys} for the keys), that answers {@code ping} and joins and leaves groups
 * at run time. Subclass it and add handlers.
 *
 * <p>It consumes, all auto-deleted: a system-wide queue {@code name} shared by every application of
 * that name (round robin), a host-wide queue {@code name@host} shared on the host, its own unique
 * queue {@code pid@host} (fan-out keys, presence keys, {@code name#group}), and one shared queue
 * {@code name#group} per group (round robin within the group).
 *
 * {@snippet :
 * class Worker extends GenericApplication {
 *     Worker() {
 *         super(Fingerprint.of("worker", "application"), List.of("blue"));
 *     }
 *
 *     @MessageHandler(name = "reload")
 *     void reload() {
 *         // ...
 *     }
 * }
 * }
 *
 * <p>Built-in commands: {@code ping} (RPC) answers this application's fingerprint;
 * {@code join_group} and {@code leave_group}, with parameters {@code {"group_name": "blue"}}, add
 * and remove a group. Leaving stops consuming the group's shared queue but leaves it bound, for the
 * other members.
 */
public class GenericApplication extends MessageProcessor {
    /** Where pings and discovery messages go: {@code presence-exchange}, direct, durable. */
    public static final Exchange PRESENCE = Exchange.direct("presence-exchange");
    /** Where messages to applications go: {@code generic-application-exchange}, direct, durable. */
    public static final Exchange APPLICATION = Exchange.direct("generic-application-exchange");

    private static final System.Logger LOG = System.getLogger(GenericApplication.class.getName());

    private final QueueSpec uniqueQueue;
    private final CopyOnWriteArrayList<String> groups;

    /**
     * An application configured from the environment.
     *
     * @param fingerprint who it is; its name, pid and host make its addresses
     * @param groups the groups it belongs to from the start
     */
    public GenericApplication(Fingerprint fingerprint, List<String> groups) {
        this(fingerprint, groups, ProcessorSettings.fromEnvironment());
    }

    /**
     * @param fingerprint who it is; its name, pid and host make its addresses
     * @param groups the groups it belongs to from the start
     * @param settings configuration, prefetch and decode limits
     */
    public GenericApplication(Fingerprint fingerprint, List<String> groups, ProcessorSettings settings) {
        super(fingerprint, bindingsFor(fingerprint, groups), settings);
        this.uniqueQueue = uniqueQueue(fingerprint);
        this.groups = new CopyOnWriteArrayList<>(new LinkedHashSet<>(groups));
    }

    /**
     * @param fingerprint an application's fingerprint
     * @param groups its groups
     * @return what it binds, in Postage 1.2's order: the application keys, the presence keys, then
     *     each group's fan-out and round-robin keys
     */
    static Eqk bindingsFor(Fingerprint fingerprint, List<String> groups) {
        String name = fingerprint.name();
        String host = fingerprint.host();
        QueueSpec systemQueue = autoDeleted(name);
        QueueSpec hostQueue = autoDeleted(name + "@" + host);
        QueueSpec uniqueQueue = uniqueQueue(fingerprint);
        Eqk.Builder eqk = Eqk.builder()
                .exchange(APPLICATION)
                .queue(systemQueue, ApplicationKeys.roundRobin(name))
                .queue(uniqueQueue, ApplicationKeys.fanout(name))
                .queue(uniqueQueue, ApplicationKeys.host(host))
                .queue(hostQueue, ApplicationKeys.roundRobinOnHost(name, host))
                .queue(uniqueQueue, ApplicationKeys.fanoutOnHost(name, host))
                .queue(uniqueQueue, ApplicationKeys.unique(fingerprint))
                .exchange(PRESENCE)
                .queue(uniqueQueue, ApplicationKeys.PRESENCE)
                .queue(uniqueQueue, ApplicationKeys.presenceOnHost(host))
                .exchange(APPLICATION);
        for (String group : new LinkedHashSet<>(groups)) {
            eqk.queue(uniqueQueue, ApplicationKeys.group(name, group))
                    .queue(groupQueue(name, group), ApplicationKeys.groupRoundRobin(name, group));
        }
        return eqk.build();
    }

    private static QueueSpec uniqueQueue(Fingerprint fingerprint) {
        return autoDeleted(fingerprint.pid() + "@" + fingerprint.host());
    }

    private static QueueSpec groupQueue(String name, String group) {
        return autoDeleted(name + "#" + group);
    }

    private static QueueSpec autoDeleted(String name) {
        return QueueSpec.named(name).withAutoDelete(true);
    }

    /** @return the groups this application belongs to now, in the order it joined them */
    public final List<String> groups() {
        return List.copyOf(groups);
    }

    @RpcHandler(name = "ping")
    private Message ping() {
        return Message.result(fingerprint().asMap());
    }

    @MessageHandler(name = "join_group")
    private void joinGroup(Map<String, Object> content) {
        String group = groupName(content);
        if (groups.addIfAbsent(group)) {
            LOG.log(Level.INFO, "{0} joins group {1}", this, group);
            String name = fingerprint().name();
            queueBind(APPLICATION, uniqueQueue, ApplicationKeys.group(name, group));
            queueBind(APPLICATION, groupQueue(name, group), ApplicationKeys.groupRoundRobin(name, group));
        }
    }

    @MessageHandler(name = "leave_group")
    private void leaveGroup(Map<String, Object> content) {
        String group = groupName(content);
        if (groups.remove(group)) {
            LOG.log(Level.INFO, "{0} leaves group {1}", this, group);
            String name = fingerprint().name();
            queueUnbind(APPLICATION, uniqueQueue, ApplicationKeys.group(name, group));
            stopConsuming(groupQueue(name, group));
        }
    }

    private static String groupName(Map<String, Object> content) {
        if (content.get("parameters") instanceof Map<?, ?> parameters
                && parameters.get("group_name") instanceof String group) {
            return group;
        }
        throw new RejectMessage("join_group and leave_group take the parameters {\"group_name\": \"<group>\"}, not "
                + content.get("parameters"));
    }
}
