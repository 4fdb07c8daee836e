package io.postage.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;

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
     * @param body the wire map
     */
    public void publish(String exchange, String key, Map<String, ?> body) {
        if (enabled) {
            LOG.log(Level.INFO, "--> " + who + ": basic_publish() to (" + exchange + ", " + key + ")" + lines(body));
        }
    }

    /**
     * @param queue where it came from
     * @param body the wire map
     */
    public void delivery(String queue, Map<String, ?> body) {
        if (enabled) {
            LOG.log(Level.INFO, "<-- " + who + ": _msg_consumer() from " + queue + lines(body));
        }
    }

    private static String lines(Map<String, ?> body) {
        StringBuilder text = new StringBuilder();
        body.forEach((key, value) -> text.append(System.lineSeparator()).append("    ").append(key).append(": ").append(value));
        return text.toString();
    }
}
