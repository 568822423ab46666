package org.borderwatch.report.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.borderwatch.common.validation.SafeText;
import org.borderwatch.report.ReportContent;

/**
 * The stored form of report content: canonical JSON (declaration order, no nulls, times in UTC),
 * so that the same report sent twice has the same bytes and the same SHA-256.
 */
@ApplicationScoped
public class ReportCodec {

    private final ObjectMapper canonical;

    public ReportCodec(ObjectMapper mapper) {
        this.canonical = mapper.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    public String toJson(ReportContent content) {
        ReportContent normalized = new ReportContent(content.category(),
                content.occurredAt().withOffsetSameInstant(ZoneOffset.UTC), content.location(), content.borderGate(),
                content.borderMarker(), content.narrative(), content.people(), content.vehicles(), content.goods(),
                content.impact(), content.deviceId());
        try {
            return canonical.writeValueAsString(normalized);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report content cannot be written as JSON", e);
        }
    }

    public ReportContent fromJson(String json) {
        try {
            return SafeText.storedReader(canonical, ReportContent.class).readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report content is not readable", e);
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
