package org.borderwatch.common.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Header values arrive as one character per byte (ISO-8859-1). Clients that state a purpose in Vietnamese or Chinese
 * send UTF-8 bytes; read as UTF-8 whenever the bytes are valid UTF-8, so that the access log records the words that
 * were meant and every character check (bidirectional overrides, zero-width characters) sees the real characters.
 */
public final class HeaderText {

    private HeaderText() {
    }

    public static String decoded(String raw) {
        if (raw == null || raw.chars().allMatch(c -> c < 0x80) || raw.chars().anyMatch(c -> c > 0xFF)) {
            return raw;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException notUtf8) {
            return raw;
        }
    }
}
