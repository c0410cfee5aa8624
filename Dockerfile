# Accord broker image. Build the jar first (mvn -B -DskipTests package), then: docker build -t accord-broker .
FROM eclipse-temurin:17-jre
WORKDIR /app
RUN useradd --system --uid 10001 accord && mkdir -p /app/accord-data && chown accord /app/accord-data
COPY broker-server/target/broker-server.jar /app/broker-server.jar
USER accord
EXPOSE 9292
# H2 under /app/accord-data unless SPRING_DATASOURCE_URL points at PostgreSQL (see docker-compose.yml).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/broker-server.jar"]
