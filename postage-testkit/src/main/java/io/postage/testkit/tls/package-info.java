/** A throwaway certificate authority for TLS tests against the embedded broker and RabbitMQ. */
package io.postage.testkit.tls;
