package io.pipelinekit.ftrack.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.ftrack.EntityRef;
import io.pipelinekit.ftrack.FtrackException;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.paths.sequence.FileSequence;
import io.pipelinekit.testkit.ftrack.FakeFtrack;
import io.pipelinekit.testkit.ftrack.FtrackFixtures;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A big registration goes out in bounded batches; a failure part-way leaves rows that a second run
 * keeps, so the second run completes it without duplicates.
 */
class ChunkedRegistrationTest {
  FakeFtrack fake = FakeFtrack.builder().build();
  FtrackFixtures f = fake.fixtures();
  String shot = f.shot(f.sequence(f.project("demo"), "sq010"), "sh010");
  String la = f.location("la");
  String compType = f.assetType("comp");
  AtomicInteger requests = new AtomicInteger();
  AtomicInteger failOnRequest = new AtomicInteger(-1);
  FtrackSession session =
      FtrackSession.builder()
          .fromEnvironment(fake.environment())
          .okHttpClient(
              new OkHttpClient.Builder()
                  .addInterceptor(
                      chain -> {
                        if (requests.incrementAndGet() == failOnRequest.get()) {
                          throw new IOException("connection reset before the request was sent");
                        }
                        return chain.proceed(chain.request());
                      })
                  .build())
          .build();

  @AfterEach
  void close() {
    session.close();
    fake.close();
  }

  String publishSequence(int frames) {
    return Publisher.of(session)
        .publish(
            PublishRequest.builder()
                .context(EntityRef.of("Shot", shot))
                .assetName("comp")
                .assetType("comp")
                .location("ftrack.unmanaged")
                .sequence("main", FileSequence.parse("/mnt/p/comp.%04d.exr [1-" + frames + "]"))
                .build())
        .component("main")
        .id();
  }

  List<Map<String, Object>> rowsInLa() {
    return fake.entities("ComponentLocation").stream()
        .filter(r -> la.equals(r.get("location_id")))
        .toList();
  }

  @Test
  void aLongSequenceIsLookedUpInOneRequestWhateverThePageSize() {
    String main = publishSequence(1_200); // more than two pages of the session's 500
    int before = requests.get();

    RegistrationResult r =
        Publisher.of(session, 1_000)
            .register(Registration.in("la").add(main, "demo/comp.%04d.exr").build());

    // One look-up (the frames come nested in their sequence), then 1,201 rows in two batches.
    assertThat(requests.get() - before).isEqualTo(3);
    assertThat(r.identifiers()).hasSize(1_201);
    assertThat(rowsInLa()).hasSize(1_201);
  }

  @Test
  void writesInBatchesOfTheGivenSize() {
    String main = publishSequence(10);
    int before = requests.get();

    RegistrationResult r =
        Publisher.of(session, 4)
            .register(Registration.in("la").add(main, "demo/comp.%04d.exr").build());

    // One look-up, then 11 rows (10 frames and the sequence) in batches of 4, 4 and 3.
    assertThat(requests.get() - before).isEqualTo(4);
    assertThat(r.identifiers()).hasSize(11);
    assertThat(rowsInLa()).hasSize(11);
    // The sequence's own row is written last, after all its frames.
    assertThat(List.copyOf(r.identifiers().keySet()).get(10)).isEqualTo(main);
  }

  @Test
  void aFailurePartWayIsCompletedByRunningTheRegistrationAgain() {
    String main = publishSequence(10);
    Registration registration = Registration.in("la").add(main, "demo/comp.%04d.exr").build();
    failOnRequest.set(requests.get() + 3); // look-up, first batch, then the second batch fails

    assertThatThrownBy(() -> Publisher.of(session, 4).register(registration))
        .isInstanceOf(PublishException.class)
        .hasMessageContaining("4 of 11 registrations in location 'la' were written")
        .hasMessageContaining("run the same registration again")
        .hasCauseInstanceOf(FtrackException.class);
    assertThat(rowsInLa()).hasSize(4);

    RegistrationResult again = Publisher.of(session, 4).register(registration);

    assertThat(again.kept()).isEqualTo(4);
    assertThat(again.replaced()).isZero();
    assertThat(rowsInLa()).hasSize(11);
    assertThat(rowsInLa().stream().map(r -> r.get("component_id")).distinct()).hasSize(11);
  }

  @Test
  void aFailureOfTheFirstBatchIsTheServersOwnErrorAndWritesNothing() {
    String main = publishSequence(3);
    failOnRequest.set(requests.get() + 2);

    assertThatThrownBy(
            () ->
                Publisher.of(session, 4)
                    .register(Registration.in("la").add(main, "demo/comp.%04d.exr").build()))
        .isInstanceOf(FtrackException.class)
        .isNotInstanceOf(PublishException.class);
    assertThat(rowsInLa()).isEmpty();
  }

  @Test
  void aBatchSmallerThanAReplacementIsRefused() {
    assertThatThrownBy(() -> Publisher.of(session, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2");
  }
}
