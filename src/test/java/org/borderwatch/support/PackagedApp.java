package org.borderwatch.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How an end-to-end test starts another process of the packaged service: the jar, or the native binary when that was built. */
public final class PackagedApp {

    private PackagedApp() {
    }

    /** Starts another process of the service on the port and waits (at most 90 s) until it is ready. */
    public static Process startReady(int port, String... systemProperties) throws java.io.IOException, InterruptedException {
        Path log = Files.createTempFile("borderwatch-" + port, ".log");
        List<String> properties = new ArrayList<>(List.of("-Dquarkus.http.port=" + port));
        properties.addAll(List.of(systemProperties));
        Process process = new ProcessBuilder(command(properties.toArray(String[]::new))).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return process;
                }
            } catch (java.io.IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        process.destroy();
        throw new IllegalStateException("the service on port " + port + " did not become ready: " + Files.readString(log));
    }

    /** A free port on this machine. */
    public static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static List<String> command(String... systemProperties) {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        String nativeImage = System.getProperty("native.image.path");
        List<String> command = new ArrayList<>();
        boolean nativeBuild = !Files.exists(jar) && nativeImage != null && Files.isExecutable(Path.of(nativeImage));
        command.add(nativeBuild ? nativeImage : Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(systemProperties));
        if (!nativeBuild) {
            command.addAll(List.of("-jar", jar.toString()));
        }
        return command;
    }
}
