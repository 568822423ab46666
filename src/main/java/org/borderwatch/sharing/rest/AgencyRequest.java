package org.borderwatch.sharing.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.borderwatch.common.validation.CountryCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "AgencyRequest", description = "An agency's country and its name in the three working languages.",
        example = "{\"country\":\"VN\",\"nameEn\":\"Quang Ninh Border Guard\",\"nameVi\":\"Bộ đội Biên phòng tỉnh Quảng Ninh\","
                + "\"nameZh\":\"广宁省边防部队\"}")
public record AgencyRequest(
        @NotNull @CountryCode
        @Schema(description = "ISO 3166-1 alpha-2; must be the first two letters of the code.", example = "VN", required = true) String country,
        @NotBlank @Size(max = 200)
        @Schema(description = "Name in English.", example = "Quang Ninh Border Guard", required = true) String nameEn,
        @NotBlank @Size(max = 200)
        @Schema(description = "Name in Vietnamese.", example = "Bộ đội Biên phòng tỉnh Quảng Ninh", required = true) String nameVi,
        @NotBlank @Size(max = 200)
        @Schema(description = "Name in Chinese.", example = "广宁省边防部队", required = true) String nameZh) {
}
