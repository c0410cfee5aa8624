package dev.accord.broker.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read as their JSON types say: a number or {@code true} where a string is
 * expected, a string where {@code true}/{@code false} or a number is expected, is refused by field
 * ({@code {"errors": {"name": ["must be a string"]}}}) instead of being converted. The Pact clients
 * (the pact CLI, pact-jvm, pact-js, Accord) send strings for names and version numbers and JSON
 * booleans for flags, and the Ruby broker refuses other types, so converting would only hide a
 * caller's mistake (a version number {@code 1.10} sent as a number is stored as {@code "1.1"}).
 */
@Configuration(proxyBeanMethods = false)
class StrictRequestJson {
  @Bean
  JsonMapperBuilderCustomizer noScalarCoercion() {
    return builder ->
        builder
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(
                LogicalType.Textual,
                c ->
                    c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }
}
