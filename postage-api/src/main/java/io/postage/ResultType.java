package io.postage;

/**
 * The outcome carried by a result message, after Erlang's error model as in Postage 1.x: a
 * {@code success}, a foreseen and documented {@code error}, or an unforeseen {@code exception}.
 */
public enum ResultType {
    /** The call succeeded; {@code value} holds its result. */
    SUCCESS("success"),
    /** The call failed in a foreseen way; {@code message} says how, {@code value} is null. */
    ERROR("error"),
    /** The call raised an exception; {@code value} is its class name, {@code message} its text. */
    EXCEPTION("exception");

    private final String wireName;

    ResultType(String wireName) {
        this.wireName = wireName;
    }

    /** @return the string used in the {@code type} key of a result's content */
    public String wireName() {
        return wireName;
    }

    static ResultType fromWireName(String wireName) {
        for (ResultType type : values()) {
            if (type.wireName.equals(wireName)) {
                return type;
            }
        }
        throw new DecodeException(DecodeException.Reason.BAD_RESULT_TYPE, "Unknown result type \"" + wireName
                + "\" in content.type: expected \"success\", \"error\" or \"exception\"");
    }
}
