package org.borderwatch.evidence.service;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/** The file types evidence may be, and what a file really is, judged from its first bytes (never from its name). */
public final class FileTypes {

    public static final Set<String> ACCEPTED = Set.of("image/jpeg", "image/png", "image/heic", "image/webp", "video/mp4",
            "video/quicktime", "application/pdf");
    /** How many leading bytes the sniffer needs. */
    public static final int HEAD = 16;
    private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1");

    private FileTypes() {
    }

    public static boolean isVideo(String contentType) {
        return contentType.startsWith("video/");
    }

    public static boolean isImage(String contentType) {
        return contentType.startsWith("image/");
    }

    /** The type the bytes show, or null when they are none of the accepted types. */
    public static String sniff(byte[] head) {
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WEBP")) {
            return "image/webp";
        }
        if (ascii(head, 0, 5).equals("%PDF-")) {
            return "application/pdf";
        }
        if (ascii(head, 4, 4).equals("ftyp")) {
            String brand = ascii(head, 8, 4);
            if (HEIC_BRANDS.contains(brand)) {
                return "image/heic";
            }
            return brand.equals("qt  ") ? "video/quicktime" : "video/mp4";
        }
        String atom = ascii(head, 4, 4);
        return atom.equals("moov") || atom.equals("mdat") || atom.equals("wide") || atom.equals("free") ? "video/quicktime" : null;
    }

    /** Whether the bytes are of the declared type; MP4 and QuickTime share a container, so each passes for the other. */
    public static boolean matches(String declared, String sniffed) {
        if (sniffed == null) {
            return false;
        }
        return declared.equals(sniffed) || isVideo(declared) && isVideo(sniffed);
    }

    private static boolean startsWith(byte[] data, int at, int... expected) {
        if (data.length < at + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((data[at + i] & 0xff) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] data, int at, int length) {
        return data.length < at + length ? "" : new String(Arrays.copyOfRange(data, at, at + length), StandardCharsets.ISO_8859_1);
    }
}
