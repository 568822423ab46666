package org.borderwatch.common.web;

/** Where a request came from, as recorded in the access log. */
public record RequestInfo(String requestId, String clientAddress, String userAgent, String deviceId) {

    public static final String DEVICE_HEADER = "X-Device-Id";

    public RequestInfo withDevice(String device) {
        return deviceId != null || device == null ? this : new RequestInfo(requestId, clientAddress, userAgent, device);
    }
}
