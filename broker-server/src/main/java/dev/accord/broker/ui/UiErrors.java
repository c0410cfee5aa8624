package dev.accord.broker.ui;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors on any UI page (this package and its sub-packages) as HTML pages: an unknown name is the
 * 404 page saying what is missing, a malformed query parameter a 400 page naming it. Ordered before
 * the API's JSON error handler, whose catch-all would otherwise turn these into 500s.
 */
@ControllerAdvice(basePackageClasses = UiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class UiErrors {

  @ExceptionHandler(PageNotFound.class)
  String notFound(PageNotFound e, Model model, HttpServletResponse response) {
    response.setStatus(404);
    model.addAttribute("heading", "Not found");
    model.addAttribute("message", e.getMessage());
    return "not-found";
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  String badParameter(
      MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
    response.setStatus(400);
    model.addAttribute("heading", "Bad request");
    model.addAttribute(
        "message",
        "The query parameter '"
            + e.getName()
            + "' must be "
            + (e.getRequiredType() == int.class || e.getRequiredType() == Integer.class
                ? "a whole number"
                : "true or false")
            + ", got '"
            + e.getValue()
            + "'.");
    return "not-found";
  }
}
