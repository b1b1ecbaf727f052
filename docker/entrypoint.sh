#!/bin/sh
# Starts the WAR on Payara Micro. With CLUSTER_MEMBERS (host:port,…) the instance joins the Hazelcast cluster
# CLUSTER_NAME over TCP (no multicast in container networks); without it the instance runs alone.
set -e
if [ -n "$CLUSTER_MEMBERS" ]; then
  set -- --clustername "${CLUSTER_NAME:-pujin-open}" --clustermode "tcpip:${CLUSTER_MEMBERS}" --startport 6900
else
  set -- --nocluster
fi
exec java -jar payara-micro.jar --prebootcommandfile config/payara/pre-boot-commands.asadmin \
  --deploy pujin-open.war --contextroot / --port 8080 "$@"
