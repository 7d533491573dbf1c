#!/usr/bin/env bash
# Stops the services, the console and the OIDC provider, then the infrastructure this project started (never the machine's own PostgreSQL or Redis).
set -euo pipefail
dir="$(dirname "$0")"
bash "$dir/services.sh" stop
bash "$dir/console.sh" stop
bash "$dir/infra/down.sh"
