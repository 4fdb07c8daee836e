package io.postage.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Postage 1.x's debug mode ({@code POSTAGE_DEBUG_MODE=true}): every publish and every delivery,
 * logged at INFO through {@code System.Logger} in the layout Postage 1.x printed.
 */
public final class DebugLog {
    private static final Logger LOG = System.getLogger("io.postage.debug");

    private final String who;
    private final boolean enabled;

    /**
     * @param who the component, as the log names it
     * @param enabled whether debug mode is on
     */
    public DebugLog(String who, boolean enabled) {
        this.who = who;
        this.enabled = enabled;
    }

    /**
     * @param exchange where it goes
     * @param key the routing key
     * @param body the wire map, built only when debug mode is on
     */
    public void publish(String exchange, String key, Supplier<Map<String, ?>> body) {
        if (enabled) {
            LOG.log(Level.INFO, "--> " + who + ": basic_publish() to (" + exchange + ", " + key + ")" + lines(body.get()));
        }
    }

    /**
     * @param queue where it came from
     * @param body the wire map, built only when debug mode is on
     */
    public void delivery(String queue, Supplier<Map<String, ?>> body) {
        if (enabled) {
            LOG.log(Level.INFO, "<-- " + who + ": _msg_consumer() from " + queue + lines(body.get()));
        }
    }

    private static String lines(Map<String, ?> body) {
        StringBuilder text = new StringBuilder();
        body.forEach((key, value) -> text.append(System.lineSeparator()).append("    ").append(key).append(": ").append(value));
        return text.toString();
    }
}
