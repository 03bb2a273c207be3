package io.pipelinekit.examples.cli;

import io.pipelinekit.flows.SetupFlow;
import io.pipelinekit.flows.Studio;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code setup}: the tutorials' admin steps. */
@Command(
    name = "setup",
    mixinStandardHelpOptions = true,
    description = {
      "Creates what the studio flows need in accsyn and ftrack; safe to repeat.",
      "",
      "The admin steps of the accsyn tutorials: sites, the project folder share and its upload"
          + " folder, an employee and a vendor with their access, and the matching ftrack"
          + " locations. Needs an accsyn admin's key.",
      "",
      "Example:",
      "  setup --project demo --site hq --site la --pipeline-user pipeline@studio.com",
      "        --employee emma@studio.com --vendor vic@vendor.com"
    })
final class SetupCommand implements Callable<Integer> {
  @Mixin Connection connection;

  @Option(
      names = "--project",
      paramLabel = "CODE",
      description = "Project code (folder share name).")
  String project;

  @Option(
      names = "--site",
      paramLabel = "CODE",
      description = "A site that must exist. Repeatable.")
  List<String> sites = new ArrayList<>();

  @Option(
      names = "--pipeline-user",
      paramLabel = "EMAIL",
      description =
          "The employee account scripts run as; gets read and write access to the volume.")
  String pipelineUser;

  @Option(names = "--employee", paramLabel = "EMAIL", description = "Employee to invite.")
  String employee;

  @Option(names = "--vendor", paramLabel = "EMAIL", description = "Vendor to invite.")
  String vendor;

  @Option(names = "--json", description = "Print a JSON summary on stdout.")
  boolean json;

  @Override
  public Integer call() {
    if (project == null) {
      throw CliException.badInput(
          "missing --project CODE", "give the project code, the name of its folder share");
    }
    try (Studio studio = connection.studio()) {
      List<SetupFlow.Step> steps =
          studio.setup(
              SetupFlow.Request.of(project, sites, pipelineUser, employee, vendor),
              json ? ConsoleProgress.on(System.err, false) : ConsoleProgress.on(System.out, false));
      if (json) {
        Map<String, Object> result = new LinkedHashMap<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (SetupFlow.Step s : steps) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("step", s.what());
          m.put("created", s.created());
          out.add(m);
        }
        result.put("steps", out);
        Output.emit(result, ExitCodes.OK, null);
      }
      return ExitCodes.OK;
    }
  }
}
