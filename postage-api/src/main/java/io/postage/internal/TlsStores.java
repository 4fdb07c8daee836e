package io.postage.internal;

import io.postage.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the {@link SSLContext} that {@code POSTAGE_TLS_TRUSTSTORE} and {@code POSTAGE_TLS_KEYSTORE} name: a
 * trust store is a PKCS#12 or JKS file, or a PEM file of CA certificates; a key store (for client
 * certificates) is a PKCS#12 or JKS file. What is not given stays the JVM's default. A failure names the
 * variable and the file, never the password.
 */
public final class TlsStores {

    private TlsStores() {
    }

    /**
     * A store file and its password.
     *
     * @param variable the environment variable that named the file, for messages
     * @param path the file
     * @param password its password; empty for none (a PEM file has none)
     */
    public record StoreFile(String variable, Path path, String password) {
        /** @return the variable and the file, without the password */
        @Override
        public String toString() {
            return variable + "=" + path;
        }
    }

    /**
     * @param trustStore the CA certificates to trust instead of the JVM's, if given
     * @param keyStore the client's key and certificate, if given
     * @return a TLS context using them
     * @throws ConfigurationException naming the variable and the file that cannot be used
     */
    public static SSLContext context(Optional<StoreFile> trustStore, Optional<StoreFile> keyStore) {
        TrustManager[] trust = trustStore.map(TlsStores::trustManagers).orElse(null);
        KeyManager[] keys = keyStore.map(TlsStores::keyManagers).orElse(null);
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException("TLS is not available in this JVM: " + e.getMessage(), e);
        }
    }

    private static TrustManager[] trustManagers(StoreFile file) {
        try {
            KeyStore store = isPem(file.path()) ? pemStore(file.path()) : load(file);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw unusable(file, e);
        }
    }

    private static KeyManager[] keyManagers(StoreFile file) {
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(load(file), file.password().toCharArray());
            return factory.getKeyManagers();
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw unusable(file, e);
        }
    }

    /** @throws IllegalArgumentException if the file does not exist */
    private static KeyStore load(StoreFile file) throws IOException, GeneralSecurityException {
        return KeyStore.getInstance(file.path().toFile(), file.password().toCharArray());
    }

    private static boolean isPem(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return new String(in.readNBytes(64), StandardCharsets.US_ASCII).contains("-----BEGIN");
        }
    }

    private static KeyStore pemStore(Path path) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(path)) {
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            if (i == 0) {
                throw new GeneralSecurityException("no certificate in it");
            }
        }
        return store;
    }

    private static ConfigurationException unusable(StoreFile file, Exception failure) {
        return new ConfigurationException(file.variable() + " names a store that cannot be used: " + file.path()
                + " (" + failure.getClass().getSimpleName() + ": " + failure.getMessage() + ")", failure);
    }
}
