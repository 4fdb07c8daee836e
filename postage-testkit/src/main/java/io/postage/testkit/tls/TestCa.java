package io.postage.testkit.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway certificate authority for TLS tests, made in memory (EC P-256, valid for a day): it issues
 * server certificates for given host names into PKCS#12 key stores a broker reads, and gives clients the
 * {@link SSLContext} or the PEM file that trusts it.
 *
 * {@snippet :
 * TestCa ca = TestCa.create("Postage test CA");
 * Path keyStore = ca.issueKeyStore(dir.resolve("server.p12"), "changeit", "localhost");
 * PostageConfig config = PostageConfig.builder().uri("amqps://...").sslContext(ca.trustingContext()).build();
 * }
 */
public final class TestCa {
    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());
    private static final Duration VALIDITY = Duration.ofDays(1);

    private final KeyPair keys;
    private final X509Certificate certificate;

    private TestCa(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    /**
     * @param name the CA's common name
     * @return a new CA with its own key
     */
    public static TestCa create(String name) {
        KeyPair keys = newKeys();
        X500Name subject = new X500Name("CN=" + name);
        X509v3CertificateBuilder builder = builder(subject, subject, keys);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } catch (CertIOException e) {
            throw new IllegalStateException("Cannot build the CA certificate", e);
        }
        return new TestCa(keys, sign(builder, keys.getPrivate()));
    }

    /** @return the CA's own certificate */
    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * Issues a certificate (for a server, or a client: no key usage is set) and writes it, with its key and
     * this CA's certificate, as a PKCS#12 store.
     *
     * @param file where to write the store
     * @param password the store's (and the key's) password
     * @param hostNames the DNS names the certificate is valid for; the first is also its common name
     * @return {@code file}
     */
    public Path issueKeyStore(Path file, String password, String... hostNames) {
        KeyPair serverKeys = newKeys();
        X509v3CertificateBuilder builder = builder(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
                new X500Name("CN=" + hostNames[0]), serverKeys);
        GeneralName[] names = new GeneralName[hostNames.length];
        for (int i = 0; i < hostNames.length; i++) {
            names[i] = new GeneralName(GeneralName.dNSName, hostNames[i]);
        }
        try {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", serverKeys.getPrivate(), password.toCharArray(),
                    new Certificate[] {sign(builder, keys.getPrivate()), certificate});
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the key store " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build the key store " + file, e);
        }
    }

    /**
     * @param file where to write a PKCS#12 store holding this CA's certificate as trusted, for a broker that
     *     checks client certificates
     * @param password the store's password
     * @return {@code file}
     */
    public Path writeTrustStore(Path file, String password) {
        try (OutputStream out = Files.newOutputStream(file)) {
            trustStore().store(out, password.toCharArray());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the trust store " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build the trust store " + file, e);
        }
    }

    private KeyStore trustStore() throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", certificate);
        return trusted;
    }

    /** @return a TLS context that trusts this CA and nothing else */
    public SSLContext trustingContext() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build a TLS context trusting the test CA", e);
        }
    }

    /**
     * @param file where to write this CA's certificate in PEM form
     * @return {@code file}
     */
    public Path writePem(Path file) {
        try {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encode the CA certificate", e);
        }
    }

    private static KeyPair newKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC keys are not available", e);
        }
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair subjectKeys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIALS.incrementAndGet()),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)), subject,
                subjectKeys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey) {
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a test certificate", e);
        }
    }
}
