package io.postage.codec.json.internal;

import io.postage.DecodeException;

/**
 * Pulls the tokens of one body out of a parser. Implementations only translate: syntax errors become
 * {@link DecodeException}s through {@link JsonText#syntaxError}; every other rule lives in
 * {@link JsonTreeBuilder}.
 */
interface JsonTokenReader extends AutoCloseable {

    /**
     * @return the next token, {@link JsonToken#END_OF_INPUT} after the last one
     * @throws DecodeException if the input is not valid JSON at this point
     */
    JsonToken next();

    /** @return the key, the string value or the number literal of the token {@link #next()} returned */
    String text();

    /**
     * @param detail what is wrong
     * @return a {@link DecodeException.Reason#NOT_JSON} error at the current position
     */
    DecodeException syntaxErrorHere(String detail);

    @Override
    void close();
}
