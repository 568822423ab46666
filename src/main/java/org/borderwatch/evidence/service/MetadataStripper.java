package org.borderwatch.evidence.service;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Makes the partner copy of a photo: the same picture with every embedded metadata block removed. An allow-list, not a
 * block-list: only the structures needed to decode the picture are copied, so a metadata block no one thought of (a
 * maker's APPn segment, an ICC profile's description, a comment, a second image after the end) stays home too.
 * Only JPEG and PNG are supported; for every other type (HEIC, WebP, video, PDF) there is no partner copy and the
 * item cannot be released.
 */
public final class MetadataStripper {

    public static final Set<String> SUPPORTED = Set.of("image/jpeg", "image/png");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    /**
     * Chunks that carry the default picture and how to show it; text, EXIF, ICC profiles, times and the frames of an
     * animated PNG (tEXt, zTXt, iTXt, eXIf, iCCP, tIME, acTL, fcTL, fdAT, ...) go: a partner sees the picture the owner saw.
     */
    private static final Set<String> PNG_KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "sBIT", "bKGD",
            "pHYs");

    private MetadataStripper() {
    }

    /** The partner copy, or empty when the type is not supported or the file cannot be parsed. */
    public static Optional<byte[]> strip(String contentType, byte[] original) {
        try {
            return switch (contentType) {
                case "image/jpeg" -> Optional.of(jpeg(original));
                case "image/png" -> Optional.of(png(original));
                default -> Optional.empty();
            };
        } catch (IllegalArgumentException | IndexOutOfBoundsException | ArithmeticException malformed) {
            return Optional.empty();
        }
    }

    /**
     * Copies SOI, the tables, frame and scan headers and the entropy-coded data up to the first EOI. Every APPn (EXIF,
     * XMP, ICC, MPF, JFIF thumbnails, makers' blocks) and COM segment is dropped, except APP14 "Adobe" (12 bytes of colour
     * transform flags, no text), without which some pictures decode with wrong colours.
     */
    static byte[] jpeg(byte[] in) {
        if ((in[0] & 0xFF) != 0xFF || (in[1] & 0xFF) != 0xD8) {
            throw new IllegalArgumentException("not a JPEG");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(0xFF);
        out.write(0xD8);
        int at = 2;
        while (true) {
            if ((in[at] & 0xFF) != 0xFF) {
                throw new IllegalArgumentException("no marker at " + at);
            }
            int marker = in[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++;
                continue;
            }
            if (marker == 0xD9) {
                out.write(0xFF);
                out.write(0xD9);
                return out.toByteArray();
            }
            int length = ((in[at + 2] & 0xFF) << 8) | (in[at + 3] & 0xFF);
            int end = at + 2 + length;
            if (keeps(marker, in, at + 4, length - 2)) {
                out.write(in, at, end - at);
            }
            at = marker == 0xDA ? entropyEnd(in, end, out) : end;
        }
    }

    /**
     * Only the segments a decoder needs: frame headers (SOF0-3, 5-7, 9-11, 13-15), Huffman and quantisation tables,
     * arithmetic-coding conditioning, restart interval, number of lines and scan headers; and APP14 "Adobe" of exactly
     * 12 bytes. Everything else — every other APPn, COM, JPGn and reserved markers — is dropped.
     */
    private static boolean keeps(int marker, byte[] in, int data, int length) {
        if (marker == 0xEE) {
            return length == 12 && new String(in, data, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("Adobe");
        }
        boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        return frame || marker == 0xC4 || marker == 0xCC || marker == 0xDB || marker == 0xDD || marker == 0xDC || marker == 0xDA;
    }

    /** Copies entropy-coded data (stuffed 0xFF00 and restart markers included) and answers where the next marker starts. */
    private static int entropyEnd(byte[] in, int from, ByteArrayOutputStream out) {
        int at = from;
        while (true) {
            if ((in[at] & 0xFF) == 0xFF) {
                int next = in[at + 1] & 0xFF;
                if (next != 0x00 && (next < 0xD0 || next > 0xD7)) {
                    out.write(in, from, at - from);
                    return at;
                }
                at++;
            }
            at++;
        }
    }

    /** Copies the signature and the allowed chunks whole (their CRCs stay valid); stops after IEND. */
    static byte[] png(byte[] in) {
        if (!Arrays.equals(Arrays.copyOf(in, 8), PNG_SIGNATURE)) {
            throw new IllegalArgumentException("not a PNG");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 8);
        int at = 8;
        while (true) {
            long length = ((in[at] & 0xFFL) << 24) | ((in[at + 1] & 0xFF) << 16) | ((in[at + 2] & 0xFF) << 8) | (in[at + 3] & 0xFF);
            String type = new String(in, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (length > in.length - at - 12L) {
                throw new IllegalArgumentException("truncated chunk");
            }
            int end = (int) (at + 12 + length);
            if (end > in.length) {
                throw new IllegalArgumentException("truncated chunk " + type);
            }
            if (PNG_KEPT.contains(type)) {
                out.write(in, at, end - at);
            }
            if (type.equals("IEND")) {
                return out.toByteArray();
            }
            at = end;
        }
    }
}
