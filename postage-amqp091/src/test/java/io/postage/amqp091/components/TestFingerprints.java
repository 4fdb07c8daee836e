package io.postage.amqp091.components;

import io.postage.Fingerprint;
import io.postage.testkit.junit.BrokerInfo;

/** Fingerprints for components sharing the test JVM. */
final class TestFingerprints {
    private TestFingerprints() {
    }

    /** @return a fingerprint of this process with a pid of its own, so several components can share the JVM */
    static Fingerprint of(BrokerInfo broker, String name, String type, String pid) {
        Fingerprint real = Fingerprint.of(name, type, broker.config());
        return new Fingerprint(name, type, pid, real.host(), real.user(), real.vhost());
    }
}
