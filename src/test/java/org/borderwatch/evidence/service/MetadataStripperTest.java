package org.borderwatch.evidence.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.icc.IccDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.jpeg.JpegCommentDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.borderwatch.support.Photos;
import org.junit.jupiter.api.Test;

class MetadataStripperTest {

    /** Directories that describe the picture itself (size, encoding), not who took it where. */
    private static final Set<String> STRUCTURAL = Set.of("JpegDirectory", "HuffmanTablesDirectory", "AdobeJpegDirectory", "FileTypeDirectory",
            "PngDirectory", "PngChromaticitiesDirectory");

    @Test
    void aPhonePhotoLosesEveryMetadataBlockAndKeepsItsPixels() throws Exception {
        byte[] original = Photos.jpeg(21.5283, 107.965);
        Metadata before = ImageMetadataReader.readMetadata(new ByteArrayInputStream(original));
        for (Class<? extends Directory> kind : List.of(ExifIFD0Directory.class, GpsDirectory.class, XmpDirectory.class, IptcDirectory.class,
                JpegCommentDirectory.class, IccDirectory.class)) {
            assertNotNull(before.getFirstDirectoryOfType(kind), "the fixture carries " + kind.getSimpleName());
        }
        byte[] copy = MetadataStripper.strip("image/jpeg", original).orElseThrow();
        assertEquals(List.of(), nonStructural(copy));
        String text = new String(copy, StandardCharsets.ISO_8859_1);
        for (String secret : List.of(Photos.ARTIST, Photos.SERIAL, Photos.TRAILER, "samsung", "SM-A546E", "Exif", "http://ns.adobe.com")) {
            assertFalse(text.contains(secret), secret);
        }
        assertSamePixels(original, copy);
    }

    @Test
    void segmentsNoDecoderNeedsAreDroppedWhateverTheirMarker() throws Exception {
        byte[] photo = Photos.jpeg(21.5283, 107.965);
        String hidden = "Artist: Nguyen Van A, informant";
        // a JPGn (0xF7) and a reserved (0x4F) segment carrying text, right after SOI
        java.io.ByteArrayOutputStream crafted = new java.io.ByteArrayOutputStream();
        crafted.write(photo, 0, 2);
        for (int marker : new int[] {0xF7, 0x4F}) {
            byte[] body = hidden.getBytes(StandardCharsets.ISO_8859_1);
            crafted.write(0xFF);
            crafted.write(marker);
            crafted.write((body.length + 2) >> 8);
            crafted.write((body.length + 2) & 0xFF);
            crafted.write(body);
        }
        crafted.write(photo, 2, photo.length - 2);
        byte[] copy = MetadataStripper.strip("image/jpeg", crafted.toByteArray()).orElseThrow();
        assertFalse(new String(copy, StandardCharsets.ISO_8859_1).contains(hidden));
        assertSamePixels(photo, copy);
    }

    @Test
    void aPngChunkLongerThanTheFileGetsNoCopyInsteadOfAnError() {
        byte[] png = Photos.png();
        byte[] broken = java.util.Arrays.copyOf(png, png.length);
        broken[8] = (byte) 0xFF; // IHDR's length: more than 2^31 bytes
        assertTrue(MetadataStripper.strip("image/png", broken).isEmpty());
    }

    @Test
    void aPngLosesItsTextAndExifChunks() throws Exception {
        byte[] original = Photos.png();
        assertTrue(new String(original, StandardCharsets.ISO_8859_1).contains(Photos.ARTIST));
        byte[] copy = MetadataStripper.strip("image/png", original).orElseThrow();
        String text = new String(copy, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains(Photos.ARTIST));
        assertFalse(text.contains(Photos.SERIAL));
        assertFalse(text.contains("tEXt") || text.contains("eXIf"));
        assertSamePixels(original, copy);
    }

    @Test
    void typesWhoseMetadataCannotBeRemovedGetNoCopy() {
        for (String type : List.of("image/heic", "image/webp", "video/mp4", "video/quicktime", "application/pdf")) {
            assertTrue(MetadataStripper.strip(type, new byte[] {1, 2, 3}).isEmpty(), type);
        }
        assertTrue(MetadataStripper.strip("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, 0x12}).isEmpty(), "a broken file gets none");
    }

    private static List<String> nonStructural(byte[] file) throws Exception {
        List<String> found = new ArrayList<>();
        for (Directory directory : ImageMetadataReader.readMetadata(new ByteArrayInputStream(file)).getDirectories()) {
            if (!STRUCTURAL.contains(directory.getClass().getSimpleName())) {
                found.add(directory.getName());
            }
        }
        return found;
    }

    private static void assertSamePixels(byte[] original, byte[] copy) throws Exception {
        BufferedImage a = ImageIO.read(new ByteArrayInputStream(original));
        BufferedImage b = ImageIO.read(new ByteArrayInputStream(copy));
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        for (int x = 0; x < a.getWidth(); x++) {
            for (int y = 0; y < a.getHeight(); y++) {
                assertEquals(a.getRGB(x, y), b.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }
}
