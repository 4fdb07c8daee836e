package io.postage.testkit.kit;

import io.postage.PostageConfig;
import io.postage.testkit.junit.BrokerInfo;

/**
 * What one test of the kit runs with.
 *
 * @param broker the broker
 * @param config how the transport under test connects to it
 * @param fixture the test's transport, names and clean-up
 */
record KitContext(BrokerInfo broker, PostageConfig config, TransportFixture fixture) {
}
