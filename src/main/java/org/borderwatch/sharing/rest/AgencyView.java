package org.borderwatch.sharing.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.borderwatch.sharing.Agency;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "Agency", description = "A border guard command, customs office or police unit.",
        example = "{\"code\":\"CN-GX\",\"country\":\"CN\",\"nameEn\":\"Guangxi Border Police\",\"nameVi\":\"Cảnh sát Biên phòng Quảng Tây\","
                + "\"nameZh\":\"广西边境管理总队\",\"version\":0}")
public record AgencyView(
        @Schema(description = "Agency code: country, '-', unit.", example = "CN-GX") String code,
        @Schema(description = "ISO 3166-1 alpha-2 country.", example = "CN") String country,
        @Schema(description = "Name in English.", example = "Guangxi Border Police") String nameEn,
        @Schema(description = "Name in Vietnamese.", example = "Cảnh sát Biên phòng Quảng Tây") String nameVi,
        @Schema(description = "Name in Chinese.", example = "广西边境管理总队") String nameZh,
        @Schema(description = "Version number; also the ETag.", example = "0") int version) {

    public static AgencyView of(Agency a) {
        return new AgencyView(a.code, a.country, a.nameEn, a.nameVi, a.nameZh, a.version);
    }

    @RegisterForReflection
    @Schema(name = "AgencyList", description = "Every agency this service knows, by code.", example = "{\"items\":[]}")
    public record Items(@Schema(description = "The agencies.") List<AgencyView> items) {
    }
}
