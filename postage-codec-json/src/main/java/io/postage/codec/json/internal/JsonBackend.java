package io.postage.codec.json.internal;

import java.io.IOException;
import java.io.OutputStream;

/** A JSON library's streaming parser and generator, seen through the tokens {@link JsonEncoder} needs. */
interface JsonBackend {

    /**
     * @param text a body already decoded from UTF-8
     * @return a reader of its tokens
     */
    JsonTokenReader openReader(JsonText text);

    /**
     * @param out where the UTF-8 bytes go
     * @return a compact writer: no whitespace, non-ASCII characters unescaped
     * @throws IOException if the generator cannot be created
     */
    JsonTokenWriter openWriter(OutputStream out) throws IOException;
}
