package io.postage.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The local host name, looked up once (a DNS lookup can be slow). */
public final class LocalHost {
    private LocalHost() {
    }

    /** @return the host name, or {@code localhost} if it cannot be determined */
    public static String name() {
        return Holder.NAME;
    }

    private static final class Holder {
        static final String NAME = lookUp();

        private static String lookUp() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                String fromEnvironment = System.getenv("HOSTNAME");
                return fromEnvironment == null || fromEnvironment.isBlank() ? "localhost" : fromEnvironment;
            }
        }
    }
}
