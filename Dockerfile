# Accord broker image. Build the jar first (mvn -B -DskipTests package), then: docker build -t accord-broker .
# The jar is extracted (a thin broker-server.jar beside lib/) and a training run (the broker sends itself the requests
# it answers most, then exits) writes an ahead-of-time cache of the classes the broker loads and links and of the
# methods' profiles: the start takes about half the CPU of a plain java -jar and the first requests are served as fast
# as later ones (docs/performance.md#broker-server-start). The broker needs JDK 17 or later;
# the image runs it on JDK 25 for the cache (JDK 17's class-data archive is the alternative, see docs/broker.md).
FROM eclipse-temurin:25-jre AS extract
WORKDIR /build
COPY broker-server/target/broker-server.jar /build/broker-server.jar
RUN java -Djarmode=tools -jar /build/broker-server.jar extract --destination /app

FROM eclipse-temurin:25-jre
WORKDIR /app
RUN useradd --system --uid 10001 accord && mkdir -p /app/accord-data && chown accord /app/accord-data
COPY --from=extract /app /app
# Training on an in-memory database (the training run refuses any other): nothing is kept, no database is needed at
# build time; an answer other than the expected one fails the build.
RUN java -XX:AOTCacheOutput=/app/broker-server.aot -jar /app/broker-server.jar \
      --spring.datasource.url=jdbc:h2:mem:training --accord.broker.training-run=true --server.port=0
USER accord
EXPOSE 9292
# H2 under /app/accord-data unless SPRING_DATASOURCE_URL points at PostgreSQL (see docker-compose.yml).
ENTRYPOINT ["java", "-XX:AOTCache=/app/broker-server.aot", "-XX:MaxRAMPercentage=75", "-jar", "/app/broker-server.jar"]
