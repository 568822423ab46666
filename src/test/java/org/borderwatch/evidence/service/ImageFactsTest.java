package org.borderwatch.evidence.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import org.borderwatch.support.Files;
import org.junit.jupiter.api.Test;

class ImageFactsTest {

    @Test
    void capturedTimeCameraAndPositionAreReadFromTheExif() {
        ImageFacts facts = ImageFacts.read(new ByteArrayInputStream(Files.jpeg(21.5283, 107.965, 4096)));
        assertEquals("Samsung SM-A546E", facts.camera());
        assertEquals(21.5283, facts.lat(), 1e-6);
        assertEquals(107.965, facts.lon(), 1e-6);
        assertEquals(Instant.parse("2026-11-20T21:38:02Z"), facts.takenAt());
    }

    @Test
    void aFileWithoutMetadataHasNone() {
        ImageFacts facts = ImageFacts.read(new ByteArrayInputStream(Files.executable(512)));
        assertNull(facts.lat());
        assertNull(facts.camera());
    }

    @Test
    void distancesAreGreatCircleMetres() {
        assertEquals(4_447, ImageFacts.metres(21.5, 107.9, 21.54, 107.9), 5);
    }

    @Test
    void theBytesDecideTheType() {
        assertEquals("image/jpeg", FileTypes.sniff(Files.jpeg(0, 0, 100)));
        assertNull(FileTypes.sniff(Files.executable(100)));
        assertEquals("application/pdf", FileTypes.sniff("%PDF-1.7\n%âãÏÓ\n1 0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        assertEquals("image/heic", FileTypes.sniff(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0}));
        assertEquals("video/mp4", FileTypes.sniff(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 0, 0}));
        assertEquals("video/quicktime", FileTypes.sniff(new byte[] {0, 0, 0, 20, 'f', 't', 'y', 'p', 'q', 't', ' ', ' ', 0, 0, 0, 0}));
    }
}
