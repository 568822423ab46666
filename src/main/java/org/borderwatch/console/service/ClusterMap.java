package org.borderwatch.console.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The supervisors' map drawn on the server: one circle per grid cell with the count of its reports, placed by the
 * cell's mean position on a plain longitude/latitude frame (no base-map tiles: the console works without internet).
 */
public final class ClusterMap {

    public static final int WIDTH = 800;
    public static final int HEIGHT = 500;
    private static final double PAD = 0.05;

    /** One cell: where it is drawn, its radius, its count, and the box a click narrows the queue to. */
    public record Cluster(double x, double y, double r, long count, String bbox) {
    }

    public record Drawn(List<Cluster> clusters, long total, String west, String east, String south, String north) {
    }

    private ClusterMap() {
    }

    /** Rows of (cell y, cell x, count, mean lat, mean lon). */
    public static Drawn draw(List<Object[]> cells, double cell) {
        if (cells.isEmpty()) {
            return new Drawn(List.of(), 0, "", "", "", "");
        }
        double minLat = 90, maxLat = -90, minLon = 180, maxLon = -180;
        long total = 0;
        long most = 1;
        for (Object[] row : cells) {
            double lat = number(row[3]);
            double lon = number(row[4]);
            minLat = Math.min(minLat, lat);
            maxLat = Math.max(maxLat, lat);
            minLon = Math.min(minLon, lon);
            maxLon = Math.max(maxLon, lon);
            long count = (long) number(row[2]);
            total += count;
            most = Math.max(most, count);
        }
        double spanLat = Math.max(maxLat - minLat, cell) * (1 + 2 * PAD);
        double spanLon = Math.max(maxLon - minLon, cell) * (1 + 2 * PAD);
        double south = (minLat + maxLat) / 2 - spanLat / 2;
        double west = (minLon + maxLon) / 2 - spanLon / 2;
        List<Cluster> clusters = new ArrayList<>();
        for (Object[] row : cells) {
            long count = (long) number(row[2]);
            double cellSouth = number(row[0]) * cell;
            double cellWest = number(row[1]) * cell;
            clusters.add(new Cluster(round((number(row[4]) - west) / spanLon * WIDTH), round(HEIGHT - (number(row[3]) - south) / spanLat * HEIGHT),
                    round(8 + 22 * Math.sqrt((double) count / most)), count,
                    String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f", cellWest, cellSouth, cellWest + cell, cellSouth + cell)));
        }
        return new Drawn(clusters, total, degrees(west), degrees(west + spanLon), degrees(south), degrees(south + spanLat));
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String degrees(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
