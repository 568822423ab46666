package org.borderwatch.support;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

/** Federation partners for the tests: a certificate made by the JDK's keytool, and a key set. */
public final class Federation {

    private static String certificate;

    private Federation() {
    }

    /** A self-signed certificate valid for a year, PEM (made once per test run). */
    public static synchronized String certificatePem() {
        if (certificate == null) {
            certificate = keytoolCertificate("CN=borderwatch.cn-gx.test");
        }
        return certificate;
    }

    public static String keytoolCertificate(String subject) {
        try {
            Path store = java.nio.file.Files.createTempFile("partner", ".p12");
            java.nio.file.Files.delete(store);
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            run(keytool, "-genkeypair", "-alias", "partner", "-keyalg", "RSA", "-keysize", "2048", "-validity", "365", "-dname", subject,
                    "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit");
            return run(keytool, "-exportcert", "-rfc", "-alias", "partner", "-keystore", store.toString(), "-storepass", "changeit");
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("keytool failed", e);
        }
    }

    private static String run(String... command) throws java.io.IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + out);
        }
        return out;
    }

    /** The service's own published key set stands in for a partner's (any RSA JWK Set will do here). */
    public static String keySet() {
        JsonPath keys = JsonPath.from(given().when().get("/.well-known/jwks.json").then().statusCode(200).extract().asString());
        return "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"" + keys.getString("keys[0].kid") + "\",\"n\":\"" + keys.getString("keys[0].n")
                + "\",\"e\":\"" + keys.getString("keys[0].e") + "\"}]}";
    }

    public static String partnerBody(String installation, UUID agreement) {
        return "{\"installation\":\"" + installation + "\",\"baseUrl\":\"https://" + installation + ".example.cn\",\"certificate\":"
                + quoted(certificatePem()) + ",\"keySet\":" + keySet() + ",\"agreements\":[\"" + agreement + "\"],\"recallDeadline\":\"PT4H\"}";
    }

    public static String installation() {
        return "borderwatch.gx-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "\\n") + "\"";
    }
}
