package org.borderwatch.evidence.storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An S3-compatible object store (AWS S3, MinIO, Ceph, S3Mock): each piece is the object
 * {@code evidence/<upload>/<offset>}, written with path-style requests signed with AWS Signature Version 4.
 * Every exchange is bounded in time (connection and whole exchange, body included) and in size (a body larger than a
 * piece is refused), so a slow or faulty store cannot hold a worker thread or the heap; the bucket is created on
 * first use if it does not exist.
 */
public class S3EvidenceStore implements EvidenceStore {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final URI endpoint;
    private final String bucket;
    private final String region;
    private final String accessKey;
    private final String secretKey;
    private final Duration requestTimeout;
    private final HttpClient http;
    private volatile boolean bucketReady;

    public S3EvidenceStore(URI endpoint, String bucket, String region, String accessKey, String secretKey, Duration connectTimeout,
                           Duration requestTimeout) {
        this.endpoint = endpoint;
        this.bucket = bucket;
        this.region = region;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void put(Connection transaction, UUID upload, long startOffset, byte[] data, int length) throws Exception {
        ensureBucket();
        byte[] body = length == data.length ? data : Arrays.copyOf(data, length);
        expect(send("PUT", "/" + bucket + "/" + key(upload, startOffset), body), 200);
    }

    @Override
    public byte[] get(Connection connection, UUID upload, long startOffset) throws Exception {
        HttpResponse<byte[]> response = send("GET", "/" + bucket + "/" + key(upload, startOffset), new byte[0]);
        expect(response, 200);
        return response.body();
    }

    @Override
    public void delete(Connection transaction, UUID upload, long startOffset) {
        // the object goes in purge(), once the database has let go of it
    }

    @Override
    public void purge(UUID upload, long startOffset) throws Exception {
        HttpResponse<byte[]> response = send("DELETE", "/" + bucket + "/" + key(upload, startOffset), new byte[0]);
        if (response.statusCode() != 204 && response.statusCode() != 200 && response.statusCode() != 404) {
            expect(response, 204);
        }
    }

    private void ensureBucket() throws Exception {
        if (bucketReady) {
            return;
        }
        HttpResponse<byte[]> head = send("HEAD", "/" + bucket, new byte[0]);
        if (head.statusCode() == 404) {
            HttpResponse<byte[]> created = send("PUT", "/" + bucket, new byte[0]);
            if (created.statusCode() != 200 && created.statusCode() != 409) {
                expect(created, 200);
            }
        } else {
            expect(head, 200);
        }
        bucketReady = true;
    }

    private static String key(UUID upload, long startOffset) {
        return "evidence/" + upload + "/" + String.format("%015d", startOffset);
    }

    private HttpResponse<byte[]> send(String method, String path, byte[] body) throws Exception {
        String amzDate = AMZ_DATE.format(ZonedDateTime.now(ZoneOffset.UTC));
        String day = amzDate.substring(0, 8);
        String payloadHash = hex(sha256(body));
        String host = endpoint.getPort() == -1 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
        String signedHeaders = "host;x-amz-content-sha256;x-amz-date";
        String canonical = method + "\n" + path + "\n\n" + "host:" + host + "\n" + "x-amz-content-sha256:" + payloadHash + "\n"
                + "x-amz-date:" + amzDate + "\n\n" + signedHeaders + "\n" + payloadHash;
        String scope = day + "/" + region + "/s3/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] signingKey = hmac(hmac(hmac(hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), day), region), "s3"), "aws4_request");
        String authorization = "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope + ", SignedHeaders=" + signedHeaders
                + ", Signature=" + hex(hmac(signingKey, toSign));
        HttpRequest.BodyPublisher publisher = body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(path)).timeout(requestTimeout)
                .header("x-amz-date", amzDate).header("x-amz-content-sha256", payloadHash).header("Authorization", authorization)
                .method(method, publisher).build();
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, info -> new BoundedBody(PIECE_SIZE));
        try {
            return exchange.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new IOException("object store did not finish " + method + " within " + requestTimeout);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    private static void expect(HttpResponse<byte[]> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("object store answered " + response.statusCode() + " to " + response.request().method() + " "
                    + response.request().uri().getPath());
        }
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Collects a body of at most {@code limit} bytes; a longer one fails the exchange instead of filling the heap. */
    static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int limit;
        private Flow.Subscription subscription;

        BoundedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (body.isDone()) {
                    return;
                }
                if (bytes.size() + buffer.remaining() > limit) {
                    body.completeExceptionally(new IOException("object store answered with more than " + limit + " bytes"));
                    subscription.cancel();
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }
}
