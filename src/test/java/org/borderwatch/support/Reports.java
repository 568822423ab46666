package org.borderwatch.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;

/** Report bodies and calls shared by the tests. */
public final class Reports {

    public static final String FULL = """
            { "category": "DRUGS",
              "occurredAt": "2026-11-20T21:40:00+07:00",
              "location": { "lat": 21.5283, "lon": 107.9650, "accuracyMeters": 12 },
              "borderGate": "MONG_CAI", "borderMarker": "1369",
              "narrative": { "text": "Hai đối tượng vận chuyển ma túy qua sông", "lang": "vi" },
              "people":   [ { "role": "SUSPECT", "count": 2, "nationality": "VN" } ],
              "vehicles": [ { "plate": "14A-123.45", "kind": "MOTORBIKE" } ],
              "goods":    [ { "kind": "METHAMPHETAMINE", "quantity": 1.2, "unit": "KG",
                              "estimatedValue": { "amount": 300000000, "currency": "VND" } } ],
              "impact": "HIGH", "deviceId": "android-7f3a" }
            """;

    public static final String MINIMAL = """
            {"category":"ILLEGAL_CROSSING","occurredAt":"2026-11-20T05:10:00+07:00","location":{"lat":21.83,"lon":106.76}}
            """;

    private Reports() {
    }

    public static UUID newId() {
        return UUID.randomUUID();
    }

    public static ValidatableResponse put(String token, UUID id, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/reports/{id}", id).then();
    }

    public static ValidatableResponse get(String token, UUID id) {
        return given().auth().oauth2(token).when().get("/api/v1/reports/{id}", id).then();
    }

    public static UUID filed(String token, String body) {
        UUID id = newId();
        put(token, id, body).statusCode(201);
        return id;
    }
}
