package org.borderwatch.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** tus 1.0.0 calls for evidence uploads. */
public final class Uploads {

    private Uploads() {
    }

    public static RequestSpecification tus(String token) {
        return given().auth().oauth2(token).header("Tus-Resumable", "1.0.0");
    }

    public static String metadata(String filename, String contentType, String sha256) {
        return "filename " + b64(filename) + ",contentType " + b64(contentType) + ",sha256 " + b64(sha256)
                + ",capturedAt " + b64("2026-11-20T21:38:00+07:00");
    }

    public static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    public static ValidatableResponse create(String token, UUID report, long length, String metadata) {
        return tus(token).header("Upload-Length", String.valueOf(length)).header("Upload-Metadata", metadata)
                .when().post("/api/v1/reports/" + report + "/evidence").then();
    }

    public static String created(String token, UUID report, byte[] file, String contentType) {
        return create(token, report, file.length, metadata("IMG_0412.jpg", contentType, Files.sha256(file))).statusCode(201)
                .header("Tus-Resumable", "1.0.0").extract().header("Location");
    }

    public static ValidatableResponse patch(String token, String location, long offset, byte[] bytes) {
        return tus(token).header("Upload-Offset", String.valueOf(offset)).contentType("application/offset+octet-stream").body(bytes)
                .when().patch(location).then();
    }

    public static String uploaded(String token, UUID report, byte[] file) {
        String location = created(token, report, file, "image/jpeg");
        patch(token, location, 0, file).statusCode(204).header("Upload-Offset", String.valueOf(file.length));
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
