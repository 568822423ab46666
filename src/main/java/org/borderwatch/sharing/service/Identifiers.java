package org.borderwatch.sharing.service;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the identifying numbers of Vietnam and China in free text: vehicle plates, phone numbers, passport and
 * identity-card numbers. The text is matched in a normalised copy (NFKC, upper case, every Unicode decimal digit as
 * 0-9), so full-width digits (０９１２…), other scripts' digits, lower-case plates (14a-123.45) and plates run into a word
 * (xe29LD12345) are found; what is replaced is the matching part of the text as written.
 */
final class Identifiers {

    /** Province (and special) prefixes of Chinese plates. */
    private static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领警学港澳";
    private static final Pattern SHAPES = Pattern.compile(String.join("|",
            // Chinese plates: 桂A·12345, 粤B·D12345 (new energy), 桂A12345
            "[" + PROVINCES + "][A-Z][·•・.\\- ]?[A-Z0-9]{5,6}",
            // Vietnamese plates: 14A-123.45, 29LD 12345, 29-B1 123.45, 51F12345
            "[0-9]{2}[- ]?[A-Z]{1,2}[0-9]?[- .]?[0-9]{3}\\.?[0-9]{1,2}",
            // Chinese resident identity card: 17 digits and a check digit or X
            "[0-9]{17}[0-9X]",
            // passports: C1234567 (Vietnam), E12345678 and EA1234567 (China)
            "[A-Z]{1,2}[0-9]{7,8}",
            // phone numbers (0912 345 678, +84 912345678, 138 1234 5678) and identity-card numbers (CCCD, CMND): nine digits or more
            "\\+?[0-9](?:[ .\\-]?[0-9]){8,}"));

    private Identifiers() {
    }

    static String mask(String text, String mask) {
        Normalised normalised = Normalised.of(text);
        Matcher matcher = SHAPES.matcher(normalised.text());
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        while (matcher.find()) {
            int start = normalised.origin(matcher.start());
            int end = normalised.originEnd(matcher.end() - 1);
            out.append(text, copied, start).append(mask);
            copied = end;
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** The normalised text, and for each of its characters where it came from in the text as written. */
    private record Normalised(String text, int[] starts, int[] ends) {

        static Normalised of(String text) {
            StringBuilder out = new StringBuilder(text.length());
            int[] starts = new int[text.length() * 4 + 4];
            int[] ends = new int[starts.length];
            int i = 0;
            while (i < text.length()) {
                int point = text.codePointAt(i);
                int next = i + Character.charCount(point);
                String folded = Normalizer.normalize(text.substring(i, next), Normalizer.Form.NFKC);
                for (int c : folded.codePoints().toArray()) {
                    if (out.length() >= starts.length) {
                        starts = java.util.Arrays.copyOf(starts, starts.length * 2);
                        ends = java.util.Arrays.copyOf(ends, ends.length * 2);
                    }
                    starts[out.length()] = i;
                    ends[out.length()] = next;
                    out.append(fold(c));
                }
                i = next;
            }
            return new Normalised(out.toString(), starts, ends);
        }

        /** One character for each code point, so offsets stay aligned: digits as 0-9, letters in upper case. */
        private static char fold(int point) {
            if (Character.isDigit(point)) {
                return (char) ('0' + Character.digit(point, 10));
            }
            if (Character.isBmpCodePoint(point)) {
                return Character.toUpperCase((char) point);
            }
            return '\uFFFD';
        }

        int origin(int index) {
            return starts[index];
        }

        int originEnd(int index) {
            return ends[index];
        }
    }
}
