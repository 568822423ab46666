package org.borderwatch.evidence.storage;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An S3-compatible object store (AWS S3, MinIO, Ceph, S3Mock): each piece is the object
 * {@code evidence/<upload>/<offset>}, written with path-style requests signed with AWS Signature Version 4.
 * Every call has a bounded timeout; the bucket is created on first use if it does not exist.
 */
public class S3EvidenceStore implements EvidenceStore {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI endpoint;
    private final String bucket;
    private final String region;
    private final String accessKey;
    private final String secretKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile boolean bucketReady;

    public S3EvidenceStore(URI endpoint, String bucket, String region, String accessKey, String secretKey) {
        this.endpoint = endpoint;
        this.bucket = bucket;
        this.region = region;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
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
    public void delete(Connection transaction, UUID upload, long startOffset) throws Exception {
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
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(path)).timeout(TIMEOUT)
                .header("x-amz-date", amzDate).header("x-amz-content-sha256", payloadHash).header("Authorization", authorization)
                .method(method, publisher).build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
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
}
