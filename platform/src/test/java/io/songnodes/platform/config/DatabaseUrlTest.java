package io.songnodes.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

    @Test
    void parsesEveryPart() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://songnodes:s3cr%40t@db.local:6543/music");
        assertThat(url.user()).isEqualTo("songnodes");
        assertThat(url.password()).isEqualTo("s3cr@t");
        assertThat(url.host()).isEqualTo("db.local");
        assertThat(url.port()).isEqualTo(6543);
        assertThat(url.database()).isEqualTo("music");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:6543/music");
    }

    @Test
    void defaultsThePortAndAcceptsThePostgresScheme() {
        assertThat(DatabaseUrl.parse("postgres://u@h/db").port()).isEqualTo(5432);
    }

    @Test
    void neverPrintsThePassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://songnodes:hunter2@localhost:5432/music");
        assertThat(url.toString()).isEqualTo("postgresql://songnodes:***@localhost:5432/music").doesNotContain("hunter2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://u:p@h/db", "postgresql://u:p@/db", "postgresql://u:p@h:5432/", "not a url at all:%%", "postgresql://u:p@h:5432/a/b"})
    void rejectsMalformedValuesNamingTheSettingButNotThePassword(String value) {
        assertThatThrownBy(() -> DatabaseUrl.parse(value))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DATABASE_URL: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(":p@").doesNotContain("\n"));
    }
}
