package io.pipelinekit.paths;

/** The mapping tables M and M2 of docs/path-mapping.md, "Test tables", built in code. */
final class SpecTables {
  private SpecTables() {}

  /** Table M; {@code shots} only when asked (T28c), UNC alias only when asked (T11b). */
  static RootTable m(boolean withShotsFolder, boolean withUncAlias) {
    RootTable.Builder b =
        RootTable.builder()
            .mainSite("hq")
            .add(
                Share.volume("storage")
                    .asDefault()
                    .linux("/storage")
                    .windows("S:\\")
                    .matchAlso("\\\\fs01\\storage")
                    .mac("/Volumes/storage")
                    .atSite("london", Platform.LINUX, "/mnt/lon/storage")
                    .build())
            .add(
                Share.volume("projects")
                    .linux("/mnt/projects")
                    .windows("P:\\")
                    .mac("/Volumes/projects")
                    .build())
            .add(Share.volume("proj").linux("/mnt/proj").windows("Q:\\").build())
            .add(Share.folder("vfx", "projects", "vfx").windows("V:\\").build())
            .add(Share.volume("izmir").linux("/mnt/izmir").windows("I:\\\u0130zmir").build())
            .add(
                Share.volume("equipe")
                    .linux("/mnt/equipe")
                    .windows("E:\\")
                    .mac("/Volumes/\u00c9quipe")
                    .build());
    if (withShotsFolder) {
      b.add(Share.folder("shots", "storage", "shots").build());
    }
    if (withUncAlias) {
      b.uncHostAlias("10.0.0.5", "fs01");
    }
    return b.build();
  }

  static RootTable m() {
    return m(false, false);
  }

  /** Table M2: two shares on the same Windows root. */
  static RootTable m2() {
    return RootTable.builder()
        .allowAmbiguousRoots()
        .add(Share.volume("a").windows("P:\\").linux("/mnt/a").build())
        .add(Share.volume("b").windows("P:\\").linux("/mnt/b").build())
        .build();
  }
}
