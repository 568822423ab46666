package org.borderwatch.support;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

/** Files as phones make them: a JPEG with EXIF camera, capture time and GPS position, padded to any size. */
public final class Files {

    private Files() {
    }

    public static byte[] jpeg(double lat, double lon, int size) {
        byte[] tiff = exif(lat, lon);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1});
        int segment = 2 + 6 + tiff.length;
        out.write(segment >> 8);
        out.write(segment & 0xFF);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(tiff);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00});
        byte[] noise = new byte[Math.max(0, size - out.size() - 2)];
        new Random(size).nextBytes(noise);
        for (int i = 0; i < noise.length; i++) {
            if (noise[i] == (byte) 0xFF) {
                noise[i] = 0x00;
            }
        }
        out.writeBytes(noise);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
        return out.toByteArray();
    }

    /** A Windows executable, renamed .jpg by someone who hopes the server trusts file names. */
    public static byte[] executable(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        bytes[0] = 'M';
        bytes[1] = 'Z';
        return bytes;
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Little-endian TIFF: IFD0 (make, model, Exif and GPS pointers), the Exif IFD (capture time), the GPS IFD. */
    private static byte[] exif(double lat, double lon) {
        ByteBuffer tiff = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        int data = 146;
        byte[] make = "Samsung\0".getBytes(StandardCharsets.US_ASCII);
        byte[] model = "SM-A546E\0".getBytes(StandardCharsets.US_ASCII);
        byte[] taken = "2026:11:20 21:38:02\0".getBytes(StandardCharsets.US_ASCII);
        tiff.position(8).putShort((short) 4);
        data = entry(tiff, 0x010F, 2, make, data);
        data = entry(tiff, 0x0110, 2, model, data);
        tiff.putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(62);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(80);
        tiff.putInt(0);
        tiff.position(62).putShort((short) 1);
        data = entry(tiff, 0x9003, 2, taken, data);
        tiff.putInt(0);
        tiff.position(80).putShort((short) 5);
        tiff.putShort((short) 0).putShort((short) 1).putInt(4).put(new byte[] {2, 3, 0, 0});
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {(byte) (lat >= 0 ? 'N' : 'S'), 0, 0, 0});
        data = entry(tiff, 0x0002, 5, degrees(Math.abs(lat)), data);
        tiff.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[] {(byte) (lon >= 0 ? 'E' : 'W'), 0, 0, 0});
        data = entry(tiff, 0x0004, 5, degrees(Math.abs(lon)), data);
        tiff.putInt(0);
        byte[] out = new byte[data];
        tiff.position(0);
        tiff.get(out);
        return out;
    }

    private static int entry(ByteBuffer tiff, int tag, int type, byte[] value, int data) {
        int count = type == 5 ? value.length / 8 : value.length;
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(data);
        int at = tiff.position();
        tiff.position(data).put(value).position(at);
        return data + value.length;
    }

    /** Degrees, minutes and seconds as three TIFF rationals. */
    private static byte[] degrees(double value) {
        int whole = (int) value;
        double minutes = (value - whole) * 60;
        int wholeMinutes = (int) minutes;
        long seconds = Math.round((minutes - wholeMinutes) * 60 * 10_000);
        return ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(whole).putInt(1).putInt(wholeMinutes).putInt(1).putInt((int) seconds).putInt(10_000).array();
    }
}
