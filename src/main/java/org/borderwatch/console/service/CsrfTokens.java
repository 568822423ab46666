package org.borderwatch.console.service;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Double-submit tokens against cross-site request forgery: a random token in an HttpOnly, SameSite cookie and the
 * same token in a hidden field of every form; a form whose field does not match the cookie is refused. Another site
 * can neither read the cookie nor set it (SameSite, and the __Host- prefix where cookies are Secure).
 */
public final class CsrfTokens {

    public static final String FIELD = "csrf";
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private CsrfTokens() {
    }

    public static String fresh() {
        byte[] bytes = new byte[32];
        // made here, at run time: a generator built into a native image would repeat its seed in every process
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean wellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    /** Constant time, so the comparison tells nothing about how much of a guess was right. */
    public static boolean matches(String cookie, String field) {
        return wellFormed(cookie) && wellFormed(field) && MessageDigest.isEqual(cookie.getBytes(), field.getBytes());
    }

    /** The cookie's name: __Host- only where cookies are Secure (a browser refuses such a cookie otherwise). */
    public static String cookieName(boolean secure) {
        return secure ? "__Host-bw-csrf" : "bw-csrf";
    }
}
