package org.borderwatch.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcRecord;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcTypes;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.PhotoshopApp13Data;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Real, decodable photos as a phone writes them: EXIF (camera, serial, Artist, GPS), XMP, IPTC, an ICC block, a comment, a trailer. */
public final class Photos {

    public static final String ARTIST = "Nguyen Van Officer";
    public static final String SERIAL = "R58N12AB34C";
    public static final String TRAILER = "SECOND-IMAGE-AFTER-EOI";

    private Photos() {
    }

    public static BufferedImage picture() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 48; y++) {
                image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 0x40);
            }
        }
        return image;
    }

    public static byte[] jpeg(double lat, double lon) {
        try {
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            ImageIO.write(picture(), "jpg", plain);
            TiffOutputSet exif = new TiffOutputSet();
            exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MAKE, "samsung");
            exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MODEL, "SM-A546E");
            exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ARTIST, ARTIST);
            exif.getOrCreateExifDirectory().add(ExifTagConstants.EXIF_TAG_BODY_SERIAL_NUMBER, SERIAL);
            exif.setGpsInDegrees(lon, lat);
            ByteArrayOutputStream withExif = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), withExif, exif);
            ByteArrayOutputStream withXmp = new ByteArrayOutputStream();
            new JpegXmpRewriter().updateXmpXml(withExif.toByteArray(), withXmp, "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
                    + "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                    + "dc:creator=\"" + ARTIST + "\"/></rdf:RDF></x:xmpmeta>");
            ByteArrayOutputStream withIptc = new ByteArrayOutputStream();
            new JpegIptcRewriter().writeIptc(withXmp.toByteArray(), withIptc,
                    new PhotoshopApp13Data(List.of(new IptcRecord(IptcTypes.BYLINE, ARTIST)), List.of()));
            byte[] tagged = withIptc.toByteArray();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(tagged, 0, 2);
            segment(out, 0xFE, ("Taken by " + ARTIST).getBytes(StandardCharsets.UTF_8));
            segment(out, 0xE2, ("ICC_PROFILE\0\1\1" + "desc " + SERIAL).getBytes(StandardCharsets.ISO_8859_1));
            out.write(tagged, 2, tagged.length - 2);
            out.writeBytes(TRAILER.getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PNG with a text chunk naming the officer and an eXIf chunk. */
    public static byte[] png() {
        try {
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            ImageIO.write(picture(), "png", plain);
            byte[] bytes = plain.toByteArray();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(bytes, 0, 33);
            chunk(out, "tEXt", ("Author\0" + ARTIST).getBytes(StandardCharsets.ISO_8859_1));
            chunk(out, "eXIf", ("MM\0*" + SERIAL).getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes, 33, bytes.length - 33);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
        out.write(0xFF);
        out.write(marker);
        out.write((data.length + 2) >> 8);
        out.write((data.length + 2) & 0xFF);
        out.writeBytes(data);
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        crc.update(name);
        crc.update(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
