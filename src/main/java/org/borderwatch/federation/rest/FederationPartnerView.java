package org.borderwatch.federation.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.borderwatch.federation.FederationPartner;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FederationPartner", description = "A partner installation this one trusts.",
        example = "{\"id\":\"1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d\",\"installation\":\"borderwatch.cn-gx\",\"baseUrl\":\"https://borderwatch.gx.example.cn\","
                + "\"certificateSha256\":\"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b\",\"certificateNotAfter\":\"2027-12-01T00:00:00Z\","
                + "\"keyIds\":[\"gx-snapshot-1\"],\"agencies\":[\"CN-GX\"],\"agreements\":[\"5a3e9c1d-2b4f-4d6e-8a1c-3f5e7d9b1a2c\"],\"recallDeadline\":\"PT4H\",\"version\":0}")
public record FederationPartnerView(
        @Schema(description = "Partner id.", example = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d") UUID id,
        @Schema(description = "The partner installation's name.", example = "borderwatch.cn-gx") String installation,
        @Schema(description = "Its TAXII API root.", example = "https://borderwatch.gx.example.cn") String baseUrl,
        @Schema(description = "SHA-256 (hex) of the pinned certificate.", example = "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b")
        String certificateSha256,
        @Schema(description = "When the pinned certificate expires: renew with the partner before.", example = "2027-12-01T00:00:00Z")
        Instant certificateNotAfter,
        @Schema(description = "The key ids of its key set.", example = "[\"gx-snapshot-1\"]") List<String> keyIds,
        @Schema(description = "The agencies it speaks for.", example = "[\"CN-GX\"]") List<String> agencies,
        @Schema(description = "The agreements it carries.") List<UUID> agreements,
        @Schema(description = "Recall receipt deadline (ISO 8601).", example = "PT4H") String recallDeadline,
        @Schema(description = "Who configured it.", example = "5b0e7a8c-2f4d-4c1e-9a3b-7d6f1e2c8b40") String createdBy,
        @Schema(description = "Last change.", example = "2026-12-03T02:00:00Z") Instant updatedAt,
        @Schema(description = "Version, for If-Match.", example = "0") int version) {

    public static FederationPartnerView of(FederationPartner p, List<String> keyIds) {
        return new FederationPartnerView(p.id, p.installation, p.baseUrl, p.certificateSha256, p.certificateNotAfter, keyIds, p.agencyCodes(), p.agreementIds(),
                java.time.Duration.ofSeconds(p.recallDeadlineSeconds).toString(), p.createdBy, p.updatedAt, p.version);
    }

    @RegisterForReflection
    @Schema(name = "FederationPartnerPage", description = "Partners, in id order.", example = "{\"items\":[],\"nextCursor\":null}")
    public record Page(@Schema(description = "The partners.") List<FederationPartnerView> items,
                       @Schema(description = "Cursor for the next page; null at the end.", nullable = true) String nextCursor) {
    }
}
