package org.borderwatch.evidence.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Unsafe consumption (OWASP API10): the object store is a peer the service does not control. A store that never
 * answers, answers byte by byte, answers too much or answers an error cannot hold a worker thread past the timeout,
 * fill the heap, or pass for success.
 */
class S3EvidenceStoreTest {

    static final Duration TIMEOUT = Duration.ofSeconds(1);
    static final Duration BOUND = Duration.ofSeconds(5);

    private final List<AutoCloseable> peers = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopPeers() throws Exception {
        for (AutoCloseable peer : peers) {
            peer.close();
        }
    }

    @Test
    void aStoreThatNeverAnswersFailsTheCallWithinTheTimeout() throws Exception {
        S3EvidenceStore store = storeAt(rawPeer(socket -> Thread.sleep(60_000)));
        failsSoonAfterTheTimeout(() -> store.get(null, UUID.randomUUID(), 0));
    }

    @Test
    void aStoreThatTricklesItsBodyFailsTheCallWithinTheTimeout() throws Exception {
        S3EvidenceStore store = storeAt(rawPeer(socket -> {
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 600; i++) {
                out.write('x');
                out.flush();
                Thread.sleep(100);
            }
        }));
        failsSoonAfterTheTimeout(() -> store.get(null, UUID.randomUUID(), 0));
    }

    @Test
    void aBodyLargerThanAPieceIsRefusedInsteadOfRead() throws Exception {
        S3EvidenceStore store = storeAt(httpPeer(200, new byte[EvidenceStore.PIECE_SIZE * 3]));
        IOException refused = assertThrows(IOException.class, () -> store.get(null, UUID.randomUUID(), 0));
        assertTrue(refused.getMessage().contains("more than " + EvidenceStore.PIECE_SIZE), refused.getMessage());
    }

    @Test
    void aPieceIsReadWhole() throws Exception {
        byte[] piece = new byte[EvidenceStore.PIECE_SIZE];
        piece[piece.length - 1] = 7;
        assertArrayEquals(piece, storeAt(httpPeer(200, piece)).get(null, UUID.randomUUID(), 0));
    }

    @Test
    void anErrorStatusIsAFailureNotEmptyEvidence() throws Exception {
        S3EvidenceStore store = storeAt(httpPeer(500, "<Error>SlowDown</Error>".getBytes(StandardCharsets.UTF_8)));
        IllegalStateException failed = assertThrows(IllegalStateException.class, () -> store.get(null, UUID.randomUUID(), 0));
        assertTrue(failed.getMessage().contains("answered 500"), failed.getMessage());
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        HttpServer elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> followed = new CopyOnWriteArrayList<>();
        elsewhere.createContext("/", exchange -> {
            followed.add(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        elsewhere.start();
        peers.add(() -> elsewhere.stop(0));
        HttpServer redirecting = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        redirecting.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/stolen");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        redirecting.start();
        peers.add(() -> redirecting.stop(0));
        S3EvidenceStore store = storeAt(URI.create("http://127.0.0.1:" + redirecting.getAddress().getPort() + "/"));
        assertThrows(IllegalStateException.class, () -> store.get(null, UUID.randomUUID(), 0));
        assertTrue(followed.isEmpty(), "followed to " + followed);
    }

    /** The call fails with an IOException within {@link #BOUND} of starting (the timeout is {@link #TIMEOUT}). */
    static void failsSoonAfterTheTimeout(org.junit.jupiter.api.function.Executable call) {
        long started = System.nanoTime();
        assertTimeoutPreemptively(BOUND.multipliedBy(2), () -> assertThrows(IOException.class, call));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(BOUND) < 0, "failed only after " + took);
    }

    S3EvidenceStore storeAt(URI endpoint) {
        return new S3EvidenceStore(endpoint, "evidence", "us-east-1", "key", "secret", TIMEOUT, TIMEOUT);
    }

    interface Behaviour {
        void serve(Socket socket) throws Exception;
    }

    URI rawPeer(Behaviour behaviour) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        peers.add(server);
        Thread accepting = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    behaviour.serve(socket);
                } catch (Exception ignored) {
                    // the client gave up, or the test is over
                }
            }
        });
        accepting.setDaemon(true);
        accepting.start();
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
    }

    URI httpPeer(int status, byte[] body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException ignored) {
                // the store stopped reading: what the test wants
            }
        });
        server.start();
        peers.add(() -> server.stop(0));
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }
}
