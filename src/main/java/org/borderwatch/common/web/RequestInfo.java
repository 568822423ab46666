package org.borderwatch.common.web;

/** Where a request came from, as recorded in the access log. */
public record RequestInfo(String requestId, String clientAddress, String userAgent, String deviceId, String purpose) {

    public static final String DEVICE_HEADER = "X-Device-Id";
    /** The stated purpose of an access, recorded with it in the access log. */
    public static final String PURPOSE_HEADER = "X-Access-Purpose";

    public RequestInfo withPurpose(String stated) {
        return new RequestInfo(requestId, clientAddress, userAgent, deviceId, stated);
    }

    public RequestInfo withDevice(String device) {
        return deviceId != null || device == null ? this : new RequestInfo(requestId, clientAddress, userAgent, device, purpose);
    }
}
