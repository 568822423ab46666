package org.borderwatch.common.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Every text a client sends is refused (400 naming the field) if it holds a character that cannot be stored or that
 * changes what a reader sees: NUL (PostgreSQL cannot store it), half of a surrogate pair (not a character at all),
 * control characters other than tab and line breaks, and invisible or direction-changing format characters (zero-width
 * spaces and joiners, bidirectional overrides and isolates, U+FEFF, tag characters: Unicode category Cf), which could
 * make a purpose or a message in the access log display as something else. Line and paragraph separators (U+2028/9)
 * are refused too: they break lines in logs and CSV readers that do not know them.
 */
@Singleton
public class SafeText implements ObjectMapperCustomizer {

    /** Set on readers of what the service itself stored: the rule judges what clients send, not what was kept before it. */
    private static final String STORED = "borderwatch.stored-text";

    public static final String RULE = "must not contain NUL, control, invisible or direction-changing characters, or unpaired surrogates";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("safe-text").addDeserializer(String.class, new Checked()));
    }

    static final class Checked extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && context.getAttribute(STORED) == null && !isSafe(text)) {
                throw context.weirdStringException(text, String.class, RULE);
            }
            return text;
        }
    }

    /** A reader for JSON the service stored itself, to which the rule for client text does not apply. */
    public static com.fasterxml.jackson.databind.ObjectReader storedReader(ObjectMapper mapper, Class<?> type) {
        return mapper.readerFor(type).withAttribute(STORED, Boolean.TRUE);
    }

    public static boolean isSafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                if (!isSafe(Character.toCodePoint(c, text.charAt(i + 1)))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c) || !isSafe(c)) {
                return false;
            }
        }
        return true;
    }

    /** The text with every character {@link #isSafe} refuses written as a visible {@code <U+202E>}, for headers recorded as sent. */
    public static String neutralised(String text) {
        if (text == null || isSafe(text)) {
            return text;
        }
        StringBuilder visible = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(point -> {
            if (isSafe(point)) {
                visible.appendCodePoint(point);
            } else {
                visible.append(String.format("<U+%04X>", point));
            }
        });
        return visible.toString();
    }

    private static boolean isSafe(int codePoint) {
        if (codePoint == '\t' || codePoint == '\n' || codePoint == '\r') {
            return true;
        }
        int type = Character.getType(codePoint);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
    }
}
