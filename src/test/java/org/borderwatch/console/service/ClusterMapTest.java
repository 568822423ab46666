package org.borderwatch.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterMapTest {

    @Test
    void theClustersCountsAddUpToTheTotalAndEachLinksToItsOwnCell() {
        List<Object[]> cells = List.of(new Object[] {430.0, 2159.0, 7L, 21.52, 107.96}, new Object[] {436.0, 2135.0, 2L, 21.84, 106.76},
                new Object[] {456.0, 2099.0, 1L, 22.82, 104.98});
        ClusterMap.Drawn drawn = ClusterMap.draw(cells, 0.05);
        assertThat(drawn.total()).isEqualTo(10);
        assertThat(drawn.clusters()).extracting(ClusterMap.Cluster::count).containsExactly(7L, 2L, 1L);
        assertThat(drawn.clusters().get(0).bbox()).isEqualTo("107.95000,21.50000,108.00000,21.55000");
        assertThat(drawn.clusters()).allMatch(c -> c.x() >= 0 && c.x() <= ClusterMap.WIDTH && c.y() >= 0 && c.y() <= ClusterMap.HEIGHT);
        // the biggest cluster is drawn biggest; the east-most is right-most, the north-most top-most
        assertThat(drawn.clusters().get(0).r()).isGreaterThan(drawn.clusters().get(2).r());
        assertThat(drawn.clusters().get(0).x()).isGreaterThan(drawn.clusters().get(2).x());
        assertThat(drawn.clusters().get(2).y()).isLessThan(drawn.clusters().get(0).y());
    }

    @Test
    void noReportsDrawNoClusters() {
        assertThat(ClusterMap.draw(List.of(), 0.05).total()).isZero();
    }
}
