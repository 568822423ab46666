package org.borderwatch.sharing.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.borderwatch.report.ReportContent;
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
            "hộ chiếu C1234567|hộ chiếu [redacted]"})
    void identifyingNumbersAndPlatesAreMaskedOtherNumbersStay(String text, String masked) {
        assertEquals(masked, Redactor.text(text, false));
        assertEquals(text, Redactor.text(text, true));
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
