package io.songnodes.scrape.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalogTest {

    @Test
    void theSameSeedGivesTheSameWorldAndTheShapeIsHonoured() {
        Catalog.Shape shape = new Catalog.Shape(99, 20, 15, 0.2, 0.4, 0.7);
        Catalog a = Catalog.generate(shape);
        assertThat(Catalog.generate(shape).sets()).isEqualTo(a.sets());
        assertThat(Catalog.generate(new Catalog.Shape(100, 20, 15, 0.2, 0.4, 0.7)).sets()).isNotEqualTo(a.sets());
        assertThat(a.sets()).hasSize(20).allSatisfy(s -> assertThat(s.plays()).hasSize(15));
        long plays = a.sets().stream().mapToLong(s -> s.plays().size()).sum();
        long unidentified = a.sets().stream().flatMap(s -> s.plays().stream()).filter(Catalog.Play::unidentified).count();
        assertThat((double) unidentified / plays).isBetween(0.1, 0.3);
        assertThat(a.sets().stream().flatMap(s -> s.plays().stream()).filter(p -> !p.unidentified()))
                .anyMatch(p -> p.track().remix() != null).anyMatch(p -> p.track().label() != null);
    }
}
