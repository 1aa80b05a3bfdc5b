# The Rekber application image for cluster mode (docker-compose.yml builds it).
# It copies the jar built on the host, so the image build needs no network and no build tools:
#   mvn -B -DskipTests package        (JDK 25 and Node as scripts/lib.sh selects them)
#   docker compose build rekber
# The jar holds no single-node infrastructure (scripts/test.sh checks) and carries the models
# (processes/, forms/) under classpath:models/.
FROM eclipse-temurin:25.0.3_9-jre
RUN groupadd --system rekber && useradd --system --gid rekber --home-dir /app rekber
WORKDIR /app
COPY --chown=rekber:rekber workers/target/rekber-workers-0.1.0-SNAPSHOT.jar /app/rekber.jar
USER rekber
EXPOSE 8080
ENTRYPOINT ["java", "-Xmx1g", "-jar", "/app/rekber.jar"]
