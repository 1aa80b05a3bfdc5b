package id.rekber.platform;

import io.camunda.client.api.response.DeploymentEvent;
import java.util.Optional;

/**
 * Remembers what was deployed and by whom, and holds the versions approved in the process studio.
 * {@link ModelDeployer} asks it before deploying a file from disk, so a restart never undoes an
 * approved change (docs/studio.md, "One source of truth").
 */
public interface ModelJournal {
  /** The approved content to deploy instead of the file on disk, if the studio approved one that is newer. */
  Optional<byte[]> approvedReplacement(String resourceName, byte[] onDisk);

  /** A deployment happened; {@code deployedBy} is a user's e-mail or {@code start-up}. */
  void deployed(String resourceName, byte[] content, DeploymentEvent event, String deployedBy, Long draftId, byte[] onDisk);
}
