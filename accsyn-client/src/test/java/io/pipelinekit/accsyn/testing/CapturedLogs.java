package io.pipelinekit.accsyn.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * A test-only SLF4J backend that records every event at every level (TRACE included), so tests can
 * prove what is logged and that no secret ever is. Found by SLF4J's service loader through {@code
 * META-INF/services}; no logging library is added to the build.
 */
public final class CapturedLogs implements SLF4JServiceProvider {
  /** One logged line. */
  public record Line(Level level, String logger, String message, Throwable error) {
    /** The message plus the messages of the throwable chain, as a backend would print them. */
    public String fullText() {
      StringBuilder sb = new StringBuilder(message);
      for (Throwable t = error; t != null; t = t.getCause()) {
        sb.append(" | ").append(t).append(' ');
        for (Throwable s : t.getSuppressed()) {
          sb.append(" | suppressed ").append(s);
        }
      }
      return sb.toString();
    }
  }

  private static final List<Line> LINES = new CopyOnWriteArrayList<>();

  /** Every line logged so far in this JVM. */
  public static List<Line> lines() {
    return new ArrayList<>(LINES);
  }

  /** Forgets what was logged. */
  public static void clear() {
    LINES.clear();
  }

  private final ILoggerFactory factory = Capturing::new;
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();

  @Override
  public ILoggerFactory getLoggerFactory() {
    return factory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}

  private static final class Capturing extends AbstractLogger implements Logger {
    private static final long serialVersionUID = 1L;

    Capturing(String name) {
      this.name = name;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level, Marker marker, String pattern, Object[] args, Throwable throwable) {
      String text = MessageFormatter.basicArrayFormat(pattern, args);
      LINES.add(new Line(level, name, text, throwable));
    }

    @Override
    public boolean isTraceEnabled() {
      return true;
    }

    @Override
    public boolean isTraceEnabled(Marker marker) {
      return true;
    }

    @Override
    public boolean isDebugEnabled() {
      return true;
    }

    @Override
    public boolean isDebugEnabled(Marker marker) {
      return true;
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public boolean isInfoEnabled(Marker marker) {
      return true;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isWarnEnabled(Marker marker) {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled(Marker marker) {
      return true;
    }
  }
}
