package io.pipelinekit.flows.locations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.accsyn.party.Party;
import io.pipelinekit.ftrack.Entity;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.ftrack.UnknownLocationException;
import io.pipelinekit.ftrack.model.Location;
import io.pipelinekit.testkit.ftrack.FakeFtrack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocationDirectoryTest {
  final LocationDirectory dir =
      LocationDirectory.builder()
          .site("hq")
          .site("la")
          .workspace("studio.central")
          .map("london-office", Party.site("lon"))
          .knownLocations(List.of("hq", "la", "tokyo", "ftrack.unmanaged"))
          .build();

  @Test
  void sitesUsersAndTheWorkspaceByName() {
    assertThat(dir.party("hq")).isEqualTo(Party.site("hq"));
    assertThat(dir.party("LA")).isEqualTo(Party.site("la"));
    assertThat(dir.party("london-office").toString()).isEqualTo("site=lon");
    assertThat(dir.party("studio.central")).isEqualTo(Party.workspace());
    assertThat(dir.party("studio.central").isOmitted()).isTrue();
    Party anna = dir.party("Anna@Vendor.com");
    assertThat(anna.kind()).isEqualTo(Party.Kind.USER);
    assertThat(anna.toString())
        .isEqualTo("Anna@Vendor.com"); // as named; accsyn matches e-mails ignoring case
    assertThat(dir.party(Location.of(Entity.of("Location", Map.of("id", "l", "name", "hq")))))
        .isEqualTo(Party.site("hq"));
  }

  @Test
  void unknownNamesListTheKnownLocations() {
    assertThatThrownBy(() -> dir.party("tokyo"))
        .isInstanceOfSatisfying(
            UnknownLocationException.class,
            e ->
                assertThat(e.knownLocations())
                    .containsExactly("hq", "la", "london-office", "studio.central", "tokyo"))
        .isInstanceOf(UnknownLocationException.class)
        .hasMessageContaining("location 'tokyo' is not an accsyn site, user or workspace")
        .hasMessageContaining("known locations: hq, la, london-office, studio.central, tokyo");
    assertThatThrownBy(() -> dir.party("ftrack.unmanaged"))
        .hasMessageContaining("built-in ftrack location");
  }

  @Test
  void namesMatchingSeveralEntriesOnlyIgnoringCaseAreAmbiguous() {
    LocationDirectory d = LocationDirectory.builder().site("hq").workspace("HQ").build();
    assertThat(d.party("hq")).isEqualTo(Party.site("hq"));
    assertThat(d.party("HQ")).isEqualTo(Party.workspace());
    assertThatThrownBy(() -> d.party("Hq"))
        .isInstanceOf(UnknownLocationException.class)
        .hasMessageContaining("'Hq' is ambiguous: it matches mapping HQ and site hq");
  }

  @Test
  void listedUsersRestrictEmailNames() {
    LocationDirectory d = LocationDirectory.builder().user("anna@studio.com").build();
    assertThat(d.party("anna@studio.com")).isEqualTo(Party.user("anna@studio.com"));
    assertThatThrownBy(() -> d.party("bob@vendor.com"))
        .hasMessageContaining("named like a user, but no such user is configured")
        .hasMessageContaining("known locations: anna@studio.com");
    LocationDirectory none = LocationDirectory.builder().emailsAreUsers(false).build();
    assertThatThrownBy(() -> none.party("bob@vendor.com"))
        .isInstanceOf(UnknownLocationException.class);
    assertThatThrownBy(() -> Party.user("not-an-email"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Party.site("site=hq")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void knownLocationsCanComeFromFtrack() {
    try (FakeFtrack fake = FakeFtrack.builder().build();
        FtrackSession s = FtrackSession.fromEnvironment(fake.environment())) {
      fake.fixtures().location("hq");
      fake.fixtures().location("paris");
      LocationDirectory d = LocationDirectory.builder().site("hq").knownLocations(s).build();
      assertThat(d.knownLocations()).containsExactly("hq", "paris");
      assertThatThrownBy(() -> d.party("paris")).hasMessageContaining("known locations: hq, paris");
    }
  }
}
