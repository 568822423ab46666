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

    /** Province (and special) prefixes of Chinese plates, and the characters some plates end with. */
    private static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领";
    private static final String SUFFIXES = "警学挂港澳领使试超";
    /** Between the parts of a number people type spaces, dots, hyphens and every kind of dash (phones autocorrect to them). */
    private static final String SEP = "[ .\\-\u2010-\u2015\u2212()]";
    private static final Pattern IDENTIFYING = Pattern.compile(String.join("|",
            // Chinese plates: 桂A·12345, 粤B·D12345 (new energy), 桂 A12345, 桂A·1234警 (police, school, trailer, HK, Macau)
            "[" + PROVINCES + "] ?[A-Z][·•・.\\- ]?(?:[A-Z0-9]{5,6}|[A-Z0-9]{4}[" + SUFFIXES + "])",
            // Vietnamese plates: 14A-123.45, 29LD 12345, 29-B1 123.45, 51F12345
            "[0-9]{2}" + SEP + "{0,2}[A-Z]{1,2}[0-9]?" + SEP + "{0,2}[0-9]{3}\\.?[0-9]{1,2}",
            // Chinese resident identity card: 17 digits and a check digit or X
            "[0-9]{17}[0-9X]",
            // passports: C1234567 (Vietnam), E12345678 and EA1234567 (China)
            "[A-Z]{1,2}[0-9]{7,8}(?![0-9])",
            // phone numbers (0912 345 678, (091) 234-5678, +84 912345678, 138 1234 5678) and identity-card numbers: nine digits or more
            "\\+?\\(?[0-9](?:" + SEP + "{0,3}[0-9]){8,}"));
    /**
     * Where it happened, when the exact location is not released: border-marker numbers (mốc 1369, marker 1369/2, 界碑1369号)
     * and coordinates of the border region written as decimal degrees or degrees and minutes.
     */
    private static final Pattern PLACE = Pattern.compile(String.join("|",
            "(?:CỘT MỐC|MỐC|MARKER|BORDER MARKER|界碑|界桩|MOC)" + SEP + "{0,3}(?:SỐ|NO\\.?|#)?" + SEP + "{0,3}[0-9]{1,4}(?:/[0-9]{1,2})?号?",
            // decimal degrees in the border region (latitude 20-24, longitude 102-109) and degrees with minutes
            "(?:2[0-4]|10[2-9])[.,][0-9]{3,}", "[0-9]{1,3}° ?[0-9]{1,2}['′]?(?: ?[0-9]{1,2}(?:[.,][0-9]+)?[\"″]?)?"));

    private Identifiers() {
    }

    /** The text with every identifying number masked, and with places too unless the exact location is released. */
    static String mask(String text, String mask, boolean withPlaces) {
        String masked = mask(text, mask, IDENTIFYING);
        return withPlaces ? masked : mask(masked, mask, PLACE);
    }

    static String places(String text, String mask) {
        return mask(text, mask, PLACE);
    }

    private static String mask(String text, String mask, Pattern shapes) {
        Normalised normalised = Normalised.of(text);
        Matcher matcher = shapes.matcher(normalised.text());
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        while (matcher.find()) {
            // two matches may meet inside one character that normalisation expanded (ﬁ, ½): mask it once
            int start = Math.max(copied, normalised.origin(matcher.start()));
            int end = normalised.originEnd(matcher.end() - 1);
            if (end > start) {
                boolean adjoining = start == copied && copied > 0 && out.toString().endsWith(mask);
                out.append(text, copied, start).append(adjoining ? "" : mask);
                copied = end;
            }
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
