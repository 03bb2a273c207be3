package io.pipelinekit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.testkit.accsyn.FakeAccsyn;
import io.pipelinekit.testkit.ftrack.FakeFtrack;
import io.pipelinekit.testkit.ftrack.FtrackSeed;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone command line. */
class MainTest {
  @TempDir Path tmp;

  @Test
  void startsFromASeedFileOnTheGivenPortAndRoot() throws Exception {
    Path seed = tmp.resolve("studio.json");
    Files.writeString(
        seed,
        "{\"workspace\": \"acme\", \"sites\": [{\"code\": \"hq\"}, {\"code\": \"la\"}],"
            + " \"users\": [{\"email\": \"ops@acme.com\", \"role\": \"admin\", \"api_key\": \"K\"}]}");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Path root = tmp.resolve("root");
    FakeAccsyn fake =
        Main.start(
            new String[] {
              "accsyn", "--port", "0", "--seed", seed.toString(), "--root", root.toString()
            },
            new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(fake.workspace()).isEqualTo("acme");
      assertThat(fake.siteDir("la")).isDirectory().startsWith(root);
      assertThat(fake.adminCredentials().apiKey()).isEqualTo("K");
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("fake accsyn listening on http://127.0.0.1:" + fake.port())
          .contains("ops@acme.com / API key K");
    } finally {
      fake.close();
    }
    assertThat(root).exists();
  }

  @Test
  void rejectsBadArguments() {
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Main.start(new String[] {}, out))
        .hasMessage("missing the fake to run");
    assertThatThrownBy(() -> Main.start(new String[] {"shotgrid"}, out))
        .hasMessage("unknown fake 'shotgrid'");
    assertThatThrownBy(() -> Main.start(new String[] {"accsyn", "--port"}, out))
        .hasMessageContaining("Missing required parameter for option '--port'");
    assertThatThrownBy(() -> Main.start(new String[] {"accsyn", "--port", "x"}, out))
        .hasMessageContaining("'x' is not an int");
    assertThatThrownBy(() -> Main.start(new String[] {"accsyn", "--colour", "red"}, out))
        .hasMessageContaining("Unknown options: '--colour'");
    assertThatThrownBy(() -> Main.start(new String[] {"accsyn", "--throttle", "x"}, out))
        .hasMessage("--throttle x is not OPERATION:TIMES, e.g. transfer/find:2 or *:1");
    assertThatThrownBy(() -> Main.start(new String[] {"accsyn", "--latency", "soon"}, out))
        .hasMessage("--latency soon is not a duration; give e.g. 200ms, 2s or PT0.2S");
  }

  @Test
  void helpListsTheFakesAndTheirOptionsAndExitsZero() {
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.run("--help")).isZero();
      assertThat(Main.run("accsyn", "--help")).isZero();
      assertThat(Main.run("ftrack", "--help")).isZero();
    } finally {
      System.setOut(stdout);
    }
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Usage: testkit.jar [-hV] [COMMAND]", "accsyn", "ftrack")
        .contains("Usage: testkit.jar accsyn", "--seed=FILE", "--root=DIR", "--port=PORT")
        .contains("--latency=DURATION", "--throttle=OPERATION:TIMES", "--fail-tasks=GLOB")
        .contains("Usage: testkit.jar ftrack", "--api-user=NAME", "--api-key=KEY");
  }

  @Test
  void faultOptionsArmTheFake() throws Exception {
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    FakeAccsyn fake =
        Main.start(
            new String[] {
              "accsyn", "--port", "0", "--root", tmp.toString(), "--server-error", "*:1"
            },
            out);
    try {
      HttpResponse<String> first = get(fake.baseUrl());
      HttpResponse<String> second = get(fake.baseUrl());
      assertThat(first.statusCode()).isEqualTo(500);
      assertThat(second.statusCode()).isNotEqualTo(500);
    } finally {
      fake.close();
    }
  }

  static HttpResponse<String> get(URI base) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(base.resolve("/api/v3/user/find?query=x")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void badSeedsAreExplained() {
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> FakeAccsyn.builder().seedJson("[1]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Seed is not a JSON object");
    assertThatThrownBy(() -> FakeAccsyn.builder().seedJson("{\"sites\": 3}"))
        .hasMessageContaining("'sites' must be a list of objects");
    assertThat(out).isNotNull();
  }

  static final String FTRACK_SEED =
      """
      {"api_user": {"username": "bot", "api_key": "BOTKEY"},
       "users": ["jane@studio.example"],
       "locations": ["hq", "la"],
       "projects": [{"name": "demo", "children": [
         {"type": "Sequence", "name": "sq010", "children": [
           {"type": "Shot", "name": "sh010",
            "children": [{"type": "Task", "name": "compositing"}],
            "assets": [{"name": "comp", "type": "comp", "versions": [
              {"task": "compositing", "components": [
                {"name": "review", "file_type": ".mov", "size": 1000,
                 "locations": {"ftrack.unmanaged": "/mnt/projects/demo/sh010/review.mov"}},
                {"name": "main", "file_type": ".exr", "padding": 4, "frames": "1001-1002, 1004",
                 "locations": {"hq": "demo/sh010/comp.%04d.exr"}}]},
              {"components": [{"name": "main", "file_type": ".exr", "frames": "1-3"}]}]}]}]}]}]}
      """;

  @Test
  void runsTheFtrackFakeFromASeedAndAnswersOverHttp() throws Exception {
    Path seed = tmp.resolve("ftrack.json");
    Files.writeString(seed, FTRACK_SEED);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FakeFtrack fake =
        Main.startFtrack(
            new String[] {"ftrack", "--port", "0", "--seed", seed.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8))) {
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("fake ftrack listening on " + fake.serverUrl())
          .contains("API user: bot / API key BOTKEY");
      assertThat(fake.entities("AssetVersion"))
          .extracting(v -> v.get("version"))
          .containsExactlyInAnyOrder(1L, 2L);
      Map<String, Object> main =
          fake.entities("SequenceComponent").stream()
              .filter(c -> Long.valueOf(4).equals(c.get("padding")))
              .findFirst()
              .orElseThrow();
      assertThat(
              fake.entities("FileComponent").stream()
                  .filter(c -> main.get("id").equals(c.get("container_id")))
                  .map(c -> (String) c.get("name"))
                  .collect(Collectors.toList()))
          .containsExactlyInAnyOrder("1001", "1002", "1004");
      assertThat(
              fake.entities("ComponentLocation").stream()
                  .map(r -> (String) r.get("resource_identifier"))
                  .collect(Collectors.toList()))
          .contains(
              "/mnt/projects/demo/sh010/review.mov",
              "demo/sh010/comp.%04d.exr",
              "demo/sh010/comp.1004.exr");

      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(fake.serverUrl() + "/api"))
                      .header("ftrack-user", "bot")
                      .header("ftrack-api-key", "BOTKEY")
                      .header("content-type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "[{\"action\":\"query\",\"expression\":"
                                  + "\"select name from Location where name is hq\"}]"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("\"name\": \"hq\"".replace(" ", "")).startsWith("[");
    }
  }

  @Test
  void badFtrackArgumentsAndSeedsAreExplained() {
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Main.startFtrack(new String[] {"ftrack", "--api-user", "x"}, out))
        .hasMessage("give --api-user and --api-key together");
    assertThatThrownBy(() -> Main.startFtrack(new String[] {"ftrack", "--port", "x"}, out))
        .hasMessageContaining("'x' is not an int");
    assertThatThrownBy(() -> FtrackSeed.parse("[1]")).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> FtrackSeed.parse("{\"projects\": [{\"full_name\": \"x\"}]}"))
        .hasMessageContaining("needs \"name\"");
    assertThatThrownBy(
            () ->
                FtrackSeed.parse(
                    "{\"projects\": [{\"name\": \"p\", \"assets\": [{\"name\": \"a\","
                        + " \"versions\": [{\"components\": [{\"name\": \"m\","
                        + " \"locations\": {\"paris\": \"/x\"}}]}]}]}]}"))
        .hasMessageContaining("unknown location 'paris'");
    assertThatThrownBy(
            () ->
                FtrackSeed.parse(
                    "{\"projects\": [{\"name\": \"p\", \"children\": [{\"type\": \"Shot\", \"name\": \"s\", \"assets\": [{\"name\": \"a\", \"versions\": [{\"components\": [{\"name\": \"m\", \"frames\": \"a-b\"}]}]}]}]}]}"))
        .hasMessageContaining("frames must look like");
  }
}
