package org.borderwatch.e2e;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged service in production mode refuses to start without its signing keys (issue 13, item 12). */
class SigningKeysRequiredIT {

    @Test
    void withoutItsKeysTheProductionServiceDoesNotStart() throws Exception {
        Path log = Files.createTempFile("borderwatch-unsigned", ".log");
        ProcessBuilder service = new ProcessBuilder(org.borderwatch.support.PackagedApp.command("-Dquarkus.http.port=0"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        service.environment().remove("BORDERWATCH_AUDIT_SIGNING_KEY");
        service.environment().remove("BORDERWATCH_SHARING_SNAPSHOT_SIGNING_KEY");
        Process process = service.start();
        try {
            assertTrue(process.waitFor(90, TimeUnit.SECONDS), "the service kept running without its keys");
            String output = Files.readString(log);
            assertNotEquals(0, process.exitValue(), output);
            assertTrue(output.contains("refusing to start without a signing key"), output);
        } finally {
            process.destroyForcibly();
        }
    }
}
