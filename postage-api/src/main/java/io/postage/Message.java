package io.postage;

import static io.postage.internal.WireFields.requireObject;
import static io.postage.internal.WireFields.requireString;

import io.postage.internal.FixedOrderMap;
import io.postage.internal.JsonValues;
import io.postage.internal.WireFields;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The immutable Postage envelope: a type, a name, a category, the sender's fingerprint and a JSON
 * content. Its {@linkplain #toWire() wire form} is the JSON object Postage 1.x components exchange:
 *
 * <pre>{@code
 * {"type":"command","name":"echo","category":"message","version":"2",
 *  "fingerprint":{"name":"echo_send","type":"application","pid":"4242","host":"h1","user":"bob","vhost":"/"},
 *  "content":{"parameters":{"text":"hi"}},"_reserved":{}}
 * }</pre>
 *
 * {@snippet :
 * Message hello = Message.command("echo", Map.of("text", "hi"));
 * Message answer = Message.result("hi");
 * Message failed = Message.error("no such user");
 * assert answer.isSuccess() && !failed.isSuccess();
 * }
 *
 * <p>Content values are deeply immutable JSON values ({@code Map<String, Object>}, {@code List},
 * {@code String}, {@code Number}, {@code Boolean}, {@code null}), shared safely between handlers.
 */
public final class Message {

    /** The envelope version every Postage 1.x component writes. */
    public static final String VERSION = "2";
    /** The {@code type} of command messages. */
    public static final String COMMAND = "command";
    /** The {@code type} of status messages. */
    public static final String STATUS = "status";
    /** The {@code type} of result messages. */
    public static final String RESULT = "result";
    /** The type and name of messages that set neither, as Postage 1.x writes them. */
    public static final String NONE = "none";
    /** The keys of {@link #toWire()}, in wire order. */
    private static final List<String> WIRE_KEYS =
            List.of("type", "name", "category", "version", "fingerprint", "content", "_reserved");

    private final String type;
    private final String name;
    private final Category category;
    private final String version;
    private final Fingerprint fingerprint;
    private final Map<String, Object> content;
    private final Map<String, Object> reserved;

    private Message(String type, String name, Category category, String version, Fingerprint fingerprint,
            Map<String, Object> content, Map<String, Object> reserved) {
        this.type = type;
        this.name = name;
        this.category = category;
        this.version = version;
        this.fingerprint = fingerprint;
        this.content = content;
        this.reserved = reserved;
    }

    /**
     * A message of any type and name, for types beyond command, status and result.
     *
     * @param type the message type
     * @param name the message name
     * @param category fire and forget or RPC
     * @param content the JSON content
     * @return the message, without a fingerprint
     */
    public static Message of(String type, String name, Category category, Map<String, ?> content) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(content, "content");
        return new Message(type, name, category, VERSION, null, JsonValues.freezeObject(content, "content"),
                Map.of());
    }

    /**
     * A fire-and-forget command: content {@code {"parameters": parameters}}.
     *
     * @param name the command name
     * @param parameters any JSON value, usually a {@code Map}
     * @return the command
     */
    public static Message command(String name, Object parameters) {
        return of(COMMAND, name, Category.MESSAGE, parameters(parameters));
    }

    /**
     * A command without parameters: content {@code {"parameters": {}}}.
     *
     * @param name the command name
     * @return the command
     */
    public static Message command(String name) {
        return command(name, Map.of());
    }

    /**
     * An RPC command: like {@link #command(String, Object)}, with category {@code rpc}.
     *
     * @param name the command name
     * @param parameters any JSON value, usually a {@code Map}
     * @return the RPC command
     */
    public static Message rpcCommand(String name, Object parameters) {
        return of(COMMAND, name, Category.RPC, parameters(parameters));
    }

    /**
     * A status message: the name is the status, the content is empty.
     *
     * @param status the status, such as {@code online}
     * @return the status message
     */
    public static Message status(String status) {
        return of(STATUS, status, Category.MESSAGE, Map.of());
    }

    /**
     * A successful result.
     *
     * @param value any JSON value
     * @return a result message with an empty {@code message}
     */
    public static Message result(Object value) {
        return result(value, "");
    }

    /**
     * A successful result with a description.
     *
     * @param value any JSON value
     * @param message a description of the result
     * @return the result message
     */
    public static Message result(Object value, String message) {
        return result(ResultType.SUCCESS, value, message);
    }

    /**
     * A foreseen failure of a call: value {@code null}.
     *
     * @param message what went wrong
     * @return the error result
     */
    public static Message error(String message) {
        return result(ResultType.ERROR, null, message);
    }

    /**
     * An unforeseen failure of a call.
     *
     * @param exceptionName the exception's class name, such as {@code TimeoutError}
     * @param message the exception's text
     * @return the exception result
     */
    public static Message exception(String exceptionName, String message) {
        Objects.requireNonNull(exceptionName, "exceptionName");
        return result(ResultType.EXCEPTION, exceptionName, message);
    }

    /**
     * An unforeseen failure of a call, from a Java exception.
     *
     * @param exception the exception; its simple class name and message are sent
     * @return the exception result
     */
    public static Message exception(Throwable exception) {
        String simpleName = exception.getClass().getSimpleName();
        String name = simpleName.isEmpty() ? exception.getClass().getName() : simpleName;
        return exception(name, Objects.requireNonNullElse(exception.getMessage(), ""));
    }

    /**
     * A generic message, Postage 1.x's {@code Message(*args, **kwds)}: type and name {@code none},
     * content {@code {"args": [...], "kwds": {...}}}, each key present only when not empty.
     *
     * @param args positional values
     * @param kwds named values
     * @return the generic message
     */
    public static Message generic(List<?> args, Map<String, ?> kwds) {
        Map<String, Object> content = new LinkedHashMap<>();
        if (!args.isEmpty()) {
            content.put("args", args);
        }
        if (!kwds.isEmpty()) {
            content.put("kwds", kwds);
        }
        return of(NONE, NONE, Category.MESSAGE, content);
    }

    private static Message result(ResultType resultType, Object value, String message) {
        Objects.requireNonNull(message, "message");
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("type", resultType.wireName());
        content.put("value", value);
        content.put("message", message);
        return of(RESULT, NONE, Category.MESSAGE, content);
    }

    private static Map<String, Object> parameters(Object parameters) {
        return Collections.singletonMap("parameters", parameters);
    }

    /** @return the message type: {@code command}, {@code status}, {@code result} or another */
    public String type() {
        return type;
    }

    /** @return the message name: the command, the status, or {@code none} */
    public String name() {
        return name;
    }

    /** @return fire and forget or RPC */
    public Category category() {
        return category;
    }

    /** @return the envelope version, {@code "2"} for every message Postage writes */
    public String version() {
        return version;
    }

    /** @return the sender's fingerprint, empty until a producer stamps the message */
    public Optional<Fingerprint> fingerprint() {
        return Optional.ofNullable(fingerprint);
    }

    /** @return the immutable JSON content */
    public Map<String, Object> content() {
        return content;
    }

    /** @return the immutable {@code _reserved} object, empty in every message Postage 1.x writes */
    public Map<String, Object> reserved() {
        return reserved;
    }

    /** @return the result type, if this is a result message */
    public Optional<ResultType> resultType() {
        if (!RESULT.equals(type)) {
            return Optional.empty();
        }
        return Optional.of(ResultType.fromWireName((String) content.get("type")));
    }

    /**
     * Postage 1.x's truth value of a message: false for error and exception results, true for
     * everything else.
     *
     * @return whether this message does not report a failure
     */
    public boolean isSuccess() {
        return resultType().map(ResultType.SUCCESS::equals).orElse(true);
    }

    /**
     * @param fingerprint the sender's fingerprint
     * @return a copy of this message stamped with the fingerprint
     */
    public Message withFingerprint(Fingerprint fingerprint) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        return new Message(type, name, category, version, fingerprint, content, reserved);
    }

    /**
     * @return the envelope as an immutable JSON object, keys in wire order: type, name, category,
     *     version, fingerprint ({@code {}} when not stamped), content, _reserved
     */
    public Map<String, Object> toWire() {
        return new FixedOrderMap<>(WIRE_KEYS, type, name, category.wireName(), version,
                fingerprint == null ? Map.of() : fingerprint.asMap(), content, reserved);
    }

    /**
     * Reads an envelope decoded from the wire. Every key of the envelope is required; unknown
     * top-level keys and unknown fingerprint keys are ignored, so newer senders stay readable.
     * A fingerprint value may be a string or an integer (older Python senders wrote the pid as a number).
     *
     * @param wire a decoded JSON object
     * @return the message
     * @throws DecodeException naming the missing key, the key of the wrong type, the unknown
     *     category or the bad result type
     */
    public static Message fromWire(Map<String, ?> wire) {
        return fromWire(wire, false);
    }

    /**
     * Like {@link #fromWire(Map)}, for a decoder's fresh output that nobody else holds: the content is
     * frozen in place instead of copied.
     */
    static Message fromOwnedWire(Map<String, Object> wire) {
        return fromWire(wire, true);
    }

    private static Message fromWire(Map<String, ?> wire, boolean owned) {
        String type = requireString(wire, "type", "");
        String name = requireString(wire, "name", "");
        Category category = Category.fromWireName(requireString(wire, "category", ""));
        String version = requireString(wire, "version", "");
        Fingerprint fingerprint = fingerprintFromWire(requireObject(wire, "fingerprint", ""));
        Map<String, Object> content = freeze(requireObject(wire, "content", ""), "content", owned);
        Map<String, Object> reserved = freeze(requireObject(wire, "_reserved", ""), "_reserved", owned);
        if (RESULT.equals(type)) {
            ResultType.fromWireName(requireString(content, "type", "content."));
            WireFields.require(content, "value", "content.");
            requireString(content, "message", "content.");
        }
        return new Message(type, name, category, version, fingerprint, content, reserved);
    }

    private static Map<String, Object> freeze(Map<String, Object> object, String path, boolean owned) {
        try {
            return owned ? JsonValues.freezeOwnedObject(object, path) : JsonValues.freezeObject(object, path);
        } catch (IllegalArgumentException e) {
            throw new DecodeException(DecodeException.Reason.WRONG_TYPE, e.getMessage(), e);
        }
    }

    private static Fingerprint fingerprintFromWire(Map<String, Object> wire) {
        if (wire.isEmpty()) {
            return null;
        }
        String[] values = new String[Fingerprint.KEYS.size()];
        for (int i = 0; i < values.length; i++) {
            String key = Fingerprint.KEYS.get(i);
            Object value = WireFields.require(wire, key, "fingerprint.");
            if (value instanceof String string) {
                values[i] = string;
            } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
                values[i] = value.toString();
            } else {
                throw WireFields.wrongType("fingerprint." + key, "a string", value);
            }
        }
        return new Fingerprint(values[0], values[1], values[2], values[3], values[4], values[5]);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Message that
                && type.equals(that.type) && name.equals(that.name) && category == that.category
                && version.equals(that.version) && Objects.equals(fingerprint, that.fingerprint)
                && content.equals(that.content) && reserved.equals(that.reserved);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, name, category, version, fingerprint, content, reserved);
    }

    @Override
    public String toString() {
        return "Message[" + category.wireName() + " " + type + " " + name + ", content=" + content
                + (fingerprint == null ? "" : ", from=" + fingerprint.name() + "@" + fingerprint.host()) + "]";
    }
}
