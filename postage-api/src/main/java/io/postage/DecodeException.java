package io.postage;

import java.io.Serial;
import java.util.Objects;

/**
 * A message body could not be turned into a {@link Message}: it is too large, not UTF-8, not JSON,
 * or not a valid Postage envelope. {@link #reason()} classifies the problem; the message names it
 * precisely (which key, which type, which limit).
 */
public final class DecodeException extends PostageException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** What kind of malformation was found. */
    public enum Reason {
        /** The body is larger than the configured maximum. */
        TOO_LARGE,
        /** The body is not valid UTF-8. */
        NOT_UTF8,
        /** The body is not valid JSON (including NaN, Infinity, trailing data). */
        NOT_JSON,
        /** JSON objects and arrays are nested deeper than the configured maximum. */
        TOO_DEEP,
        /** A number is too long to be read safely. */
        NUMBER_TOO_LONG,
        /** A JSON object repeats a key. */
        DUPLICATE_KEY,
        /** The body is JSON but not a JSON object. */
        NOT_AN_OBJECT,
        /** A key required by the envelope is missing. */
        MISSING_KEY,
        /** A key of the envelope holds a value of the wrong JSON type. */
        WRONG_TYPE,
        /** The category is neither {@code message} nor {@code rpc}. */
        UNKNOWN_CATEGORY,
        /** A result message has a result type other than success, error or exception. */
        BAD_RESULT_TYPE
    }

    private final Reason reason;

    /**
     * @param reason the kind of malformation
     * @param message a sentence that names the problem
     */
    public DecodeException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * @param reason the kind of malformation
     * @param message a sentence that names the problem
     * @param cause the parser's exception
     */
    public DecodeException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return the kind of malformation */
    public Reason reason() {
        return reason;
    }
}
