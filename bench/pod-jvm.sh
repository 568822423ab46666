# Sourced by the bench scripts: the JVM options of the serving pod, read from k8s/base/deployment.yaml (its
# JAVA_OPTS_APPEND, without -XX:AOTCache, which the scripts give themselves), so a bench runs the JVM exactly as
# the pod sizes it.
POD_JVM_OPTS=$(awk '/name: JAVA_OPTS_APPEND/ { on = 1; next } on && /^ *- name:/ { exit } on && /^ *-X/ { print $1 }' \
  "$(dirname "${BASH_SOURCE[0]}")/../k8s/base/deployment.yaml" | grep -v AOTCache | tr '\n' ' ')
[ -n "$POD_JVM_OPTS" ] || { echo "no JAVA_OPTS_APPEND in k8s/base/deployment.yaml" >&2; exit 1; }
