package io.postage;

/** A message's category on the wire: fire and forget ({@code message}) or a call that expects a reply ({@code rpc}). */
public enum Category {
    /** Fire and forget: every matching handler runs, nobody replies. */
    MESSAGE("message"),
    /** Remote procedure call: the last registered matching handler replies with a result message. */
    RPC("rpc");

    private final String wireName;

    Category(String wireName) {
        this.wireName = wireName;
    }

    /** @return the string used in the {@code category} key of the envelope */
    public String wireName() {
        return wireName;
    }

    /**
     * @param wireName {@code message} or {@code rpc}
     * @return the category
     * @throws DecodeException if the name is neither
     */
    public static Category fromWireName(String wireName) {
        for (Category category : values()) {
            if (category.wireName.equals(wireName)) {
                return category;
            }
        }
        throw new DecodeException(DecodeException.Reason.UNKNOWN_CATEGORY,
                "Unknown message category \"" + wireName + "\": expected \"message\" or \"rpc\"");
    }
}
