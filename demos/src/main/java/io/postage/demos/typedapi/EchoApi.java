package io.postage.demos.typedapi;

import io.postage.Command;
import io.postage.Rpc;

/** The echo service's network API, as a Java interface: each method is a message. */
public interface EchoApi {

    /** Fire and forget: the command {@code echo} with parameters {@code {"text": ...}}. */
    @Command
    void echo(String text);

    /** RPC: the command {@code shout}; returns the decoded value of the result. */
    @Rpc
    String shout(String text);
}
