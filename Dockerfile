# privacyscan with Debian's Chromium, for CI jobs (docs/ci.md#docker).
#
#   docker build --build-arg VERSION=v1.2.3 -t privacyscan .
#   docker run --rm --init -v "$PWD:/work" privacyscan scan --format html -o report.html https://shop.example/
#
# Stage 1 builds a static binary with the Go release go.mod names (a test in
# internal/cli checks that the two agree).
FROM golang:1.26.8-trixie AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath \
      -ldflags "-s -w -X github.com/privacyscan/privacyscan/internal/cli.Version=${VERSION}" \
      -o /out/privacyscan ./cmd/privacyscan

# Stage 2: Debian stable with its chromium package (security updates through
# Debian), fonts so banners render with real text metrics, CA certificates
# for the crawler, and nothing else.
FROM debian:trixie-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium ca-certificates fonts-liberation fonts-noto-core \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/privacyscan /usr/local/bin/privacyscan

# A non-root user. privacyscan starts Chromium with --no-sandbox (and
# --disable-dev-shm-usage), which is what lets it run as an unprivileged user
# in a container without CAP_SYS_ADMIN or a seccomp profile; the container
# is the sandbox. Its home holds the knowledge-base cache ('db update').
RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin privacyscan \
 && mkdir /work && chown privacyscan:privacyscan /work
USER privacyscan
WORKDIR /work

# Fails the image build if the binary or the browser does not run here.
RUN privacyscan version && chromium --version

ENTRYPOINT ["privacyscan"]
CMD ["--help"]
