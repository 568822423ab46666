package org.borderwatch.evidence.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * An S3-compatible object store (AWS S3, MinIO, Ceph, S3Mock) through the AWS SDK for Java 2.x on the JDK's
 * HttpURLConnection (no Netty or Apache client, so it stays native-ready): each piece is the object
 * {@code evidence/<upload>/<offset>}, with path-style requests. Every exchange is bounded in time (connection, each
 * read, and the whole call, body included) and in size (a body larger than a piece is refused unread), so a slow or
 * faulty store cannot hold a worker thread or the heap; the bucket is created on first use if it does not exist.
 */
public class S3EvidenceStore implements EvidenceStore, AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    private final Duration requestTimeout;
    private volatile boolean bucketReady;

    public S3EvidenceStore(URI endpoint, String bucket, String region, String accessKey, String secretKey, Duration connectTimeout,
                           Duration requestTimeout) {
        this.bucket = bucket;
        this.requestTimeout = requestTimeout;
        this.s3 = S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(connectTimeout).socketTimeout(requestTimeout))
                .overrideConfiguration(o -> o.apiCallTimeout(requestTimeout).apiCallAttemptTimeout(requestTimeout))
                // MinIO, Ceph and S3Mock do not all take the SDK's default trailing CRC checksums; evidence carries its own SHA-256
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    @Override
    public void put(Connection transaction, UUID upload, long startOffset, byte[] data, int length) throws Exception {
        ensureBucket();
        byte[] body = length == data.length ? data : Arrays.copyOf(data, length);
        call("PUT", () -> s3.putObject(b -> b.bucket(bucket).key(key(upload, startOffset)), RequestBody.fromBytes(body)));
    }

    @Override
    public byte[] get(Connection connection, UUID upload, long startOffset) throws Exception {
        GetObjectRequest request = GetObjectRequest.builder().bucket(bucket).key(key(upload, startOffset)).build();
        return call("GET", () -> s3.getObject(request, ResponseTransformer.unmanaged((response, body) -> bounded(response.contentLength(), body))));
    }

    @Override
    public void delete(Connection transaction, UUID upload, long startOffset) {
        // the object goes in purge(), once the database has let go of it
    }

    @Override
    public void purge(UUID upload, long startOffset) throws Exception {
        call("DELETE", () -> s3.deleteObject(b -> b.bucket(bucket).key(key(upload, startOffset))));
    }

    @Override
    public void close() {
        s3.close();
    }

    private void ensureBucket() throws Exception {
        if (bucketReady) {
            return;
        }
        try {
            call("HEAD", () -> s3.headBucket(b -> b.bucket(bucket)));
        } catch (NoSuchBucketException | MissingBucket missing) {
            try {
                call("PUT", () -> s3.createBucket(b -> b.bucket(bucket)));
            } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException raced) {
                // another replica created it first
            }
        }
        bucketReady = true;
    }

    private static String key(UUID upload, long startOffset) {
        return "evidence/" + upload + "/" + String.format("%015d", startOffset);
    }

    /** Reads a body of at most one piece; a longer one is refused (and left unread) instead of filling the heap. */
    private static byte[] bounded(Long declared, InputStream body) throws IOException {
        try (InputStream in = body) {
            if (declared != null && declared > PIECE_SIZE) {
                throw new Oversized();
            }
            byte[] bytes = in.readNBytes(PIECE_SIZE + 1);
            if (bytes.length > PIECE_SIZE) {
                throw new Oversized();
            }
            return bytes;
        }
    }

    private interface Call<T> {
        T run();
    }

    /** One exchange; the SDK's failures become what callers of a store expect: IOException for the transport, ISE for a refusal. */
    private <T> T call(String method, Call<T> exchange) throws IOException {
        try {
            return exchange.run();
        } catch (NoSuchBucketException | BucketAlreadyOwnedByYouException | BucketAlreadyExistsException expected) {
            throw expected;
        } catch (S3Exception refused) {
            if (method.equals("HEAD") && refused.statusCode() == 404) {
                throw new MissingBucket();
            }
            if (method.equals("DELETE") && refused.statusCode() == 404) {
                return null;
            }
            throw new IllegalStateException("object store answered " + refused.statusCode() + " to " + method + " in bucket " + bucket);
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException slow) {
            throw new IOException("object store did not finish " + method + " within " + requestTimeout, slow);
        } catch (SdkClientException failed) {
            for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
                if (cause instanceof Oversized oversized) {
                    throw oversized;
                }
            }
            throw new IOException("object store " + method + " failed: " + failed.getMessage(), failed);
        }
    }

    /** A body larger than a piece. */
    static final class Oversized extends IOException {
        Oversized() {
            super("object store answered with more than " + PIECE_SIZE + " bytes");
        }
    }

    /** HEAD on a missing bucket is a bare 404 (no error code in the body), not always NoSuchBucketException. */
    private static final class MissingBucket extends RuntimeException {
        MissingBucket() {
            super(null, null, false, false);
        }
    }
}
