package io.postage.demos;

import java.util.List;

/**
 * One runnable demo: a name, one line saying what it shows, and its roles. Run with no role it
 * plays every role in one process, so that {@code ./postage-demo rpc-echo} alone shows a receiver
 * and a sender talking; with a role ({@code receive}, {@code send}, ...) it plays that one.
 */
public interface Demo {

    /** @return the name the launcher knows it by, such as {@code rpc-echo} */
    String name();

    /** @return one line saying what it shows */
    String description();

    /** @return the roles it can play on their own, such as {@code receive} and {@code send} */
    List<String> roles();

    /**
     * Plays one role, or all of them.
     *
     * @param role a role, or empty for all of them in this process
     * @param context where to connect and where to print
     * @throws Exception whatever stops the demo
     */
    void run(String role, DemoContext context) throws Exception;
}
