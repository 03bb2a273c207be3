package io.pipelinekit.flows;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.party.Party;

/**
 * The accsyn rights each flow needs, checked before anything is submitted so that a user who lacks
 * one learns which right and who can grant it, instead of a refusal from the middle of a job.
 *
 * <p>accsyn's rules: admins may do everything; employees read sites and may create transfers and
 * deliveries, but see a volume and move files between sites only with access granted on that
 * volume; standard users (vendors, clients) only move files they were granted, to and from their
 * own machines.
 */
final class Rights {
  private static final String ADMIN_GRANTS =
      "an accsyn admin grants it in the accsyn web app (Admin > Volumes > %s > Access) or runs"
          + " setup with the pipeline account (setup grants that account the volume)";

  private Rights() {}

  static String who(AccsynClient accsyn) {
    return accsyn.username() + " (" + accsyn.role() + ")";
  }

  static boolean isAdmin(AccsynClient accsyn) {
    return "admin".equalsIgnoreCase(accsyn.role()) || "support".equalsIgnoreCase(accsyn.role());
  }

  static boolean isStandard(AccsynClient accsyn) {
    return !isAdmin(accsyn) && !"employee".equalsIgnoreCase(accsyn.role());
  }

  /** Setup creates sites, shares and users: only admins may. */
  static void requireAdmin(AccsynClient accsyn, String flow) {
    if (!isAdmin(accsyn)) {
      throw FlowException.permissionDenied(
          who(accsyn),
          "the accsyn admin role",
          flow,
          "run it with a workspace admin's key (ACCSYN_API_USER and ACCSYN_API_KEY of an admin)");
    }
  }

  /** A transfer between two sites reads and writes the volume at both ends. */
  static void requireTransfer(AccsynClient accsyn, StudioLayout layout, Party from, Party to) {
    if (isAdmin(accsyn) || !isSite(from) || !isSite(to)) {
      return;
    }
    if (isStandard(accsyn)) {
      throw FlowException.permissionDenied(
          who(accsyn),
          "the employee or admin role",
          "transfers between sites",
          "send with the pipeline account's key, or ask an accsyn admin");
    }
    if (!WriteAccess.of(accsyn, layout.volume()).hasFullVolume()) {
      throw FlowException.permissionDenied(
          who(accsyn),
          "full read and write access to volume '" + layout.volume() + "'",
          "transfers between sites",
          String.format(ADMIN_GRANTS, layout.volume()));
    }
  }

  /** Deliveries live on the volume: employees need access to it, standard users cannot. */
  static void requireDeliveries(AccsynClient accsyn, StudioLayout layout) {
    if (isAdmin(accsyn)) {
      return;
    }
    if (isStandard(accsyn)) {
      throw FlowException.permissionDenied(
          who(accsyn),
          "the employee or admin role",
          "accsyn deliveries (review distribution)",
          "distribute with the pipeline account's key, or ask an accsyn admin");
    }
    if (!WriteAccess.of(accsyn, layout.volume()).hasFullVolume()) {
      throw FlowException.permissionDenied(
          who(accsyn),
          "access to volume '" + layout.volume() + "'",
          "accsyn deliveries (review distribution)",
          String.format(ADMIN_GRANTS, layout.volume()));
    }
  }

  private static boolean isSite(Party p) {
    return p.kind() == Party.Kind.SITE || p.kind() == Party.Kind.WORKSPACE;
  }
}
