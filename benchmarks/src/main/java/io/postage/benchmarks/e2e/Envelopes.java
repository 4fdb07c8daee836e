package io.postage.benchmarks.e2e;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import io.postage.Message;
import io.postage.benchmarks.Payload;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The messages of the end-to-end runs. Both sides send the same Postage envelope (~230 B, most of it the
 * envelope and the fingerprint) carrying only the send time ({@link System#nanoTime()}, one process) in
 * its parameters; the raw side builds, writes and reads it by hand with jackson-databind, as a user of
 * the bare client would.
 */
final class Envelopes {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, String> FINGERPRINT = new LinkedHashMap<>(Payload.FINGERPRINT.asMap());
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    /** The properties of a raw request or message: JSON, not persistent. */
    static final AMQP.BasicProperties JSON = new AMQP.BasicProperties.Builder()
            .contentType("application/json").deliveryMode(1).build();

    private Envelopes() {
    }

    /**
     * @param sentNanos the send time
     * @return the parameters of a command
     */
    static Map<String, Object> parameters(long sentNanos) {
        return Map.of("t", sentNanos);
    }

    /**
     * @param content a command's content
     * @return the send time its parameters carry
     */
    static long sentNanos(Map<String, Object> content) {
        return ((Number) ((Map<?, ?>) content.get("parameters")).get("t")).longValue();
    }

    /**
     * @param name the command name
     * @param category {@code message} or {@code rpc}
     * @param sentNanos the send time
     * @return the raw command's body
     * @throws IOException never: the envelope holds JSON values only
     */
    static byte[] command(String name, String category, long sentNanos) throws IOException {
        return MAPPER.writeValueAsBytes(envelope(Message.COMMAND, name, category, Map.of("parameters", parameters(sentNanos))));
    }

    /**
     * @param value the result value
     * @return the raw success result's body
     * @throws IOException never: the envelope holds JSON values only
     */
    static byte[] result(Object value) throws IOException {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("type", "success");
        content.put("value", value);
        content.put("message", "");
        return MAPPER.writeValueAsBytes(envelope(Message.RESULT, Message.NONE, "message", content));
    }

    /**
     * @param body a raw body
     * @return its content
     * @throws IOException if it is not a JSON envelope
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> content(byte[] body) throws IOException {
        return (Map<String, Object>) MAPPER.readValue(body, OBJECT).get("content");
    }

    private static Map<String, Object> envelope(String type, String name, String category, Map<String, Object> content) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("type", type);
        wire.put("name", name);
        wire.put("category", category);
        wire.put("version", Message.VERSION);
        wire.put("fingerprint", FINGERPRINT);
        wire.put("content", content);
        wire.put("_reserved", Map.of());
        return wire;
    }
}
