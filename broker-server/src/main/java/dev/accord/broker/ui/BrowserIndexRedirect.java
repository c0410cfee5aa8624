package dev.accord.broker.ui;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser opening the broker's root ({@code Accept: text/html}, no JSON) goes to the web UI; the
 * Pact clients send {@code Accept: application/hal+json, application/json} and keep getting the HAL
 * index.
 */
@Component
class BrowserIndexRedirect extends OncePerRequestFilter {
  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String accept = request.getHeader("Accept");
    if (("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
        && (path.isEmpty() || path.equals("/"))
        && accept != null
        && accept.contains("text/html")
        && !accept.contains("json")) {
      response.sendRedirect(request.getContextPath() + "/ui");
      return;
    }
    chain.doFilter(request, response);
  }
}
