package io.postage.codec.json.internal;

/** The tokens a {@link JsonTokenReader} reports, whatever parser produces them. */
enum JsonToken {
    START_OBJECT("an object"),
    END_OBJECT("the end of an object"),
    START_ARRAY("an array"),
    END_ARRAY("the end of an array"),
    NAME("a key"),
    STRING("a string"),
    NUMBER("a number"),
    TRUE("a boolean"),
    FALSE("a boolean"),
    NULL("null"),
    END_OF_INPUT("nothing");

    private final String description;

    JsonToken(String description) {
        this.description = description;
    }

    /** @return what the token starts, with an article, for error messages: {@code an array} */
    String description() {
        return description;
    }
}
