#!/bin/sh
# Starts the WAR on Payara Micro.
# - Alone (no CLUSTER_MEMBERS): no data grid at all (--nohazelcast), so the only open port is HTTP 8080.
# - Clustered (CLUSTER_MEMBERS=host:port,…): Payara's data grid (Hazelcast) joins exactly those members over TCP,
#   listens only on the address CLUSTER_INTERFACE names (never on every interface), and its cluster name is the secret
#   CLUSTER_SECRET — Hazelcast's only credential, read from the environment by pre-boot-commands.asadmin so that it is
#   on no command line. The app refuses to start clustered without a secret of at least 16 characters.
set -e
if [ -n "$CLUSTER_MEMBERS" ]; then
  if [ "${#CLUSTER_SECRET}" -lt 16 ]; then
    echo "CLUSTER_MEMBERS is set but CLUSTER_SECRET is missing or shorter than 16 characters (openssl rand -base64 32)" >&2
    exit 64
  fi
  if [ -z "$CLUSTER_INTERFACE" ]; then
    echo "CLUSTER_MEMBERS is set but CLUSTER_INTERFACE is not: the address (or pattern, e.g. 172.28.0.*) the data grid listens on" >&2
    exit 64
  fi
  set -- --clustermode "tcpip:${CLUSTER_MEMBERS}" --interfaces "$CLUSTER_INTERFACE" --startport 6900
  # bind to CLUSTER_INTERFACE only; Hazelcast writes its cluster name (the secret) before every message unless told not to
  grid="-Dhazelcast.socket.bind.any=false -Dhazelcast.logging.details.enabled=false"
  postboot=config/payara/post-boot-cluster.asadmin
else
  set -- --nohazelcast
  grid=
  postboot=config/payara/post-boot-commands.asadmin
fi
exec java $grid -jar payara-micro.jar --prebootcommandfile config/payara/pre-boot-commands.asadmin \
  --postbootcommandfile "$postboot" --logproperties config/payara/logging.properties \
  --deploy pujin-open.war --contextroot / --port 8080 "$@"
