package org.borderwatch.evidence.service;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where evidence is stored, how much a report may carry, and how long an unfinished upload is kept. */
@ConfigMapping(prefix = "borderwatch.evidence")
public interface EvidenceConfig {

    /** postgres (default) or s3. */
    @WithDefault("postgres")
    String storage();

    S3 s3();

    /** An S3-compatible object store, when storage = s3. */
    interface S3 {
        java.util.Optional<java.net.URI> endpoint();

        @WithDefault("borderwatch-evidence")
        String bucket();

        @WithDefault("us-east-1")
        String region();

        java.util.Optional<String> accessKey();

        java.util.Optional<String> secretKey();

        /** Longest wait for a connection to the object store. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Longest wait for one whole object-store exchange, body included. */
        @WithDefault("30s")
        Duration requestTimeout();
    }


    /** Largest photo or document. */
    @WithDefault("50M")
    MemorySize maxFileSize();

    /** Largest video. */
    @WithDefault("500M")
    MemorySize maxVideoSize();

    /** Most evidence items (and uploads in progress) per report. */
    @WithDefault("50")
    int maxItemsPerReport();

    /** Most bytes of evidence per report. */
    @WithDefault("2G")
    MemorySize maxTotalPerReport();

    /** How long an upload may stay incomplete before its bytes are reclaimed. */
    @WithDefault("PT24H")
    Duration uploadExpiry();

    /** A photo taken further than this from the report's location is flagged for the supervisor. */
    @WithDefault("1000")
    double gpsFlagDistanceMeters();

    /** How often the bytes of lapsed uploads are reclaimed. */
    @WithDefault("10m")
    String reclaimEvery();

    default long maxSizeOf(String contentType) {
        return (FileTypes.isVideo(contentType) ? maxVideoSize() : maxFileSize()).asLongValue();
    }
}
