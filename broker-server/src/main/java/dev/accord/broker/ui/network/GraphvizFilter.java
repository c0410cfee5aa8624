package dev.accord.broker.ui.network;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code GET /integrations} with an Accept header that names {@code text/vnd.graphviz} answers the
 * DOT graph. Only an explicit request for DOT does: HAL clients, and clients sending {@code
 * *}{@code /*}, keep the HAL response unchanged (a {@code produces} mapping would have won content
 * negotiation for {@code *}{@code /*}).
 */
@Component
class GraphvizFilter extends OncePerRequestFilter {
  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String accept = request.getHeader("Accept");
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
        && accept != null
        && accept.toLowerCase(java.util.Locale.ROOT).contains("text/vnd.graphviz")
        && ("/integrations".equals(path) || "/integrations/".equals(path))) {
      request.getRequestDispatcher("/ui/network.dot").forward(request, response);
      return;
    }
    chain.doFilter(request, response);
  }
}
