package org.borderwatch.sharing.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.borderwatch.report.ReportContent;
import org.borderwatch.sharing.NarrativeRelease;
import org.borderwatch.sharing.Redaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Xe biển 14A-123.45 chạy qua cầu|Xe biển [redacted] chạy qua cầu",
            "plate 29LD 12345 at the gate|plate [redacted] at the gate",
            "车牌 桂A·12345 在东兴|车牌 [redacted] 在东兴",
            "call 0912 345 678 tonight|call [redacted] tonight",
            "CCCD 001203004567|CCCD [redacted]",
            "passport +84 912345678|passport [redacted]",
            "1.2 kg at marker 1369|1.2 kg at marker 1369",
            "2 couriers on 20/11|2 couriers on 20/11",
            "seen 2026-11-20 at 21:40|seen 2026-11-20 at 21:40",
            "hộ chiếu C1234567|hộ chiếu [redacted]",
            // found by a review: full-width digits, lower-case plates, plates inside a word
            "gọi ０９１２３４５６７８ ngay|gọi [redacted] ngay",
            "xe 14a-123.45 đỗ ở chợ|xe [redacted] đỗ ở chợ",
            "thấy xe29LD12345 qua cầu|thấy xe[redacted] qua cầu",
            // more shapes of both countries, and other scripts' digits
            "xe máy 29-B1 123.45|xe máy [redacted]",
            "车牌 粤B·D12345 新能源|车牌 [redacted] 新能源",
            "车牌桂a12345|车牌[redacted]",
            "身份证 45010219800101123X|身份证 [redacted]",
            "护照 E12345678 和 EA1234567|护照 [redacted] 和 [redacted]",
            "电话 +86 138 1234 5678|电话 [redacted]",
            "call ٠٩١٢٣٤٥٦٧٨ now|call [redacted] now",
            "số ＣＣＣＤ ００１２０３００４５６７|số ＣＣＣＤ [redacted]",
            "3 bao hàng ở mốc 1369, 21:40 ngày 20/11/2026|3 bao hàng ở mốc 1369, 21:40 ngày 20/11/2026",
            // found by a second review: dashes and double separators, brackets, plates with a space or a suffix, spaced passports
            "gọi 0912–345–678 hoặc 0912  345 678|gọi [redacted] hoặc [redacted]",
            "call (091) 234 5678|call [redacted]",
            "xe 14A–123.45|xe [redacted]",
            "车牌 桂 A12345 和 桂A·1234警 和 粤Z·A123港|车牌 [redacted] 和 [redacted] 和 [redacted]",
            // characters that normalisation expands, next to and between identifiers
            "桂A·12345ﬁ1234567|[redacted]",
            "số 12345678½23456789 đây|số [redacted] đây",
            "𝟎𝟗𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖 𝐚𝐭 𝐧𝐢𝐠𝐡𝐭|[redacted] 𝐚𝐭 𝐧𝐢𝐠𝐡𝐭",
            "㍿ 0912345678 ㍿|㍿ [redacted] ㍿"})
    void identifyingNumbersAndPlatesAreMaskedOtherNumbersStay(String text, String masked) {
        assertEquals(masked, Redactor.text(text, false, true));
        assertEquals(text, Redactor.text(text, true, true));
    }

    @Test
    void theNarrativeIsReleasedAsTheProfileSays() {
        ReportContent.Narrative written = new ReportContent.Narrative("Xe 14A-123.45, gọi 0912345678", "vi");
        assertEquals(null, Redactor.narrative(written, NarrativeRelease.WITHHELD, false));
        assertEquals("Xe [redacted], gọi [redacted]", Redactor.narrative(written, NarrativeRelease.MASKED, false).text());
        assertEquals("vi", Redactor.narrative(written, NarrativeRelease.MASKED, false).lang());
        assertEquals(written, Redactor.narrative(written, NarrativeRelease.FULL, false));
        assertEquals(null, Redactor.narrative(null, NarrativeRelease.FULL, false));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "3 bao hàng ở mốc 1369, 21:40|3 bao hàng ở [redacted], 21:40",
            "gần cột mốc số 1369/2 bên sông|gần [redacted] bên sông",
            "at border marker 1369 near the bridge|at [redacted] near the bridge",
            "在界碑1369号附近|在[redacted]附近",
            "toạ độ 21.5283, 107.9650 lúc 21:40|toạ độ [redacted], [redacted] lúc 21:40",
            "21°31'42\" N|[redacted] N",
            "1.200 kg, 300.000.000 VND|1.200 kg, 300.000.000 VND"})
    void withoutTheExactLocationMarkersAndCoordinatesInTextAreMaskedToo(String text, String masked) {
        assertEquals(masked, Redactor.text(text, true, false));
        assertEquals(text, Redactor.text(text, true, true));
    }

    @Test
    void aProfileStoredBeforeTheNarrativeSettingReleasesItAsItsIdentifiersSettingSaid() {
        assertEquals(NarrativeRelease.MASKED, new Redaction(false, false, false, null, java.util.List.of()).narrativeRelease());
        assertEquals(NarrativeRelease.FULL, new Redaction(false, true, false, null, java.util.List.of()).narrativeRelease());
    }

    @Test
    void fourEyesForEverythingBeyondTheRedactedMinimum() {
        assertEquals(false, new Redaction(false, false, false, NarrativeRelease.MASKED, java.util.List.of()).revealsMore());
        assertEquals(false, new Redaction(false, false, false, NarrativeRelease.WITHHELD, java.util.List.of()).revealsMore());
        assertEquals(true, new Redaction(false, false, false, NarrativeRelease.FULL, java.util.List.of()).revealsMore());
        assertEquals(true, new Redaction(false, false, false, NarrativeRelease.MASKED, java.util.List.of(java.util.UUID.randomUUID())).revealsMore());
        assertEquals(true, new Redaction(true, false, false, NarrativeRelease.MASKED, java.util.List.of()).revealsMore());
    }

    @Test
    void aRoundedLocationIsWithinAboutAKilometreAndSaysSo() {
        ReportContent.Location exact = new ReportContent.Location(21.5283, 107.9650, 12.0);
        ReportContent.Location rounded = Redactor.location(exact, false);
        assertEquals(21.53, rounded.lat());
        assertEquals(107.97, rounded.lon());
        assertEquals(1000.0, rounded.accuracyMeters());
        assertEquals(exact, Redactor.location(exact, true));
        assertEquals(5000.0, Redactor.location(new ReportContent.Location(21.5, 107.9, 5000.0), false).accuracyMeters());
    }
}
