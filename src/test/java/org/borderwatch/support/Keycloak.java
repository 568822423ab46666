package org.borderwatch.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import io.restassured.path.json.JsonPath;

/** Access tokens of the dev realm's demo users from the real Keycloak (password grant, dev realm only). */
public final class Keycloak {

    private static final String URL = System.getProperty("keycloak.url", "http://127.0.0.1:8180");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Keycloak() {
    }

    /** Demo users have their username as password. */
    public static String token(String username) {
        return TOKENS.computeIfAbsent(username, Keycloak::fetch);
    }

    public static String subject(String token) {
        return claim(token, "sub");
    }

    /** The issuer the realm writes into its tokens, as the service sees it. */
    public static String issuer() {
        return claim(token("officer.qn"), "iss");
    }

    private static String claim(String token, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonPath.from(payload).getString(name);
    }

    /** A demo user's token from another realm of the same Keycloak (the federation suite's partner installation). */
    public static String tokenIn(String realm, String username) {
        return TOKENS.computeIfAbsent(realm + "/" + username, key -> fetch(realm, username));
    }

    private static String fetch(String username) {
        return fetch("borderwatch", username);
    }

    private static String fetch(String realm, String username) {
        String form = "grant_type=password&client_id=borderwatch-mobile&username=" + encode(username) + "&password=" + encode(username);
        HttpRequest request = HttpRequest.newBuilder(URI.create(URL + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused " + username + ": " + response.statusCode() + " " + response.body());
            }
            return JsonPath.from(response.body()).getString("access_token");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + URL + " (start it with .ci/keycloak start)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
