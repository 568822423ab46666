package org.borderwatch.evidence.service;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.io.InputStream;
import java.time.Instant;
import java.util.Date;
import org.jboss.logging.Logger;

/** What a photo says about itself: EXIF capture time, camera and GPS position (metadata-extractor). */
public record ImageFacts(Instant takenAt, String camera, Double lat, Double lon) {

    private static final Logger LOG = Logger.getLogger(ImageFacts.class);
    static final ImageFacts NONE = new ImageFacts(null, null, null, null);

    /** Reads the metadata; a photo without any, or with broken metadata, simply has none. */
    static ImageFacts read(InputStream image) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(image);
            ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            Date taken = exif == null ? null : exif.getDateOriginal();
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            String camera = ifd0 == null ? null : join(ifd0.getString(ExifIFD0Directory.TAG_MAKE), ifd0.getString(ExifIFD0Directory.TAG_MODEL));
            GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
            GeoLocation where = gps == null ? null : gps.getGeoLocation();
            boolean located = where != null && !where.isZero();
            return new ImageFacts(taken == null ? null : taken.toInstant(), camera,
                    located ? where.getLatitude() : null, located ? where.getLongitude() : null);
        } catch (Exception e) {
            LOG.debugf("no readable image metadata: %s", e.getMessage());
            return NONE;
        }
    }

    private static String join(String make, String model) {
        if (make == null) {
            return model;
        }
        return model == null || model.startsWith(make) ? (model == null ? make : model) : make.trim() + " " + model.trim();
    }

    /** Great-circle distance in metres. */
    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 6_371_000 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
}
