package org.borderwatch.evidence.rest;

import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.common.problem.ProblemType;

/** One byte range of an HTTP Range header (RFC 9110): bytes=first-last, bytes=first-, bytes=-suffix. */
record ByteRange(long first, long last, boolean partial) {

    long length() {
        return last - first + 1;
    }

    static ByteRange parse(String header, long size) {
        if (header == null || header.isBlank()) {
            return new ByteRange(0, size - 1, false);
        }
        String spec = header.trim();
        if (!spec.startsWith("bytes=") || spec.contains(",")) {
            throw new ProblemException(ProblemType.RANGE_NOT_SATISFIABLE, "Only one range of the form bytes=first-last is served; size is " + size);
        }
        String[] bounds = spec.substring(6).split("-", -1);
        try {
            if (bounds.length != 2) {
                throw new NumberFormatException();
            }
            long first;
            long last;
            if (bounds[0].isEmpty()) {
                long suffix = Long.parseLong(bounds[1]);
                first = Math.max(0, size - suffix);
                last = size - 1;
            } else {
                first = Long.parseLong(bounds[0]);
                last = bounds[1].isEmpty() ? size - 1 : Math.min(Long.parseLong(bounds[1]), size - 1);
            }
            if (first < 0 || first > last || first >= size) {
                throw new NumberFormatException();
            }
            return new ByteRange(first, last, true);
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemType.RANGE_NOT_SATISFIABLE, "Range " + header + " cannot be served; size is " + size);
        }
    }
}
