package org.borderwatch.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.borderwatch.support.Db;
import org.borderwatch.support.Reports;
import org.borderwatch.support.Sharing;
import org.junit.jupiter.api.Test;

/**
 * Hostile input (OWASP API8/API4): valid requests to the JSON endpoints, mutated at random — fields dropped, values of
 * the wrong type, unknown and server-owned fields, huge and deeply nested values, broken JSON, random bytes, bad ids,
 * out-of-range coordinates, odd numbers and characters. Nothing may answer 5xx or show internals, and a refused
 * request must not change stored data. 3,000 requests in the suite; -Dfuzz.requests=100000 for the long run.
 */
@QuarkusTest
class FuzzTest {

    static final int REQUESTS = Integer.getInteger("fuzz.requests", 3000);
    static final ObjectMapper JSON = new ObjectMapper();

    record Target(String method, Function<Random, String> path, String token, String body) {
    }

    @Test
    void mutatedRequestsNeverBreakTheServiceOrChangeData() throws Exception {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H1");
        UUID caseId = Sharing.caseOf(p, Reports.FULL);
        UUID shareId = Sharing.activeShare(p, caseId);
        UUID report = Reports.filed(p.officer(), Reports.FULL);
        List<Target> targets = List.of(
                new Target("PUT", r -> "/api/v1/reports/" + id(r), p.officer(), Reports.FULL),
                new Target("POST", r -> "/api/v1/reports/batch", p.officer(), "{\"reports\":[{\"id\":\"" + UUID.randomUUID() + "\","
                        + Reports.FULL.trim().substring(1) + "]}"),
                new Target("POST", r -> "/api/v1/reports/" + report + "/decisions", p.supervisor(),
                        "{\"decision\":\"REQUEST_INFO\",\"question\":\"Which bridge?\"}"),
                new Target("POST", r -> "/api/v1/cases", p.supervisor(), "{\"title\":\"x\",\"reportIds\":[\"" + report + "\"]}"),
                new Target("PUT", r -> "/api/v1/agreements/" + id(r), Sharing.OPERATOR,
                        Sharing.agreementBody(p.owner(), p.partner(), "\"DRUGS\"", "H1", "2026-01-01", "2027-12-31")),
                new Target("POST", r -> "/api/v1/cases/" + caseId + "/shares", p.supervisor(), Sharing.shareBody(p.partner(), "H0", Sharing.REDACTED)),
                new Target("PATCH", r -> "/api/v1/cases/" + caseId, p.supervisor(), "{\"summary\":\"Two couriers\",\"impact\":\"HIGH\"}"),
                new Target("POST", r -> "/api/v1/cases/" + caseId + "/reports", p.supervisor(), "{\"reportId\":\"" + report + "\"}"),
                new Target("POST", r -> "/api/v1/shares/" + shareId + "/messages", p.partnerLiaison(),
                        "{\"kind\":\"COMMENT\",\"body\":\"Noted\"}"),
                new Target("PUT", r -> "/api/v1/agencies/" + (r.nextBoolean() ? "VN-FUZZ" : "bad code"), Sharing.OPERATOR,
                        "{\"country\":\"VN\",\"nameEn\":\"x\",\"nameVi\":\"x\",\"nameZh\":\"x\"}"));
        Random random = new Random(Long.getLong("fuzz.seed", 20261124L));
        long reportsBefore = Db.count("select count(*) from report");
        long casesBefore = Db.count("select count(*) from case_file");
        long sharesBefore = Db.count("select count(*) from case_share");
        int reportsCreated = 0;
        int casesCreated = 0;
        int sharesCreated = 0;
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Target target = targets.get(random.nextInt(targets.size()));
            byte[] body = mutate(target.body(), random);
            String path = target.path().apply(random);
            Response response = given().auth().oauth2(target.token()).contentType("application/json").body(body)
                    .when().request(target.method(), path);
            int status = response.statusCode();
            statuses.merge(status, 1, Integer::sum);
            String text = response.asString();
            if (status >= 500 || text.contains("org.borderwatch") || text.contains("Exception") || text.contains("\tat ")) {
                broken.add(status + " " + target.method() + " " + path + " <- " + new String(body, StandardCharsets.UTF_8).substring(0,
                        Math.min(200, body.length)) + " -> " + text.substring(0, Math.min(300, text.length())));
            }
            if (status == 201 && path.startsWith("/api/v1/reports/")) {
                reportsCreated++;
            }
            if (status == 200 && path.endsWith("/batch")) {
                reportsCreated += (int) JSON.readTree(text).path("results").findValuesAsText("outcome").stream().filter("CREATED"::equals).count();
            }
            if (status == 201 && path.equals("/api/v1/cases")) {
                casesCreated++;
            }
            if (status == 201 && path.endsWith("/shares")) {
                sharesCreated++;
            }
        }
        assertTrue(broken.isEmpty(), broken.size() + " broken answers, first: " + broken.stream().limit(5).toList());
        assertEquals(reportsBefore + reportsCreated, Db.count("select count(*) from report"), "only accepted requests store reports");
        assertEquals(casesBefore + casesCreated, Db.count("select count(*) from case_file"), "only accepted requests open cases");
        assertEquals(sharesBefore + sharesCreated, Db.count("select count(*) from case_share"), "only accepted requests release cases");
        assertTrue(statuses.keySet().stream().anyMatch(s -> s >= 400), "the mutations were all accepted: " + statuses);
        System.getLogger("fuzz").log(System.Logger.Level.INFO, REQUESTS + " fuzzed requests, statuses " + statuses);
    }

    static String id(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "not-a-uuid";
            case 1 -> "00000000-0000-0000-0000-00000000000g";
            case 2 -> "%00";
            default -> UUID.randomUUID().toString();
        };
    }

    static byte[] mutate(String valid, Random random) throws Exception {
        switch (random.nextInt(14)) {
            case 12: {
                // a repeated key: the first field of the body sent twice
                String first = valid.substring(1, valid.indexOf(',') > 0 ? valid.indexOf(',') : valid.length() - 1);
                return ("{" + first + "," + valid.substring(1)).getBytes(StandardCharsets.UTF_8);
            }
            case 13:
                return (valid + List.of("bla", "garbage[[[", "{}", " 1").get(random.nextInt(4))).getBytes(StandardCharsets.UTF_8);
            case 0:
                return valid.substring(0, random.nextInt(valid.length())).getBytes(StandardCharsets.UTF_8);
            case 1: {
                byte[] noise = new byte[random.nextInt(2000)];
                random.nextBytes(noise);
                return noise;
            }
            case 2:
                return ("{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}").getBytes(StandardCharsets.UTF_8);
            case 3:
                return ("{\"narrative\":{\"text\":\"" + "x".repeat(300_000) + "\",\"lang\":\"vi\"}}").getBytes(StandardCharsets.UTF_8);
            default: {
                JsonNode tree = JSON.readTree(valid);
                int changes = 1 + random.nextInt(3);
                for (int c = 0; c < changes; c++) {
                    tree = change(tree, random);
                }
                return JSON.writeValueAsBytes(tree);
            }
        }
    }

    static JsonNode change(JsonNode root, Random random) {
        List<ObjectNode> objects = new ArrayList<>();
        collect(root, objects);
        if (objects.isEmpty()) {
            return root;
        }
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        String name = names.isEmpty() ? "extra" : names.get(random.nextInt(names.size()));
        switch (random.nextInt(10)) {
            case 0 -> target.remove(name);
            case 1 -> target.put(name, random.nextLong());
            case 2 -> target.put(name, random.nextBoolean() ? "\u0000\ud800<script>'; drop table report;--"
                    : "purpose \u202Egnirtap\u200B\u2066x\u2069\u0007");
            case 3 -> target.putNull(name);
            case 4 -> target.putArray(name).add(1).add("two");
            case 5 -> target.putObject(name).put("nested", true);
            case 6 -> target.put(random.nextBoolean() ? "status" : "unknownField", "ACTIVE");
            case 7 -> target.put(name, 1e308 * (random.nextBoolean() ? 10 : -1));
            case 8 -> target.put(name, "9".repeat(40));
            default -> {
                if (target.has("lat")) {
                    target.put("lat", 91 + random.nextInt(1000));
                } else {
                    target.put(name, random.nextBoolean());
                }
            }
        }
        return root;
    }

    static void collect(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
            object.elements().forEachRemaining(child -> collect(child, objects));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> collect(child, objects));
        }
    }
}
