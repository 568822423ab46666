package org.borderwatch.federation.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.tls.runtime.TrustStoreAndTrustOptions;
import io.quarkus.tls.runtime.TrustStoreProvider;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.net.TrustOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Socket;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.borderwatch.federation.repository.FederationPartnerRepository;

/**
 * Who may connect across the border: the certificates pinned by the federation agreements, and nothing a CA vouches
 * for. The federation TLS port asks for a client certificate and accepts only a partner's pinned one; the poller
 * accepts, from each partner, only that partner's pinned server certificate. Pins are re-read from the database every
 * few seconds, so a changed agreement applies without a restart on every replica.
 */
@ApplicationScoped
@Identifier("federation")
public class PartnerTrust implements TrustStoreProvider {

    private final FederationPartnerRepository partners;
    private volatile Set<String> pins = Set.of();

    public PartnerTrust(FederationPartnerRepository partners) {
        this.partners = partners;
    }

    @Override
    public TrustStoreAndTrustOptions getTrustStore(Vertx vertx) {
        try {
            KeyStore empty = KeyStore.getInstance("PKCS12");
            empty.load(null, null);
            return new TrustStoreAndTrustOptions(empty, TrustOptions.wrap(pinnedTo(sha -> pins.contains(sha))));
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Scheduled(every = "${borderwatch.federation.pin-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @WithSession
    public Uni<Void> refresh() {
        return partners.all().invoke(all -> pins = all.stream().map(p -> p.certificateSha256).collect(Collectors.toUnmodifiableSet()))
                .replaceWithVoid();
    }

    public static String sha256(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trusts a peer whose leaf certificate is pinned and within its validity; no CA, no host name: the pin is the identity. */
    public static X509ExtendedTrustManager pinnedTo(Predicate<String> pinned) {
        return new X509ExtendedTrustManager() {
            private void check(X509Certificate[] chain) throws CertificateException {
                if (chain == null || chain.length == 0) {
                    throw new CertificateException("no certificate");
                }
                chain[0].checkValidity();
                if (!pinned.test(sha256(chain[0]))) {
                    throw new CertificateException("certificate " + chain[0].getSubjectX500Principal() + " is not pinned by a federation agreement");
                }
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                check(chain);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                check(chain);
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
                check(chain);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
                check(chain);
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
                check(chain);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
                check(chain);
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
    }
}
