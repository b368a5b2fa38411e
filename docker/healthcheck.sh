#!/usr/bin/env bash
# The image's HEALTHCHECK: healthy while the app's own GET /health answers 200, which it does only while
# Kafka Streams is RUNNING (503 while starting, rebalancing or failed). It asks over bash's /dev/tcp so the
# image needs no HTTP client: curl and wget are in the base image today only "for historical reasons".
# /health needs no token. The port is api.port as the environment sets it; the address is loopback, which
# api.bind=0.0.0.0 (the image's default) includes.
# Exit 0 healthy, 1 unhealthy (Docker reserves 2).

port="${OUTAGE_RADAR_API_PORT:-8080}"

probe() {
    exec 3<>"/dev/tcp/127.0.0.1/${port}" || return 1
    printf 'GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 || return 1
    local version status
    read -r -t 5 version status _ <&3 || return 1
    [[ "$version" == HTTP/* && "$status" == 200 ]]
}

probe 2>/dev/null || exit 1
