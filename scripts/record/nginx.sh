#!/usr/bin/env bash
# Records real nginx logs for test/fixtures/logs/nginx/: nginx on 127.0.0.1 with a throwaway config,
# proxying /api/ to an upstream port where nothing listens (connect() refused -> 502), plus 200, 404
# and a malformed request. Two access logs: the stock "combined" format and one with
# request/upstream times appended (rt= urt=). The server is stopped by its own pid file.
# Needs nginx (apt-get install nginx-light) and curl. Run from the repo root: bash scripts/record/nginx.sh
set -euo pipefail
out=$(realpath -m "${1:-test/fixtures/logs/nginx}")
port=${NGINX_RECORD_PORT:-18481}
dead_port=${NGINX_RECORD_DEAD_PORT:-18482}
work=$(mktemp -d)
stop() {
  if [ -s "$work/nginx.pid" ]; then kill -QUIT "$(cat "$work/nginx.pid")" 2>/dev/null || true; fi
  sleep 0.3
  rm -rf "$work"
}
trap stop EXIT
mkdir -p "$out" "$work/logs"
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/logs/error.log info;
events { worker_connections 64; }
http {
  client_body_temp_path $work/body;
  proxy_temp_path $work/proxy;
  fastcgi_temp_path $work/fastcgi;
  uwsgi_temp_path $work/uwsgi;
  scgi_temp_path $work/scgi;
  log_format timed '\$remote_addr - \$remote_user [\$time_local] "\$request" \$status \$body_bytes_sent '
                   '"\$http_referer" "\$http_user_agent" rt=\$request_time uct="\$upstream_connect_time" '
                   'urt="\$upstream_response_time"';
  access_log $work/logs/access.log combined;
  access_log $work/logs/access-timed.log timed;
  server {
    listen 127.0.0.1:$port;
    server_name localhost;
    location = / { return 200 "ok\n"; }
    location /api/ { proxy_pass http://127.0.0.1:$dead_port; }
    location /slow { proxy_pass http://127.0.0.1:$dead_port; proxy_connect_timeout 1s; }
  }
}
CONF
nginx -p "$work" -c "$work/nginx.conf" -e "$work/logs/error.log"
for _ in $(seq 1 50); do [ -s "$work/nginx.pid" ] && break; sleep 0.1; done
base=http://127.0.0.1:$port
curl -s -o /dev/null -A 'curl/8' "$base/"
curl -s -o /dev/null -A 'curl/8' "$base/missing.html"
curl -s -o /dev/null -A 'curl/8' -e "$base/" "$base/api/orders?id=7"
curl -s -o /dev/null -A 'Mozilla/5.0 (X11; Linux x86_64) "quoted"' -X POST -d 'x=1' "$base/api/pay"
curl -s -o /dev/null -u alice:secret "$base/"
# a request line nginx cannot parse: logged as 400 with the raw bytes
printf 'BLAH\r\n\r\n' | timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port; cat >&3; cat <&3 >/dev/null" || true
kill -QUIT "$(cat "$work/nginx.pid")"
for _ in $(seq 1 50); do [ -e "$work/nginx.pid" ] || break; sleep 0.1; done
cp "$work/logs/error.log" "$work/logs/access.log" "$work/logs/access-timed.log" "$out/"
echo "recorded into $out"
