package org.borderwatch.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.File;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts Adobe S3Mock (copied to target/s3mock/s3mock.jar by the build) as a separate process: a real
 * S3-compatible HTTP peer for the object-store run of the evidence suite.
 */
public class S3Mock implements QuarkusTestResourceLifecycleManager {

    private Process process;

    @Override
    public Map<String, String> start() {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path jar = Path.of("target", "s3mock", "s3mock.jar");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", jar.toString(), "--com.adobe.testing.s3mock.http-port=" + port,
                    "--server.port=0", "--spring.main.banner-mode=off"))
                    .redirectErrorStream(true).redirectOutput(new File("target/s3mock/s3mock.log")).start();
            String endpoint = "http://127.0.0.1:" + port;
            waitUntilUp(endpoint);
            return Map.of("borderwatch.evidence.storage", "s3", "borderwatch.evidence.s3.endpoint", endpoint,
                    "borderwatch.evidence.s3.bucket", "borderwatch-evidence-test", "borderwatch.evidence.s3.access-key", "test-access",
                    "borderwatch.evidence.s3.secret-key", "test-secret");
        } catch (Exception e) {
            throw new IllegalStateException("S3Mock did not start (see target/s3mock/s3mock.log)", e);
        }
    }

    private static void waitUntilUp(String endpoint) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint + "/").toURL().openConnection();
                connection.setConnectTimeout(500);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("S3Mock did not answer on " + endpoint + " within 60 s");
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
        }
    }
}
