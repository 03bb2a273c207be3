package io.pipelinekit.paths;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of {@link PathMapper} over random root tables and random names.
 *
 * <p>Generated root components start with {@code _} and generated names never do, so a name can
 * never be mistaken for a root component: every expectation below is computed from the generated
 * model ({@link GenTable}), not from the code under test.
 */
class MappingPropertiesTest {
  private static final String REMOTE = "remote";
  private static final List<Platform> PLATFORMS =
      List.of(
          Platform.LINUX, Platform.WINDOWS, Platform.MAC, Platform.LINUX_VPN, Platform.WINDOWS_VPN);

  // ------------------------------------------------------------------ the generated model

  /** One generated volume: where it sits and which roots it has. */
  record VolumeChoice(int parent, int prefix, int windowsKind, boolean mac, boolean remote) {}

  /** One generated shared folder. */
  record FolderChoice(int parent, int depth, boolean ownWindowsRoot) {}

  /** The roots of one generated share, as the model expects them (null = none). */
  record Model(
      Share share,
      List<String> linux,
      List<String> linuxRemote,
      String windows,
      List<String> mac) {}

  /** A generated table, its shares in insertion order, and what every root should be. */
  record GenTable(
      List<Share> shares,
      Map<String, Model> models,
      List<VolumeChoice> volumeChoices,
      List<FolderChoice> folderChoices,
      boolean hasDefault) {
    RootTable build(List<Share> order) {
      return RootTable.builder().site(REMOTE).addAll(order).build();
    }

    RootTable table() {
      return build(shares);
    }

    /** The same table, with every share built again (e.g. under another default locale). */
    GenTable rebuilt() {
      return of(volumeChoices, folderChoices, hasDefault);
    }

    Model model(int pick) {
      return models.get(shares.get(pick % shares.size()).code());
    }

    static GenTable of(List<VolumeChoice> volumes, List<FolderChoice> folders, boolean dflt) {
      Map<String, Model> models = new LinkedHashMap<>();
      List<Share> shares = new ArrayList<>();
      List<Model> vols = new ArrayList<>();
      char drive = 'D';
      for (int i = 0; i < volumes.size(); i++) {
        VolumeChoice c = volumes.get(i);
        Model parent = c.parent() >= 0 && c.parent() < i ? vols.get(c.parent()) : null;
        List<String> linux = new ArrayList<>();
        if (parent == null) {
          linux.addAll(
              List.of(List.of("_mnt"), List.of("_Media"), List.of("_mnt", "_video"))
                  .get(c.prefix()));
          linux.add("_disk" + i);
        } else {
          linux.addAll(parent.linux());
          linux.add("_In" + i);
        }
        String windows;
        if (c.windowsKind() == 2 && parent != null && parent.windows() != null) {
          windows = join(parent.windows(), List.of("_In" + i));
        } else if (c.windowsKind() == 1) {
          windows = "\\\\_FILESERVER" + (i % 2) + "\\_Share" + i;
        } else if (c.windowsKind() == 0) {
          windows = drive++ + ":\\";
        } else {
          windows = null;
        }
        List<String> mac = c.mac() ? List.of("Volumes", "_Mi" + i) : null;
        List<String> remote = c.remote() ? List.of("_remote", "_vi" + i) : linux;
        Share.Builder b = Share.volume("Vid" + i).linux(posix(linux));
        if (windows != null) {
          b.windows(windows);
        }
        if (mac != null) {
          b.mac(posix(mac));
        }
        if (c.remote()) {
          b.atSite(REMOTE, Platform.LINUX, posix(remote));
        }
        if (dflt && i == 0) {
          b.asDefault();
        }
        Model m = new Model(b.build(), linux, remote, windows, mac);
        vols.add(m);
        shares.add(m.share());
        models.put(m.share().code(), m);
      }
      for (int k = 0; k < folders.size(); k++) {
        FolderChoice c = folders.get(k);
        Model parent = vols.get(c.parent() % vols.size());
        List<String> path = c.depth() == 1 ? List.of("_fi" + k) : List.of("_fi" + k, "_gI");
        Share.Builder b = Share.folder("Fig" + k, parent.share().code(), String.join("/", path));
        String windows = parent.windows() == null ? null : join(parent.windows(), path);
        if (c.ownWindowsRoot()) {
          windows = drive++ + ":\\";
          b.windows(windows);
        }
        Model m =
            new Model(
                b.build(),
                concat(parent.linux(), path),
                concat(parent.linuxRemote(), path),
                windows,
                parent.mac() == null ? null : concat(parent.mac(), path));
        shares.add(m.share());
        models.put(m.share().code(), m);
      }
      return new GenTable(shares, models, volumes, folders, dflt);
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static String posix(List<String> components) {
    return "/" + String.join("/", components);
  }

  private static String posix(List<String> components, boolean trailing) {
    return posix(components) + (trailing && !components.isEmpty() ? "/" : "");
  }

  /** Windows text of a root plus components, written without the code under test. */
  private static String join(String windowsRoot, List<String> components) {
    if (components.isEmpty()) {
      return windowsRoot;
    }
    return (windowsRoot.endsWith("\\") ? windowsRoot : windowsRoot + "\\")
        + String.join("\\", components);
  }

  /** The text the model expects for a share's root on a platform at a site, plus components. */
  private static String expectedOs(
      Model m, Platform p, String site, List<String> rest, boolean trailing) {
    boolean t = trailing && !rest.isEmpty();
    switch (p.base()) {
      case LINUX:
        return posix(concat(site.equals(REMOTE) ? m.linuxRemote() : m.linux(), rest), t);
      case MAC:
        return m.mac() == null ? null : posix(concat(m.mac(), rest), t);
      default:
        return m.windows() == null ? null : join(m.windows(), rest) + (t ? "\\" : "");
    }
  }

  // ------------------------------------------------------------------ generators

  @Provide
  Arbitrary<GenTable> tables() {
    Arbitrary<VolumeChoice> volume =
        Combinators.combine(
                Arbitraries.integers().between(-1, 4),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 3),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false))
            .as(VolumeChoice::new);
    Arbitrary<FolderChoice> folder =
        Combinators.combine(
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(1, 2),
                Arbitraries.of(true, false))
            .as(FolderChoice::new);
    return Combinators.combine(
            volume.list().ofMinSize(1).ofMaxSize(5),
            folder.list().ofMaxSize(3),
            Arbitraries.of(true, false))
        .as(GenTable::of);
  }

  private static final Pattern RESERVED =
      Pattern.compile(
          "(?i)(CON|PRN|AUX|NUL|COM[1-9\u00b9\u00b2\u00b3]|LPT[1-9\u00b9\u00b2\u00b3]) *");

  /** Names Windows, macOS, Linux and share notation can all hold exactly as written. */
  @Provide
  Arbitrary<String> names() {
    return Arbitraries.of(
            "a",
            "Z",
            "x",
            "Q",
            "i",
            "I",
            "7",
            "0",
            " ",
            ".",
            "%",
            "#",
            "(",
            ")",
            "-",
            "+",
            ",",
            ";",
            "=",
            "@",
            "!",
            "~",
            "'",
            "&",
            "[",
            "]",
            "{",
            "}",
            "_",
            "\u00e9",
            "\u00c9",
            "\u0130",
            "\u0131",
            "\u00df",
            "\u00c5",
            "\u65e5\u672c",
            "\uD83C\uDFAC",
            "e\u0301",
            "\u03a9",
            "\u00f1",
            "%04d",
            "####",
            "$F4")
        .list()
        .ofMinSize(1)
        .ofMaxSize(6)
        .map(tokens -> String.join("", tokens))
        .filter(MappingPropertiesTest::validEverywhere);
  }

  static boolean validEverywhere(String name) {
    if (name.startsWith("_") || name.equals(".") || name.equals("..")) {
      return false;
    }
    char last = name.charAt(name.length() - 1);
    int dot = name.indexOf('.');
    String stem = dot < 0 ? name : name.substring(0, dot);
    return last != '.' && last != ' ' && !RESERVED.matcher(stem).matches();
  }

  @Provide
  Arbitrary<List<String>> components() {
    return names().list().ofMaxSize(4);
  }

  /** Names sprinkled with {@code ..} and {@code .}. */
  @Provide
  Arbitrary<List<String>> withDots() {
    return Arbitraries.frequencyOf(
            Tuple.of(5, names()),
            Tuple.of(3, Arbitraries.just("..")),
            Tuple.of(1, Arbitraries.just(".")))
        .list()
        .ofMaxSize(7);
  }

  @Provide
  Arbitrary<Platform> platforms() {
    return Arbitraries.of(PLATFORMS);
  }

  @Provide
  Arbitrary<String> sites() {
    return Arbitraries.of("hq", REMOTE);
  }

  private static String describe(MappingResult<?> r) {
    return r.isSuccess() ? r.orElseThrow().toString() : "!" + r.failureKind().orElseThrow();
  }

  // ------------------------------------------------------------------ properties

  @Property
  void shareToOsToShareIsTheIdentity(
      @ForAll("tables") GenTable gen,
      @ForAll @IntRange(min = 0, max = 7) int pick,
      @ForAll("components") List<String> rest,
      @ForAll boolean trailing,
      @ForAll("platforms") Platform platform,
      @ForAll("sites") String site) {
    PathMapper mapper = PathMapper.of(gen.table());
    Model m = gen.model(pick);
    SharePath share = SharePath.of(ShareKind.SHARE, m.share().code(), rest, trailing);
    String expected = expectedOs(m, platform, site, rest, trailing);

    MappingResult<OsPath> os = mapper.toOs(share, Target.of(platform, site));
    if (expected == null) {
      assertThat(os.failureKind()).as("%s", os).contains(FailureKind.NO_ROOT_FOR_TARGET);
      return;
    }
    assertThat(describe(os)).isEqualTo(expected);
    assertThat(os.warnings()).isEmpty();
    MappingResult<SharePath> back =
        mapper.toShare(os.orElseThrow().toString(), Source.of(platform).atSite(site));
    assertThat(back.value()).as("%s", back).contains(share);
  }

  @Property
  void linuxToWindowsToLinuxIsTheIdentity(
      @ForAll("tables") GenTable gen,
      @ForAll @IntRange(min = 0, max = 7) int pick,
      @ForAll("components") List<String> rest,
      @ForAll boolean trailing) {
    PathMapper mapper = PathMapper.of(gen.table());
    Model m = gen.model(pick);
    // A root alone has no trailing separator to keep ("S:\\" -> "/storage", case T06).
    String linux = posix(concat(m.linux(), rest), trailing && !rest.isEmpty());
    MappingResult<OsPath> windows =
        mapper.toOs(linux, Source.of(Platform.LINUX), Target.of(Platform.WINDOWS));
    if (m.windows() == null) {
      assertThat(windows.failureKind()).as("%s", windows).contains(FailureKind.NO_ROOT_FOR_TARGET);
      return;
    }
    assertThat(describe(windows)).isEqualTo(expectedOs(m, Platform.WINDOWS, "hq", rest, trailing));
    MappingResult<OsPath> back =
        mapper.toOs(
            windows.orElseThrow().toString(),
            Source.of(PathFlavour.WINDOWS),
            Target.of(Platform.LINUX));
    assertThat(describe(back)).isEqualTo(linux);
  }

  /** What the model says a path with dot segments should map to, under each policy. */
  record Expectation(Model share, List<String> rest) {}

  /** The deepest generated share whose Linux root (at hq) is a prefix of {@code components}. */
  private static Model deepest(GenTable gen, List<String> components) {
    Model best = null;
    for (Model m : gen.models().values()) {
      if (components.size() >= m.linux().size()
          && components.subList(0, m.linux().size()).equals(m.linux())
          && (best == null || m.linux().size() > best.linux().size())) {
        best = m;
      }
    }
    return best;
  }

  @Property
  void noMappedPathEscapesItsRoot(
      @ForAll("tables") GenTable gen,
      @ForAll @IntRange(min = 0, max = 7) int pick,
      @ForAll("withDots") List<String> tail) {
    PathMapper mapper = PathMapper.of(gen.table());
    List<String> raw = concat(gen.model(pick).linux(), tail);
    String input = posix(raw);

    // The model: resolve lexically, remembering how low the path went.
    List<String> stack = new ArrayList<>();
    boolean escaped = false;
    int lowest = raw.size();
    for (String c : raw) {
      if (c.equals("..")) {
        if (stack.isEmpty()) {
          escaped = true;
        } else {
          stack.remove(stack.size() - 1);
        }
        lowest = Math.min(lowest, stack.size());
      } else if (!c.equals(".")) {
        stack.add(c);
      }
    }
    lowest = Math.min(lowest, stack.size());
    Model owner = escaped ? null : deepest(gen, stack);
    List<String> textual = new ArrayList<>();
    for (String c : raw) {
      if (c.equals("..")) {
        break;
      }
      if (!c.equals(".")) {
        textual.add(c);
      }
    }
    Model textualOwner = deepest(gen, textual);
    assertThat(textualOwner).isNotNull();

    // NORMALIZE (the default): exactly the model, never '..' in the output.
    MappingResult<SharePath> share = mapper.toShare(input, Source.of(Platform.LINUX));
    MappingResult<OsPath> linux =
        mapper.toOs(input, Source.of(Platform.LINUX), Target.of(Platform.LINUX));
    MappingResult<OsPath> windows =
        mapper.toOs(input, Source.of(Platform.LINUX), Target.of(Platform.WINDOWS));
    if (owner == null) {
      assertThat(share.failureKind()).as("%s", share).contains(FailureKind.ESCAPES_ROOT);
      assertThat(linux.failureKind()).as("%s", linux).contains(FailureKind.ESCAPES_ROOT);
      assertThat(windows.failureKind()).as("%s", windows).contains(FailureKind.ESCAPES_ROOT);
    } else {
      List<String> rest = stack.subList(owner.linux().size(), stack.size());
      assertThat(share.value())
          .as("%s", share)
          .contains(SharePath.of(ShareKind.SHARE, owner.share().code(), rest, false));
      assertThat(share.orElseThrow().components()).doesNotContain("..", ".");
      OsPath out = linux.orElseThrow();
      assertThat(out.components()).startsWith(owner.linux().toArray(String[]::new));
      assertThat(out.components()).doesNotContain("..", ".");
      String expectedWindows = expectedOs(owner, Platform.WINDOWS, "hq", rest, false);
      assertThat(describe(windows))
          .isEqualTo(expectedWindows == null ? "!NO_ROOT_FOR_TARGET" : expectedWindows);
    }
    for (MappingResult<?> r : List.of(share, linux)) {
      r.failureKind()
          .ifPresent(k -> assertThat(k).isIn(FailureKind.ESCAPES_ROOT, FailureKind.NO_MATCH));
    }

    // STRICT: the same, but never dipping below the root the text starts in.
    PathMapper strict =
        mapper.withOptions(MappingOptions.builder().dotDot(DotDotPolicy.STRICT).build());
    MappingResult<SharePath> strictShare = strict.toShare(input, Source.of(Platform.LINUX));
    if (owner == null || lowest < textualOwner.linux().size()) {
      assertThat(strictShare.failureKind())
          .as("%s", strictShare)
          .contains(FailureKind.ESCAPES_ROOT);
    } else {
      assertThat(strictShare).isEqualTo(share);
    }

    // KEEP: '..' stays, but resolving the output never leaves the root the text matched.
    PathMapper keep =
        mapper.withOptions(MappingOptions.builder().dotDot(DotDotPolicy.KEEP).build());
    MappingResult<OsPath> kept =
        keep.toOs(input, Source.of(Platform.LINUX), Target.of(Platform.LINUX));
    List<String> keptRest = raw.subList(countRootPrefix(raw, textualOwner), raw.size());
    if (climbsOut(keptRest)) {
      assertThat(kept.failureKind()).as("%s", kept).contains(FailureKind.ESCAPES_ROOT);
    } else {
      assertThat(describe(kept)).isEqualTo(posix(concat(textualOwner.linux(), keptRest)));
    }
  }

  /** How many of {@code raw}'s components, skipping '.', spell the owner's root. */
  private static int countRootPrefix(List<String> raw, Model owner) {
    int matched = 0;
    int i = 0;
    while (matched < owner.linux().size()) {
      if (!raw.get(i).equals(".")) {
        matched++;
      }
      i++;
    }
    return i;
  }

  private static boolean climbsOut(List<String> rest) {
    int depth = 0;
    for (String c : rest) {
      if (c.equals("..")) {
        if (--depth < 0) {
          return true;
        }
      } else if (!c.equals(".")) {
        depth++;
      }
    }
    return false;
  }

  @Property
  void theOrderSharesAreAddedInNeverChangesAResult(
      @ForAll("tables") GenTable gen,
      @ForAll Random random,
      @ForAll("components") List<String> rest) {
    List<Share> shuffled = new ArrayList<>(gen.shares());
    Collections.shuffle(shuffled, random);
    assertThat(sample(gen, gen.table(), rest))
        .containsExactlyElementsOf(sample(gen, gen.build(shuffled), rest));
  }

  /** Every root of every share on every platform, plus share notation, mapped every way. */
  private static List<String> sample(GenTable gen, RootTable table, List<String> rest) {
    PathMapper mapper = PathMapper.of(table);
    List<String> out = new ArrayList<>();
    for (Model m : gen.models().values()) {
      List<String> inputs = new ArrayList<>();
      inputs.add(SharePath.of(ShareKind.SHARE, m.share().code(), rest, false).toString());
      for (Platform p : List.of(Platform.LINUX, Platform.WINDOWS, Platform.MAC)) {
        String os = expectedOs(m, p, "hq", rest, false);
        if (os != null) {
          inputs.add(os);
          out.add(describe(mapper.toShare(os, Source.of(p))));
          if (p != Platform.LINUX) {
            // Case-insensitive roots, spelled in the other case (roots are full of I and i).
            String swapped = swapAsciiCase(os);
            inputs.add(swapped);
            out.add(describe(mapper.toShare(swapped, Source.of(p))));
          }
        }
      }
      for (String in : inputs) {
        for (Platform p : List.of(Platform.LINUX, Platform.WINDOWS, Platform.MAC)) {
          out.add(in + " -> " + p + " " + describe(mapper.toOs(in, Target.of(p))));
          out.add(in + " -> " + p + "@remote " + describe(mapper.toOs(in, Target.of(p, REMOTE))));
        }
      }
    }
    return out;
  }

  private static String swapAsciiCase(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c >= 'a' && c <= 'z') {
        sb.append((char) (c - 32));
      } else if (c >= 'A' && c <= 'Z') {
        sb.append((char) (c + 32));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  @Property(tries = 200)
  void mappingNeverDependsOnTheDefaultLocale(
      @ForAll("tables") GenTable gen, @ForAll("components") List<String> rest) {
    Locale saved = Locale.getDefault();
    List<String> root;
    List<String> turkish;
    try {
      Locale.setDefault(Locale.ROOT);
      GenTable rootGen = gen.rebuilt();
      root = sample(rootGen, rootGen.table(), rest);
      Locale.setDefault(new Locale("tr", "TR"));
      GenTable turkishGen = gen.rebuilt();
      turkish = sample(turkishGen, turkishGen.table(), rest);
    } finally {
      Locale.setDefault(saved);
    }
    assertThat(turkish).containsExactlyElementsOf(root);
  }
}
