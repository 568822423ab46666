package org.borderwatch.evidence.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.borderwatch.evidence.service.EvidenceConfig;

/** Chooses the store: borderwatch.evidence.storage = postgres (default) or s3. */
public class EvidenceStores {

    @Produces
    @ApplicationScoped
    EvidenceStore store(EvidenceConfig config) {
        EvidenceConfig.S3 s3 = config.s3();
        return switch (config.storage()) {
            case "postgres" -> new PostgresEvidenceStore();
            case "s3" -> new S3EvidenceStore(s3.endpoint().orElseThrow(() -> missing("endpoint")), s3.bucket(), s3.region(),
                    s3.accessKey().orElseThrow(() -> missing("access-key")), s3.secretKey().orElseThrow(() -> missing("secret-key")),
                    s3.connectTimeout(), s3.requestTimeout());
            default -> throw new IllegalArgumentException("borderwatch.evidence.storage must be postgres or s3, not " + config.storage());
        };
    }

    /** Closes the object-store client's connections at shutdown. */
    void close(@jakarta.enterprise.inject.Disposes EvidenceStore store) throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private static IllegalArgumentException missing(String property) {
        return new IllegalArgumentException("borderwatch.evidence.storage=s3 needs borderwatch.evidence.s3." + property);
    }
}
