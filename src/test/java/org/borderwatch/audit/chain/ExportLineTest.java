package org.borderwatch.audit.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OWASP CSV injection: whatever a spreadsheet would read as a formula starts with a quote in the export. */
class ExportLineTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx", "\nx", " =HYPERLINK(1)",
        "\u00A0=1", "\u3000=1", "＝HYPERLINK(1)", "＋1", "－1", "＠SUM(1)"})
    void aCellAFormulaCouldStartIsNeutralised(String cell) {
        assertEquals("'" + cell, ExportLine.neutral(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Planning the joint patrol", "Lập kế hoạch tuần tra", "联合巡逻", "1+1", "a=b", " ", ""})
    void otherTextIsKeptAsItIs(String cell) {
        assertEquals(cell, ExportLine.neutral(cell));
    }
}
