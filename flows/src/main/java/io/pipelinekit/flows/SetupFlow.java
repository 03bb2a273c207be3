package io.pipelinekit.flows;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.Operator;
import io.pipelinekit.accsyn.Query;
import io.pipelinekit.accsyn.access.Access;
import io.pipelinekit.accsyn.access.Grant;
import io.pipelinekit.accsyn.access.ShareType;
import io.pipelinekit.accsyn.storage.FolderSpec;
import io.pipelinekit.accsyn.storage.Storage;
import io.pipelinekit.accsyn.users.Role;
import io.pipelinekit.accsyn.users.User;
import io.pipelinekit.accsyn.users.Users;
import io.pipelinekit.ftrack.Criteria;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.ftrack.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The admin steps of the accsyn ftrack and outsourcing tutorials as code, each one idempotent
 * (running setup twice changes nothing the second time): a site, a project folder share and an
 * upload folder, an employee and a vendor, the vendor's read access to the project and write access
 * to the upload folder, and the matching ftrack locations (one per site, one per remote user named
 * by their e-mail).
 *
 * <pre>{@code
 * List<SetupFlow.Step> steps = SetupFlow.of(accsyn, ftrack, layout).run(
 *     SetupFlow.Request.of("demo", List.of("hq", "la"), "emma@studio.com", "vic@vendor.com"),
 *     FlowProgress.NONE);
 * }</pre>
 */
public final class SetupFlow {
  private final AccsynClient accsyn;
  private final FtrackSession ftrack;
  private final StudioLayout layout;

  private SetupFlow(AccsynClient accsyn, FtrackSession ftrack, StudioLayout layout) {
    this.accsyn = accsyn;
    this.ftrack = ftrack;
    this.layout = layout;
  }

  /**
   * A setup flow.
   *
   * @param accsyn an accsyn admin client
   * @param ftrack the ftrack session
   * @param layout the studio layout
   * @return the flow
   */
  public static SetupFlow of(AccsynClient accsyn, FtrackSession ftrack, StudioLayout layout) {
    return new SetupFlow(
        Objects.requireNonNull(accsyn, "accsyn == null"),
        Objects.requireNonNull(ftrack, "ftrack == null"),
        Objects.requireNonNull(layout, "layout == null"));
  }

  /**
   * What to set up.
   *
   * @param project the project code: its folder share is {@code <project>} at {@code <project>} in
   *     the volume, its upload folder {@code <project>-upload} at {@code <project>/upload}
   * @param sites the site codes that must exist
   * @param pipelineUser the employee account scripts and plug-ins run as, if any: it gets read and
   *     write access to the whole volume, which transfers between sites and deliveries need
   * @param employee the employee's e-mail, if any
   * @param vendor the vendor's e-mail, if any
   */
  public record Request(
      String project,
      List<String> sites,
      Optional<String> pipelineUser,
      Optional<String> employee,
      Optional<String> vendor) {
    /** Copies the list. */
    public Request {
      Objects.requireNonNull(project, "project == null");
      sites = List.copyOf(sites);
    }

    /**
     * A request.
     *
     * @param project the project code
     * @param sites the site codes
     * @param employee the employee, or null
     * @param vendor the vendor, or null
     * @return the request
     */
    public static Request of(String project, List<String> sites, String employee, String vendor) {
      return of(project, sites, null, employee, vendor);
    }

    /**
     * A request that also prepares the pipeline's employee account.
     *
     * @param project the project code
     * @param sites the site codes
     * @param pipelineUser the pipeline's employee account, or null
     * @param employee the employee, or null
     * @param vendor the vendor, or null
     * @return the request
     */
    public static Request of(
        String project, List<String> sites, String pipelineUser, String employee, String vendor) {
      return new Request(
          project,
          sites,
          Optional.ofNullable(pipelineUser),
          Optional.ofNullable(employee),
          Optional.ofNullable(vendor));
    }
  }

  /**
   * One step and whether it changed anything.
   *
   * @param what the step
   * @param created true if something was created or granted, false if it already existed
   */
  public record Step(String what, boolean created) {}

  /**
   * Runs the steps.
   *
   * @param request what to set up
   * @param progress told about each step
   * @return the steps
   */
  public List<Step> run(Request request, FlowProgress progress) {
    Rights.requireAdmin(accsyn, "setup (sites, shares, users and access)");
    List<Step> steps = new ArrayList<>();
    for (String site : request.sites()) {
      boolean exists =
          accsyn.findOne(Query.of("site").where("code", Operator.EQ, site)).isPresent();
      if (!exists) {
        accsyn.create("site", Map.of("code", site));
      }
      add(steps, progress, "accsyn site " + site, !exists);
    }
    String project = request.project();
    Storage storage = Storage.of(accsyn);
    String upload = project + "-upload";
    for (String[] f :
        List.of(new String[] {project, project}, new String[] {upload, project + "/upload"})) {
      boolean exists = storage.folder(f[0]).isPresent();
      if (!exists) {
        storage.createFolder(
            FolderSpec.builder().code(f[0]).name(f[0]).path(f[1]).volume(layout.volume()).build());
      }
      add(
          steps,
          progress,
          "accsyn folder share " + f[0] + " (" + layout.volume() + "/" + f[1] + ")",
          !exists);
    }
    Users users = Users.of(accsyn);
    Access access = Access.of(accsyn);
    if (request.pipelineUser().isPresent()) {
      String p = request.pipelineUser().get();
      add(steps, progress, "accsyn pipeline account " + p, ensureUser(users, p, Role.EMPLOYEE));
      access.grant(
          Grant.builder()
              .user(p)
              .share(ShareType.VOLUME, layout.volume())
              .read(true)
              .write(true)
              .notifyUser(false)
              .build());
      add(steps, progress, p + " reads and writes volume " + layout.volume(), true);
    }
    if (request.employee().isPresent()) {
      String e = request.employee().get();
      add(steps, progress, "accsyn employee " + e, ensureUser(users, e, Role.EMPLOYEE));
      access.grant(
          Grant.builder()
              .user(e)
              .share(ShareType.FOLDER, project)
              .read(true)
              .write(true)
              .notifyUser(false)
              .build());
      add(steps, progress, e + " reads and writes folder " + project, true);
    }
    if (request.vendor().isPresent()) {
      String v = request.vendor().get();
      add(steps, progress, "accsyn vendor " + v, ensureUser(users, v, Role.STANDARD));
      access.grant(
          Grant.builder()
              .user(v)
              .share(ShareType.FOLDER, project)
              .read(true)
              .write(false)
              .notifyUser(false)
              .build());
      add(steps, progress, v + " reads folder " + project, true);
      access.grant(
          Grant.builder()
              .user(v)
              .share(ShareType.FOLDER, upload)
              .read(true)
              .write(true)
              .notifyUser(false)
              .build());
      add(steps, progress, v + " writes folder " + upload, true);
    }
    List<String> locations = new ArrayList<>(request.sites());
    request.employee().ifPresent(locations::add);
    request.vendor().ifPresent(locations::add);
    UnitOfWork uow = ftrack.unitOfWork();
    List<String> missing = new ArrayList<>();
    for (String name : locations) {
      boolean exists =
          ftrack
              .query(
                  io.pipelinekit.ftrack.Query.select("id")
                      .from("Location")
                      .where(Criteria.attr("name").is(name)))
              .first()
              .isPresent();
      if (!exists) {
        uow.create("Location", Map.of("name", name, "label", name));
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      uow.commit();
    }
    for (String name : locations) {
      add(steps, progress, "ftrack location " + name, missing.contains(name));
    }
    return List.copyOf(steps);
  }

  private static boolean ensureUser(Users users, String email, Role role) {
    Optional<User> u = users.findByEmail(email);
    if (u.isPresent()) {
      if (u.get().role() != role && u.get().role() != Role.ADMIN) {
        throw FlowException.badInput(
            email
                + " is an accsyn "
                + u.get().role()
                + ", not "
                + role
                + "; fix the role in accsyn");
      }
      return false;
    }
    if (role == Role.EMPLOYEE) {
      users.inviteEmployee(email);
    } else {
      users.inviteStandard(email);
    }
    return true;
  }

  private static void add(List<Step> steps, FlowProgress progress, String what, boolean created) {
    steps.add(new Step(what, created));
    progress.step((created ? "created  " : "exists   ") + what);
  }
}
