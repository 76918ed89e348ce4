# Sourced by .ci/run: PostgreSQL and Redis for the web store's contract tests (issue 16), installed
# from Debian's packages only when missing, started on ports of their own only when not already
# answering (so running CI twice is fine), and their URLs exported for the tests.
ci_pg_port=55432
ci_redis_port=56379
ci_pg_data="${TMPDIR:-/tmp}/elysium-ci-postgres"

ci_missing=()
command -v redis-server >/dev/null || ci_missing+=(redis-server)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || ci_missing+=(postgresql)
if ((${#ci_missing[@]})); then
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${ci_missing[@]}" >/dev/null
    else
        echo "not root: not installing ${ci_missing[*]}; their store tests will be skipped" >&2
    fi
fi

if command -v redis-server >/dev/null; then
    if ! redis-cli -p "$ci_redis_port" ping >/dev/null 2>&1; then
        redis-server --port "$ci_redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes >/dev/null
        for _ in $(seq 50); do redis-cli -p "$ci_redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
    fi
    export ELYSIUM_TEST_REDIS="redis://127.0.0.1:$ci_redis_port/0"
fi

ci_pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -n "$ci_pg_bin" ]; then
    # PostgreSQL will not run as root: as root it runs as the postgres user its package made.
    ci_as_pg=()
    [ "$(id -u)" = 0 ] && ci_as_pg=(runuser -u postgres --)
    if [ ! -f "$ci_pg_data/PG_VERSION" ]; then
        rm -rf "$ci_pg_data"
        mkdir -p "$ci_pg_data"
        [ "$(id -u)" = 0 ] && chown postgres: "$ci_pg_data"
        "${ci_as_pg[@]}" "$ci_pg_bin/initdb" -D "$ci_pg_data" -A trust -U elysium --no-sync >/dev/null
    fi
    if ! "${ci_as_pg[@]}" "$ci_pg_bin/pg_ctl" -D "$ci_pg_data" status >/dev/null 2>&1; then
        "${ci_as_pg[@]}" "$ci_pg_bin/pg_ctl" -D "$ci_pg_data" -l "$ci_pg_data/log" -w \
            -o "-p $ci_pg_port -h 127.0.0.1 -k $ci_pg_data -c fsync=off" start >/dev/null
    fi
    export ELYSIUM_TEST_POSTGRES="postgresql://elysium@127.0.0.1:$ci_pg_port/postgres"
fi
