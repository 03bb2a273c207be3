package io.pipelinekit.examples.cli;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.TrustManagerFactory;

/**
 * Loads the JVM's trusted certificates on a second thread while the command line is parsed. Every
 * HTTP client the commands build reads them first (whether or not its server speaks TLS), and
 * parsing the hundred-odd certificates of a fresh JVM's trust store is the largest single cost
 * before a command's first request. The JVM keeps the loaded store, so the client that asks next
 * gets it at once, or waits for this thread to finish instead of loading it a second time.
 */
final class TrustStore {
  private TrustStore() {}

  /** Starts the loading on a daemon thread and returns at once. */
  static void loadInBackground() {
    Thread t = new Thread(TrustStore::load, "pipelinekit-trust-store");
    t.setDaemon(true);
    t.start();
  }

  private static void load() {
    try {
      TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm())
          .init((KeyStore) null);
    } catch (GeneralSecurityException | RuntimeException e) {
      // The client that needs the store loads it again and reports what is wrong.
    }
  }
}
