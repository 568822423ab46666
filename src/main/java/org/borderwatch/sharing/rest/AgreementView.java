package org.borderwatch.sharing.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.borderwatch.sharing.Agreement;
import org.borderwatch.sharing.HandlingCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "Agreement", description = "A sharing agreement as stored.",
        example = "{\"id\":\"5a3e9c1d-2b4f-4d6e-8a1c-3f5e7d9b1a2c\",\"from\":\"VN-QN\",\"to\":\"CN-GX\",\"categories\":[\"DRUGS\"],"
                + "\"maxHandlingCode\":\"H2\",\"validFrom\":\"2026-01-01\",\"validTo\":\"2027-12-31\",\"reference\":\"JWC-2026/03 minutes, item 4\","
                + "\"version\":0}")
public record AgreementView(
        @Schema(description = "Agreement id.", example = "5a3e9c1d-2b4f-4d6e-8a1c-3f5e7d9b1a2c") UUID id,
        @Schema(description = "The releasing agency.", example = "VN-QN") String from,
        @Schema(description = "The receiving agency.", example = "CN-GX") String to,
        @Schema(description = "Categories covered.", example = "[\"DRUGS\"]") Set<String> categories,
        HandlingCode maxHandlingCode,
        @Schema(description = "First day in force.", example = "2026-01-01") LocalDate validFrom,
        @Schema(description = "Last day in force.", example = "2027-12-31") LocalDate validTo,
        @Schema(description = "The signed document.", example = "JWC-2026/03 minutes, item 4") String reference,
        @Schema(description = "Who recorded it.", example = "5b0e7a8c-2f4d-4c1e-9a3b-7d6f1e2c8b40") String createdBy,
        @Schema(description = "When it last changed.", example = "2026-11-21T02:00:00Z") Instant updatedAt,
        @Schema(description = "Version number; also the ETag.", example = "0") int version) {

    public static AgreementView of(Agreement a) {
        return new AgreementView(a.id, a.fromAgency, a.toAgency, a.categorySet(), a.maxHandlingCode, a.validFrom, a.validTo, a.reference,
                a.createdBy, a.updatedAt, a.version);
    }

    @RegisterForReflection
    @Schema(name = "AgreementPage", description = "A page of agreements.", example = "{\"items\":[],\"nextCursor\":null}")
    public record Page(
            @Schema(description = "The agreements.") List<AgreementView> items,
            @Schema(description = "Cursor for the next page; null at the end.", example = "YWdyZWVtZW50fDVhM2U5YzFk", nullable = true) String nextCursor) {
    }
}
