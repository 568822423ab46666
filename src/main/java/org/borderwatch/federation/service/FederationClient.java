package org.borderwatch.federation.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.net.TrustOptions;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.borderwatch.federation.FederationPartner;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads a partner's TAXII collection over mutual TLS: this installation's federation certificate as the client's,
 * and only the partner's pinned certificate accepted from the server. A page larger than the limit is refused.
 */
@ApplicationScoped
public class FederationClient {

    private static final long MAX_PAGE_BYTES = 32L * 1024 * 1024;

    private final Vertx vertx;
    private final TlsConfigurationRegistry tls;
    private final ObjectMapper json;
    private final Duration timeout;
    private final Map<String, WebClient> clients = new ConcurrentHashMap<>();

    public FederationClient(Vertx vertx, TlsConfigurationRegistry tls, ObjectMapper json,
                            @ConfigProperty(name = "borderwatch.federation.request-timeout") Duration timeout) {
        this.vertx = vertx;
        this.tls = tls;
        this.json = json;
        this.timeout = timeout;
    }

    /** One page of the collection named for this installation, every version, after a time the partner gave. */
    public Uni<JsonNode> objects(FederationPartner partner, String collection, String addedAfter, int limit) {
        HttpRequest<io.vertx.mutiny.core.buffer.Buffer> request = client(partner)
                .getAbs(partner.baseUrl.replaceAll("/+$", "") + "/taxii2/borderwatch/collections/" + collection + "/objects/")
                .putHeader("Accept", "application/taxii+json;version=2.1").addQueryParam("limit", String.valueOf(limit))
                .addQueryParam("match[version]", "all").timeout(timeout.toMillis());
        if (addedAfter != null) {
            request.addQueryParam("added_after", addedAfter);
        }
        return request.send().map(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException(partner.installation + " answered " + response.statusCode());
            }
            if (response.body() == null || response.body().length() > MAX_PAGE_BYTES) {
                throw new IllegalStateException(partner.installation + " sent an empty page or one over " + MAX_PAGE_BYTES + " bytes");
            }
            try {
                return json.readTree(response.body().getBytes());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(partner.installation + " sent a page that is not JSON", e);
            }
        });
    }

    private WebClient client(FederationPartner partner) {
        return clients.computeIfAbsent(partner.id + ":" + partner.certificateSha256 + ":" + partner.baseUrl, key -> {
            TlsConfiguration own = tls.get("federation").orElseThrow(() -> new IllegalStateException(
                    "federation TLS is not configured (quarkus.tls.federation.key-store.*): this installation has no certificate to present"));
            String pin = partner.certificateSha256;
            WebClientOptions options = new WebClientOptions().setSsl(true).setKeyCertOptions(own.getKeyStoreOptions())
                    .setTrustOptions(TrustOptions.wrap(PartnerTrust.pinnedTo(pin::equals))).setVerifyHost(false)
                    .setConnectTimeout((int) timeout.toMillis()).setMaxPoolSize(2).setUserAgent("Borderwatch federation");
            return WebClient.create(vertx, options);
        });
    }
}
