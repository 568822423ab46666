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

    /** The service's own published key set stands in for a partner's (so that what the service signs verifies as the partner's). */
    public static String keySet() {
        JsonPath keys = JsonPath.from(given().when().get("/.well-known/jwks.json").then().statusCode(200).extract().asString());
        java.util.List<String> entries = new java.util.ArrayList<>();
        for (int i = 0; i < keys.getList("keys").size(); i++) {
            entries.add("{\"kty\":\"RSA\",\"kid\":\"" + keys.getString("keys[" + i + "].kid") + "\",\"n\":\"" + keys.getString("keys[" + i + "].n")
                    + "\",\"e\":\"" + keys.getString("keys[" + i + "].e") + "\"}");
        }
        return "{\"keys\":[" + String.join(",", entries) + "]}";
    }

    /** A partner speaking for the receiving agency of the agreement (read as the operator of the test profile). */
    public static String partnerBody(String installation, UUID agreement) {
        String to = given().auth().oauth2(Sharing.OPERATOR).when().get("/api/v1/agreements/" + agreement).then().statusCode(200).extract().path("to");
        return partnerBody(installation, agreement, to);
    }

    public static String partnerBody(String installation, UUID agreement, String agency) {
        return "{\"installation\":\"" + installation + "\",\"baseUrl\":\"https://" + installation + ".example.cn\",\"certificate\":"
                + quoted(certificatePem()) + ",\"keySet\":" + keySet() + ",\"agencies\":[\"" + agency + "\"],\"agreements\":[\"" + agreement
                + "\"],\"recallDeadline\":\"PT4H\"}";
    }

    public static String installation() {
        return "borderwatch.gx-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "\\n") + "\"";
    }
}
