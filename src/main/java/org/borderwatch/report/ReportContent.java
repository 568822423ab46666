package org.borderwatch.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.borderwatch.common.validation.CountryCode;
import org.borderwatch.common.validation.CurrencyCode;
import org.borderwatch.common.validation.LanguageTag;
import org.borderwatch.common.validation.NotInFuture;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A field report as the officer's phone sends it. The server adds id, agency, reporter, status and times. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ReportContent", description = "A field report as the phone sends it. Only category, occurredAt and location are required; "
        + "id, agency, reporter, status, version and the times are set by the server and refused if sent.",
        example = ReportContent.EXAMPLE)
public record ReportContent(
        @NotNull
        @Schema(description = "What the report is about.", example = "DRUGS", required = true)
        Category category,

        @NotNull @NotInFuture
        @Schema(description = "When it happened, RFC 3339 with offset; not in the future (5 minutes of clock skew allowed).",
                example = "2026-11-20T21:40:00+07:00", required = true)
        OffsetDateTime occurredAt,

        @NotNull @Valid
        @Schema(required = true)
        Location location,

        @Size(max = 32) @Pattern(regexp = "[A-Z0-9_]+", message = "must be upper case letters, digits and _")
        @Schema(description = "Code of the nearest border gate.", example = "MONG_CAI")
        String borderGate,

        @Size(max = 16) @Pattern(regexp = "[0-9A-Za-z./-]+", message = "must be letters, digits, '.', '/' or '-'")
        @Schema(description = "Number of the nearest border marker.", example = "1369")
        String borderMarker,

        @Valid
        Narrative narrative,

        @Size(max = 50)
        @Schema(description = "People involved, at most 50 entries.")
        List<@NotNull @Valid Person> people,

        @Size(max = 50)
        @Schema(description = "Vehicles involved, at most 50 entries.")
        List<@NotNull @Valid Vehicle> vehicles,

        @Size(max = 50)
        @Schema(description = "Goods seen or seized, at most 50 entries.")
        List<@NotNull @Valid Goods> goods,

        @Schema(description = "How serious the officer judges it.", example = "HIGH")
        Impact impact,

        @Size(max = 128) @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII without spaces")
        @Schema(description = "Id of the phone that filed the report.", example = "android-7f3a")
        String deviceId) {

    public static final String EXAMPLE = "{\"category\":\"DRUGS\",\"occurredAt\":\"2026-11-20T21:40:00+07:00\","
            + "\"location\":{\"lat\":21.5283,\"lon\":107.965,\"accuracyMeters\":12},\"borderGate\":\"MONG_CAI\",\"borderMarker\":\"1369\","
            + "\"narrative\":{\"text\":\"Hai đối tượng vận chuyển ma túy qua sông\",\"lang\":\"vi\"},"
            + "\"people\":[{\"role\":\"SUSPECT\",\"count\":2,\"nationality\":\"VN\"}],"
            + "\"vehicles\":[{\"plate\":\"14A-123.45\",\"kind\":\"MOTORBIKE\"}],"
            + "\"goods\":[{\"kind\":\"METHAMPHETAMINE\",\"quantity\":1.2,\"unit\":\"KG\",\"estimatedValue\":{\"amount\":300000000,\"currency\":\"VND\"}}],"
            + "\"impact\":\"HIGH\",\"deviceId\":\"android-7f3a\"}";

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Location", description = "A WGS84 point and how precise it is.", example = "{\"lat\":21.5283,\"lon\":107.965,\"accuracyMeters\":12}")
    public record Location(
            @NotNull @DecimalMin("-90") @DecimalMax("90")
            @Schema(description = "Latitude in degrees, -90 to 90.", example = "21.5283", required = true)
            Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180")
            @Schema(description = "Longitude in degrees, -180 to 180.", example = "107.965", required = true)
            Double lon,
            @PositiveOrZero @DecimalMax("100000")
            @Schema(description = "Radius of uncertainty in metres.", example = "12")
            Double accuracyMeters) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Narrative", description = "What the officer saw, in their own words and language.",
            example = "{\"text\":\"Hai đối tượng vận chuyển ma túy qua sông\",\"lang\":\"vi\"}")
    public record Narrative(
            @NotBlank @Size(max = 10_000)
            @Schema(description = "The account, at most 10,000 characters.", example = "Hai đối tượng vận chuyển ma túy qua sông", required = true)
            String text,
            @NotNull @LanguageTag
            @Schema(description = "BCP 47 language tag of the text.", example = "vi", required = true)
            String lang) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Person", description = "A group of people with the same role and nationality.",
            example = "{\"role\":\"SUSPECT\",\"count\":2,\"nationality\":\"VN\"}")
    public record Person(
            @NotNull
            @Schema(description = "Their part in the incident.", example = "SUSPECT", required = true)
            PersonRole role,
            @NotNull @Min(1) @Max(10_000)
            @Schema(description = "How many.", example = "2", required = true)
            Integer count,
            @CountryCode
            @Schema(description = "ISO 3166-1 alpha-2 nationality.", example = "VN")
            String nationality) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Vehicle", description = "A vehicle seen.", example = "{\"plate\":\"14A-123.45\",\"kind\":\"MOTORBIKE\"}")
    public record Vehicle(
            @Size(max = 20) @Pattern(regexp = "[\\p{L}\\p{N} .·-]+", message = "must be letters, digits, spaces, '.', '·' or '-'")
            @Schema(description = "Number plate as written.", example = "14A-123.45")
            String plate,
            @NotNull
            @Schema(description = "Kind of vehicle.", example = "MOTORBIKE", required = true)
            VehicleKind kind) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Goods", description = "Goods seen or seized.",
            example = "{\"kind\":\"METHAMPHETAMINE\",\"quantity\":1.2,\"unit\":\"KG\",\"estimatedValue\":{\"amount\":300000000,\"currency\":\"VND\"}}")
    public record Goods(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Z0-9_]+", message = "must be upper case letters, digits and _")
            @Schema(description = "What the goods are.", example = "METHAMPHETAMINE", required = true)
            String kind,
            @PositiveOrZero @Digits(integer = 12, fraction = 3)
            @Schema(description = "How much.", example = "1.2")
            BigDecimal quantity,
            @Schema(description = "Unit of the quantity.", example = "KG")
            GoodsUnit unit,
            @Valid
            Money estimatedValue) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Money", description = "An amount in an ISO 4217 currency.", example = "{\"amount\":300000000,\"currency\":\"VND\"}")
    public record Money(
            @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 2)
            @Schema(description = "The amount.", example = "300000000", required = true)
            BigDecimal amount,
            @NotNull @CurrencyCode
            @Schema(description = "ISO 4217 currency code.", example = "VND", required = true)
            String currency) {
    }

    @Schema(description = "A person's part in the incident.", example = "SUSPECT")
    public enum PersonRole { SUSPECT, VICTIM, WITNESS, MIGRANT, OTHER }

    @Schema(description = "Kind of vehicle.", example = "MOTORBIKE")
    public enum VehicleKind { MOTORBIKE, CAR, TRUCK, BUS, BOAT, BICYCLE, ON_FOOT, OTHER }

    @Schema(description = "Unit of a quantity of goods.", example = "KG")
    public enum GoodsUnit { KG, G, TONNE, L, PIECE, PACK, BOX, CARTON, HEAD, OTHER }
}
