package dev.accord.broker.web;

import java.io.PrintWriter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Errors Tomcat raises before any servlet runs (an invalid percent-encoding, {@code %00} or {@code
 * %5C} in the path, an over-long URL or header) answered in the broker's error shape instead of
 * Tomcat's HTML page.
 */
public class ContainerErrorReport extends ErrorReportValve {
  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    try {
      response.setContentType(ErrorBody.CONTENT_TYPE);
      PrintWriter writer = response.getReporter();
      if (writer != null) {
        writer.write(ErrorBody.json(ErrorBody.forStatus(status)));
        response.finishResponse();
      }
    } catch (java.io.IOException | IllegalStateException e) {
      // the client is gone or the response was already taken: nothing more to tell it
    }
  }
}
